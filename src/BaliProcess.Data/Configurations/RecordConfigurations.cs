using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaliProcess.Data.Configurations;

public sealed class MechanismMembershipEntityTypeConfiguration : IEntityTypeConfiguration<MechanismMembership>
{
    public void Configure(EntityTypeBuilder<MechanismMembership> builder)
    {
        builder.Property(e => e.Role).HasConversion<string>();
        builder.Property(e => e.FromPrecision).HasConversion<string>();
        builder.Property(e => e.ToPrecision).HasConversion<string>();
        builder.Ignore(e => e.From);
        builder.Ignore(e => e.To);
        builder.HasSources();
        // The words are part of the key (decision 0041): a participant may hold two roles of one kind, each in its own words.
        builder.HasIndex(e => new { e.MechanismId, e.ParticipantId, e.Role, e.AsWritten }).IsUnique().AreNullsDistinct(false);
        builder.HasOne(e => e.Mechanism).WithMany(m => m.Memberships).HasForeignKey(e => e.MechanismId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Participant).WithMany(p => p.MechanismMemberships).HasForeignKey(e => e.ParticipantId).OnDelete(DeleteBehavior.Restrict);

        // Who belongs to a mechanism, added by staff from a document (decision 0034): hidden while a draft (the rows of a
        // draft mechanism are drafts with it); withdrawn on its own or with its mechanism (decision 0039): one filter.
        builder.StaffAdded();
        builder.HasQueryFilter(e => !e.IsDraft && e.WithdrawnAt == null && e.Mechanism!.WithdrawnAt == null);
        builder.Property(e => e.WithdrawnReason).HasMaxLength(RecordCorrection.ReasonMaxLength);
    }
}

public sealed class MechanismRelationEntityTypeConfiguration : IEntityTypeConfiguration<MechanismRelation>
{
    public void Configure(EntityTypeBuilder<MechanismRelation> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>();
        builder.HasSources();
        builder.HasIndex(e => new { e.FromMechanismId, e.ToMechanismId, e.Kind }).IsUnique();
        builder.HasOne(e => e.FromMechanism).WithMany().HasForeignKey(e => e.FromMechanismId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.ToMechanism).WithMany().HasForeignKey(e => e.ToMechanismId).OnDelete(DeleteBehavior.Cascade);

        // A relation of a draft mechanism (decision 0034) is as hidden as the mechanism.
        // And of a withdrawn one (decision 0039).
        builder.HasQueryFilter(e => !e.FromMechanism!.IsDraft && !e.ToMechanism!.IsDraft && e.FromMechanism.WithdrawnAt == null && e.ToMechanism.WithdrawnAt == null);
    }
}

public sealed class OutcomeDocumentEntityTypeConfiguration : IEntityTypeConfiguration<OutcomeDocument>
{
    public void Configure(EntityTypeBuilder<OutcomeDocument> builder)
    {
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.Property(e => e.Kind).HasConversion<string>();
        builder.Property(e => e.Action).HasConversion<string>();
        builder.Property(e => e.DatePrecision).HasConversion<string>();
        builder.Ignore(e => e.When);
        builder.HasSources();
        builder.OwnsMany(e => e.Quotes, q =>
        {
            q.ToJson();
            q.OwnsOne(x => x.Source);
        });
        builder.HasOne(e => e.Meeting).WithMany().HasForeignKey(e => e.MeetingId).OnDelete(DeleteBehavior.SetNull);

        // Join tables of their own: the paragraph and meeting tables stay as they are.
        builder.HasMany(e => e.MentionedAtMeetings).WithMany().UsingEntity("outcome_document_meetings");
        builder.HasMany(e => e.MentionedIn).WithMany().UsingEntity("outcome_document_paragraphs");
        builder.HasMany(e => e.DevelopedBy).WithOne(x => x.OutcomeDocument!).HasForeignKey(x => x.OutcomeDocumentId).OnDelete(DeleteBehavior.Cascade);

        // Staff-added outcome documents (decision 0033): as meetings, a draft is hidden from every query that does not
        // say IgnoreQueryFilters() (one filter per entity: a second HasQueryFilter would replace the first).
        builder.Property(e => e.Origin).HasConversion<string>();
        builder.Property(e => e.AddedByUserId).HasMaxLength(450);
        builder.Property(e => e.PublishedByUserId).HasMaxLength(450);
        // Withdrawn (decision 0039): one filter with the draft's.
        builder.HasQueryFilter(e => !e.IsDraft && e.WithdrawnAt == null);
        builder.Property(e => e.WithdrawnReason).HasMaxLength(RecordCorrection.ReasonMaxLength);
    }
}

public sealed class PersonEntityTypeConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.HasSources();
        builder.HasMany(e => e.Roles).WithOne(r => r.Person!).HasForeignKey(r => r.PersonId);

        // A person staff added with their first role is a draft until that role is published (decision 0035).
        builder.HasStaffColumns();
        // Withdrawn (decision 0039): its roles go with it (their filter).
        builder.HasQueryFilter(e => !e.IsDraft && e.WithdrawnAt == null);
        builder.Property(e => e.WithdrawnReason).HasMaxLength(RecordCorrection.ReasonMaxLength);
    }
}

