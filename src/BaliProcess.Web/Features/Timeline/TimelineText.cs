namespace BaliProcess.Web.Features.Timeline;

/// <summary>The texts of the Timeline pages and services (docs/decisions/0042): TimelineText.resx and TimelineText.id.resx.</summary>
public sealed class TimelineText;
