namespace BaliProcess.Web.Features.Corrections;

/// <summary>The Corrections pages' and services' interface texts (CorrectionsText.resx English, CorrectionsText.id.resx Bahasa Indonesia; docs/decisions/0042).</summary>
public sealed class CorrectionsText;
