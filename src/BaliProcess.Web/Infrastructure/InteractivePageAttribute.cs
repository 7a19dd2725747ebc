namespace BaliProcess.Web.Infrastructure;

/// <summary>
/// Marks a page that needs a live server connection (staff editing). Every other page is rendered as
/// static HTML, which is what visitors on slow or intermittent connections need.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class InteractivePageAttribute : Attribute;
