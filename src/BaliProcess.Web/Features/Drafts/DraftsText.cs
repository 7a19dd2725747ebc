namespace BaliProcess.Web.Features.Drafts;

/// <summary>The Drafts pages' and services' interface texts (DraftsText.resx English, DraftsText.id.resx Bahasa Indonesia; docs/decisions/0042).</summary>
public sealed class DraftsText;
