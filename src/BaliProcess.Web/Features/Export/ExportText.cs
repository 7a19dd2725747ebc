namespace BaliProcess.Web.Features.Export;

/// <summary>The Export pages' and services' interface texts (ExportText.resx English, ExportText.id.resx Bahasa Indonesia; docs/decisions/0042).</summary>
public sealed class ExportText;
