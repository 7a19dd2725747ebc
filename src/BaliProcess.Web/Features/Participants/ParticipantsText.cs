namespace BaliProcess.Web.Features.Participants;

/// <summary>The texts of the Participants pages and services (docs/decisions/0042): ParticipantsText.resx and ParticipantsText.id.resx.</summary>
public sealed class ParticipantsText;
