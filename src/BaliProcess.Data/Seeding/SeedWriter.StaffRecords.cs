using BaliProcess.Data.Model;

namespace BaliProcess.Data.Seeding;

// Loading an export's participants, memberships, mechanisms and mechanism memberships that staff added from a document
// (decision 0034): created once as the secretariat's, with their marks, as statements are (decision 0031).
internal sealed partial class SeedWriter
{
    private static Participant RestoredParticipant(ParticipantJson json)
    {
        var participant = new Participant
        {
            Slug = json.Slug!,
            Name = json.Name!,
            FullName = json.FullName,
            Aliases = [.. json.Aliases ?? []],
            PortalAliases = [.. json.PortalAliases ?? []],
            Kind = Enum.Parse<ParticipantKind>(json.Kind!),
            Region = json.Region,
            Memberships = [.. (json.Memberships ?? []).Select(RestoredMembership)],
            Origin = RecordOrigin.Staff,
            IsDraft = json.IsDraft ?? false,
            AddedBy = json.AddedBy,
            AddedByUserId = json.AddedByUserId,
            AddedAt = json.AddedAt,
            PublishedBy = json.PublishedBy,
            PublishedByUserId = json.PublishedByUserId,
            PublishedAt = json.PublishedAt,
        };
        SetSources(participant.Sources, json.Source, json.Sources);
        return participant;
    }

    private static Membership RestoredMembership(MembershipJson json)
    {
        var (since, precision) = Split(json.Since);
        var membership = new Membership
        {
            Status = Enum.Parse<MembershipStatus>(json.Status!),
            SinceDate = since,
            SincePrecision = precision,
            Origin = OriginOf(json.Origin),
            IsDraft = json.IsDraft ?? false,
            AddedBy = json.AddedBy,
            AddedByUserId = json.AddedByUserId,
            AddedAt = json.AddedAt,
            PublishedBy = json.PublishedBy,
            PublishedByUserId = json.PublishedByUserId,
            PublishedAt = json.PublishedAt,
            WithdrawnAt = json.WithdrawnAt,
            WithdrawnReason = json.WithdrawnReason,
        };
        SetSources(membership.Sources, json.Source, null);
        return membership;
    }

    /// <summary>An export's staff mechanism: its marks here, its fields by <see cref="WriteMechanism"/> once, as it is created.</summary>
    private static Mechanism RestoredMechanism(MechanismJson json) => new()
    {
        Slug = json.Slug!,
        Name = json.Name!,
        Origin = RecordOrigin.Staff,
        IsDraft = json.IsDraft ?? false,
        AddedBy = json.AddedBy,
        AddedByUserId = json.AddedByUserId,
        AddedAt = json.AddedAt,
        PublishedBy = json.PublishedBy,
        PublishedByUserId = json.PublishedByUserId,
        PublishedAt = json.PublishedAt,
        WithdrawnAt = json.WithdrawnAt,
        WithdrawnReason = json.WithdrawnReason,
    };

    private MechanismMembership RestoredMechanismMembership(MechanismMembershipJson j)
    {
        var membership = new MechanismMembership
        {
            Mechanism = j.Mechanism is null ? null : mechanisms[j.Mechanism],
            Participant = ParticipantNamed(j.Participant!),
            Role = Enum.Parse<MechanismRole>(j.Role!),
            AsWritten = j.AsWritten,
            Origin = RecordOrigin.Staff,
            IsDraft = j.IsDraft ?? false,
            AddedBy = j.AddedBy,
            AddedByUserId = j.AddedByUserId,
            AddedAt = j.AddedAt,
            PublishedBy = j.PublishedBy,
            PublishedByUserId = j.PublishedByUserId,
            PublishedAt = j.PublishedAt,
            WithdrawnAt = j.WithdrawnAt,
            WithdrawnReason = j.WithdrawnReason,
        };
        (membership.FromDate, membership.FromPrecision) = Split(j.From);
        (membership.ToDate, membership.ToPrecision) = Split(j.To);
        SetSources(membership.Sources, j.Source, j.Sources);
        return membership;
    }
}
