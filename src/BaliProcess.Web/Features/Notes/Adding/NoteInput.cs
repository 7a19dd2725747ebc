namespace BaliProcess.Web.Features.Notes.Adding;

/// <summary>The fields a disagreement and an open question share, as their forms post them.</summary>
public sealed class NoteInput
{
    public string? Subject { get; set; }
    public string? Field { get; set; }
    public string? Description { get; set; }
    public string? Step { get; set; }
}
