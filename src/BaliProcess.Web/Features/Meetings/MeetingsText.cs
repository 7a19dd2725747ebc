namespace BaliProcess.Web.Features.Meetings;

/// <summary>The texts of the meetings pages, their editor and its messages (MeetingsText.resx, MeetingsText.id.resx).</summary>
public sealed class MeetingsText;
