namespace BaliProcess.Web.Features.Sources.FromDocument;

/// <summary>The texts of the forms for records from a document (FromDocumentText.resx, FromDocumentText.id.resx).</summary>
public sealed class FromDocumentText;
