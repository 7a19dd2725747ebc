namespace BaliProcess.Web.Features.Sources;

/// <summary>The texts of the sources pages, their editors and services (SourcesText.resx, SourcesText.id.resx).</summary>
public sealed class SourcesText;
