namespace BaliProcess.Web.Features.Changes;

/// <summary>The texts of Features/Changes in English and Bahasa Indonesia (ChangesText.resx, ChangesText.id.resx; decision 0042).</summary>
public sealed class ChangesText;
