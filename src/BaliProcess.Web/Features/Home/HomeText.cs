namespace BaliProcess.Web.Features.Home;

/// <summary>The texts of the Home pages and services (docs/decisions/0042): HomeText.resx and HomeText.id.resx.</summary>
public sealed class HomeText;
