namespace BaliProcess.Web.Features.OpenData;

/// <summary>The texts of Features/OpenData in English and Bahasa Indonesia (OpenDataText.resx, OpenDataText.id.resx; decision 0042).</summary>
public sealed class OpenDataText;