public sealed class PersonRoleEntityTypeConfiguration : IEntityTypeConfiguration<PersonRole>
{
    public void Configure(EntityTypeBuilder<PersonRole> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>();
        builder.Property(e => e.DatePrecision).HasConversion<string>();
        builder.Ignore(e => e.When);
        builder.HasSources();
        builder.HasOne(e => e.Participant).WithMany().HasForeignKey(e => e.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Meeting).WithMany().HasForeignKey(e => e.MeetingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(e => e.Mechanism).WithMany().HasForeignKey(e => e.MechanismId).OnDelete(DeleteBehavior.SetNull);

        // Hidden while a draft, and with its person (one filter: a second HasQueryFilter would replace the first).
        builder.HasStaffColumns();
        // Withdrawn on its own or with its person (decision 0039).
        builder.HasQueryFilter(e => !e.IsDraft && e.WithdrawnAt == null && !e.Person!.IsDraft && e.Person.WithdrawnAt == null);
        builder.Property(e => e.WithdrawnReason).HasMaxLength(RecordCorrection.ReasonMaxLength);
    }
}

public sealed class OpenQuestionEntityTypeConfiguration : IEntityTypeConfiguration<OpenQuestion>
{
    public void Configure(EntityTypeBuilder<OpenQuestion> builder)
    {
        builder.HasSources();
        builder.HasIndex(e => new { e.Subject, e.Field }).IsUnique();
        builder.HasStaffColumns();
        builder.HasQueryFilter(e => !e.IsDraft && e.WithdrawnAt == null); // withdrawn: decision 0039
        builder.Property(e => e.WithdrawnReason).HasMaxLength(RecordCorrection.ReasonMaxLength);
    }
}

/// <summary>Dated events that are not meetings (decision 0035): staff add them from a document; drafts hidden.</summary>
public sealed class TimelineEventEntityTypeConfiguration : IEntityTypeConfiguration<TimelineEvent>
{
    public void Configure(EntityTypeBuilder<TimelineEvent> builder)
    {
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.Property(e => e.DatePrecision).HasConversion<string>();
        builder.Ignore(e => e.When);
        builder.HasSources();
        builder.HasOne(e => e.Mechanism).WithMany().HasForeignKey(e => e.MechanismId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(e => e.Participant).WithMany().HasForeignKey(e => e.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasStaffColumns();
        builder.HasQueryFilter(e => !e.IsDraft && e.WithdrawnAt == null); // withdrawn: decision 0039
        builder.Property(e => e.WithdrawnReason).HasMaxLength(RecordCorrection.ReasonMaxLength);
    }
}

public sealed class ProgrammeEntityTypeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.Property(e => e.Kind).HasConversion<string>();
        builder.Property(e => e.StartPrecision).HasConversion<string>();
        builder.Property(e => e.EndPrecision).HasConversion<string>();
        builder.Ignore(e => e.Start);
        builder.Ignore(e => e.End);
        builder.HasSources();
        builder.OwnsMany(e => e.Quotes, q =>
        {
            q.ToJson();
            q.OwnsOne(x => x.Source);
        });
        builder.HasOne(e => e.Mechanism).WithMany().HasForeignKey(e => e.MechanismId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(e => e.Participant).WithMany().HasForeignKey(e => e.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Parts).WithOne(r => r.Programme!).HasForeignKey(r => r.ProgrammeId);
    }
}

public sealed class OutcomeDocumentDeveloperEntityTypeConfiguration : IEntityTypeConfiguration<OutcomeDocumentDeveloper>
{
    public void Configure(EntityTypeBuilder<OutcomeDocumentDeveloper> builder)
    {
        builder.HasSources();
        builder.HasIndex(e => new { e.OutcomeDocumentId, e.AsWritten }).IsUnique();
        builder.HasOne(e => e.Participant).WithMany().HasForeignKey(e => e.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Mechanism).WithMany().HasForeignKey(e => e.MechanismId).OnDelete(DeleteBehavior.SetNull);

        // A draft outcome document's developers are as hidden as the document (decision 0033).
        builder.HasQueryFilter(e => !e.OutcomeDocument!.IsDraft);
    }
}

public sealed class ProgrammePartEntityTypeConfiguration : IEntityTypeConfiguration<ProgrammePart>
{
    public void Configure(EntityTypeBuilder<ProgrammePart> builder)
    {
        builder.Property(e => e.Role).HasConversion<string>();
        builder.HasSources();
        builder.HasOne(e => e.Participant).WithMany().HasForeignKey(e => e.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Mechanism).WithMany().HasForeignKey(e => e.MechanismId).OnDelete(DeleteBehavior.SetNull);
    }
}
