namespace BaliProcess.Web.Features.Documents;

/// <summary>The texts of the published documents' pages, editor and services (DocumentsText.resx, DocumentsText.id.resx).</summary>
public sealed class DocumentsText;
