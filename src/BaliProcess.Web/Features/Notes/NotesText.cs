namespace BaliProcess.Web.Features.Notes;

/// <summary>The interface texts of the notes' pages, components and services (NotesText.resx, NotesText.id.resx).</summary>
public sealed class NotesText;
