using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaliProcess.Data.Configurations;

/// <summary>Mapping helpers shared by the entity configurations.</summary>
internal static class MappingExtensions
{
    /// <summary>Sources live in a jsonb column beside the record: read together, never queried apart.</summary>
    /// <summary>The columns of a row staff add from a document (decision 0034): origin as text, who added and published it.</summary>
    public static void StaffAdded<T>(this EntityTypeBuilder<T> builder)
        where T : class
    {
        builder.Property<RecordOrigin>("Origin").HasConversion<string>();
        builder.Property<string?>("AddedByUserId").HasMaxLength(450);
        builder.Property<string?>("PublishedByUserId").HasMaxLength(450);
    }

    public static void HasSources<T>(this EntityTypeBuilder<T> builder)
        where T : class, ISourced =>
        builder.OwnsMany(e => e.Sources, s => s.ToJson());

    /// <summary>Origin (Seed/Staff, as text; existing rows are Seed) and who added and published a staff record (decision 0035).</summary>
    public static void HasStaffColumns<T>(this EntityTypeBuilder<T> builder)
        where T : class, IStaffAddedRecord
    {
        builder.Property(e => e.Origin).HasConversion<string>();
        builder.Property(e => e.AddedByUserId).HasMaxLength(450);
        builder.Property(e => e.PublishedByUserId).HasMaxLength(450);
    }

    /// <summary>A column the database keeps (a trigger): EF Core reads it after saving and never sends it.</summary>
    public static void FilledByDatabase<T>(this PropertyBuilder<T> property)
    {
        property.ValueGeneratedOnAddOrUpdate();
        property.Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        property.Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
    }
}

public sealed class SourceDocumentEntityTypeConfiguration : IEntityTypeConfiguration<SourceDocument>
{
    public void Configure(EntityTypeBuilder<SourceDocument> builder)
    {
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.HasIndex(e => e.FileName).IsUnique();
        builder.Property(e => e.OriginalUrl).HasMaxLength(2000);

        // Drafts are for staff: every query leaves them out unless it says IgnoreQueryFilters() (decision 0021); so are
        // withdrawn documents (decision 0030).
        builder.HasQueryFilter(e => !e.IsDraft && e.WithdrawnAt == null);
        builder.Property(e => e.WithdrawnReason).HasMaxLength(RecordCorrection.ReasonMaxLength);
        builder.HasOne(e => e.File).WithOne(f => f.Document).HasForeignKey<SourceDocumentFile>(f => f.SourceDocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SourceDocumentFileEntityTypeConfiguration : IEntityTypeConfiguration<SourceDocumentFile>
{
    public void Configure(EntityTypeBuilder<SourceDocumentFile> builder)
    {
        builder.HasKey(e => e.SourceDocumentId);
        builder.Property(e => e.Sha256).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(e => e.Sha256).IsUnique();
        builder.Property(e => e.MediaType).HasMaxLength(200);
        builder.Property(e => e.OriginalFileName).HasMaxLength(300);
        builder.Property(e => e.AddedByUserId).HasMaxLength(450);
        builder.Property(e => e.PublishedByUserId).HasMaxLength(450);

        // The same filter as its document's, so the original of a draft cannot be read by a public query either.
        builder.HasQueryFilter(e => !e.Document!.IsDraft && e.Document.WithdrawnAt == null);
    }
}

public sealed class DisagreementEntityTypeConfiguration : IEntityTypeConfiguration<Disagreement>
{
    public void Configure(EntityTypeBuilder<Disagreement> builder)
    {
        builder.Ignore(e => e.Sources);
        builder.OwnsMany(e => e.Values, v =>
        {
            v.ToJson();
            v.OwnsOne(x => x.Source);
        });
        builder.HasIndex(e => new { e.Subject, e.Field }).IsUnique();
        builder.HasStaffColumns(); // decision 0035: a staff draft is hidden until a second person publishes it
        // Withdrawn (decision 0039): out of every public read as a draft is; one filter.
        builder.HasQueryFilter(e => !e.IsDraft && e.WithdrawnAt == null);
        builder.Property(e => e.WithdrawnReason).HasMaxLength(RecordCorrection.ReasonMaxLength);
    }
}

public sealed class ThemeEntityTypeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.HasOne(e => e.Parent).WithMany(e => e.Children).HasForeignKey(e => e.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ParticipantEntityTypeConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.Property(e => e.Kind).HasConversion<string>();

        // Existing rows get an empty list when the column is added (decision 0025).
        builder.Property(e => e.PortalAliases).HasDefaultValueSql("'{}'");
        builder.OwnsMany(e => e.StaffAliases, a =>
        {
            a.ToJson();
            a.OwnsOne(x => x.Source);
        });
        builder.Ignore(e => e.CurrentStatus);
        builder.HasSources();
        builder.HasMany(e => e.Memberships).WithOne(m => m.Participant!).HasForeignKey(m => m.ParticipantId);

        // A new member or observer staff added from a document (decision 0034) is a draft until a second person publishes
        // it: one filter (a second HasQueryFilter would replace the first).
        builder.StaffAdded();
        builder.HasQueryFilter(e => !e.IsDraft);
    }
}

public sealed class MembershipEntityTypeConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.Property(e => e.Status).HasConversion<string>();
        builder.Property(e => e.SincePrecision).HasConversion<string>();
        builder.Ignore(e => e.Since);
        builder.HasSources();

        // A change of membership staff added (decision 0034), hidden while a draft; a new participant's memberships are
        // drafts with it, so the filter needs only the membership's own flag.
        builder.StaffAdded();
        builder.HasQueryFilter(e => !e.IsDraft && e.WithdrawnAt == null); // withdrawn (decision 0039): as hidden as a draft
        builder.Property(e => e.WithdrawnReason).HasMaxLength(RecordCorrection.ReasonMaxLength);
    }
}

public sealed class MechanismEntityTypeConfiguration : IEntityTypeConfiguration<Mechanism>
{
    public void Configure(EntityTypeBuilder<Mechanism> builder)
    {
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.Property(e => e.Kind).HasConversion<string>();
        builder.Property(e => e.Status).HasConversion<string>();
        builder.Property(e => e.EstablishedPrecision).HasConversion<string>();
        builder.Property(e => e.PortalAliases).HasDefaultValueSql("'{}'");
        builder.Ignore(e => e.Established);
        builder.HasSources();
        builder.HasOne(e => e.EstablishedByMeeting).WithMany().HasForeignKey(e => e.EstablishedByMeetingId).OnDelete(DeleteBehavior.SetNull);

        // A mechanism staff added from a document (decision 0034), hidden while a draft, and once withdrawn (0039).
        builder.StaffAdded();
        builder.HasQueryFilter(e => !e.IsDraft && e.WithdrawnAt == null);
        builder.Property(e => e.WithdrawnReason).HasMaxLength(RecordCorrection.ReasonMaxLength);
    }
}

public sealed class MeetingEntityTypeConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.HasIndex(e => e.StartDate);
        builder.Property(e => e.Kind).HasConversion<string>();
        builder.Property(e => e.StartPrecision).HasConversion<string>();
        builder.Property(e => e.EndPrecision).HasConversion<string>();
        builder.Ignore(e => e.Start);
        builder.Ignore(e => e.End);
        builder.HasSources();
        builder.OwnsMany(e => e.ParticipantsReported, r =>
        {
            r.ToJson();
            r.OwnsOne(x => x.Source);
        });
        builder.HasOne(e => e.Mechanism).WithMany(m => m.Meetings).HasForeignKey(e => e.MechanismId).OnDelete(DeleteBehavior.SetNull);

        // A join table of its own (decision 0025): the meeting table and the search triggers that read mechanism_id stay as they are.
        builder.HasMany(e => e.FacilitatedBy).WithMany(m => m.FacilitatedMeetings).UsingEntity("meeting_facilitators");
        builder.HasMany(e => e.Attendance).WithOne(a => a.Meeting!).HasForeignKey(a => a.MeetingId);

        // Staff-added meetings (decision 0029): as statements, a draft is hidden from every query that does not say
        // IgnoreQueryFilters(); its unresolved names and pending aliases sit beside it as jsonb, read with it.
        builder.Property(e => e.Origin).HasConversion<string>();
        builder.Property(e => e.AddedByUserId).HasMaxLength(450);
        builder.Property(e => e.PublishedByUserId).HasMaxLength(450);
        builder.OwnsMany(e => e.AttendanceAsWritten, a =>
        {
            a.ToJson();
            a.Property(x => x.Role).HasConversion<string>();
            a.OwnsOne(x => x.Source);
        });
        builder.OwnsMany(e => e.NewAliases, a =>
        {
            a.ToJson();
            a.OwnsOne(x => x.Source);
        });
        // A draft (decision 0029) or a withdrawn meeting (0030) leaves every read that does not say
        // IgnoreQueryFilters(): one filter, since a second HasQueryFilter would replace the first.
        builder.HasQueryFilter(e => !e.IsDraft && e.WithdrawnAt == null);
        builder.Property(e => e.WithdrawnReason).HasMaxLength(RecordCorrection.ReasonMaxLength);
    }
}

public sealed class MeetingAttendanceEntityTypeConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> builder)
    {
        builder.Property(e => e.Role).HasConversion<string>();
        builder.HasIndex(e => new { e.MeetingId, e.ParticipantId, e.Role }).IsUnique();
        builder.HasSources();
        builder.HasOne(e => e.Participant).WithMany(p => p.Attendance).HasForeignKey(e => e.ParticipantId).OnDelete(DeleteBehavior.Restrict);

        // A draft meeting's attendance is as hidden as the meeting (decision 0029), and a withdrawn one's (0030):
        // participant pages, the API, CSV and the data package read attendance rows directly.
        // A line withdrawn on its own (decision 0039) too: one filter.
        builder.HasQueryFilter(e => e.WithdrawnAt == null && !e.Meeting!.IsDraft && e.Meeting!.WithdrawnAt == null);
        builder.Property(e => e.WithdrawnReason).HasMaxLength(RecordCorrection.ReasonMaxLength);
    }
}

public sealed class WorkPlanEntityTypeConfiguration : IEntityTypeConfiguration<WorkPlan>
{
    public void Configure(EntityTypeBuilder<WorkPlan> builder)
    {
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.HasSources();
        builder.Property(e => e.Origin).HasConversion<string>();
        builder.HasOne(e => e.Mechanism).WithMany(m => m.WorkPlans).HasForeignKey(e => e.MechanismId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(e => e.AdoptedAtMeeting).WithMany().HasForeignKey(e => e.AdoptedAtMeetingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(e => e.UpdatedAtMeeting).WithMany().HasForeignKey(e => e.UpdatedAtMeetingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(e => e.Items).WithOne(i => i.WorkPlan!).HasForeignKey(i => i.WorkPlanId);

        // A plan staff set out from a document is a draft until a second person publishes it (decision 0033).
        builder.Property(e => e.AddedByUserId).HasMaxLength(450);
        builder.Property(e => e.PublishedByUserId).HasMaxLength(450);
        // A withdrawn plan (decision 0039) leaves every public read with its items: one filter.
        builder.HasQueryFilter(e => !e.IsDraft && e.WithdrawnAt == null);
        builder.Property(e => e.WithdrawnReason).HasMaxLength(RecordCorrection.ReasonMaxLength);
    }
}

public sealed class ActionItemEntityTypeConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.HasIndex(e => new { e.WorkPlanId, e.Number }).IsUnique();
        builder.Property(e => e.Status).HasConversion<string>();
        builder.Property(e => e.Origin).HasConversion<string>();
        builder.HasSources();
        builder.HasMany(e => e.Themes).WithMany(t => t.ActionItems).UsingEntity("action_item_themes");

        // History is never deleted (the table's trigger refuses it), so an item with history cannot be either.
        builder.HasMany(e => e.StatusChanges).WithOne(c => c.ActionItem!).HasForeignKey(c => c.ActionItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.ParagraphLinks).WithOne(l => l.ActionItem!).HasForeignKey(l => l.ActionItemId);

        // A withdrawn item leaves its plan's page, the API, CSV and feeds (decision 0030); a draft plan's items are as
        // hidden as the plan (decision 0033: theme pages, search and the data package read items directly). One filter.
        // A withdrawn plan's items go with it (decision 0039).
        builder.HasQueryFilter(e => e.WithdrawnAt == null && !e.WorkPlan!.IsDraft && e.WorkPlan.WithdrawnAt == null);
        builder.Property(e => e.WithdrawnReason).HasMaxLength(RecordCorrection.ReasonMaxLength);
    }
}

public sealed class ActionItemParagraphLinkEntityTypeConfiguration : IEntityTypeConfiguration<ActionItemParagraphLink>
{
    public void Configure(EntityTypeBuilder<ActionItemParagraphLink> builder)
    {
        builder.ToTable("action_item_paragraph_links");
        builder.HasKey(e => new { e.ActionItemId, e.ParagraphId });
        builder.Property(e => e.Origin).HasConversion<string>();
        builder.HasSources();
        builder.HasOne(e => e.Paragraph).WithMany(p => p.ItemLinks).HasForeignKey(e => e.ParagraphId).OnDelete(DeleteBehavior.Restrict);
        // A link to a draft paragraph is as hidden as the paragraph (decision 0024): with the paragraph's own filter
        // alone, EF would load such a link with no paragraph behind it (and warns of it at every start-up).
        builder.HasQueryFilter(e => !e.Paragraph!.IsDraft && e.ActionItem!.WithdrawnAt == null && !e.ActionItem.WorkPlan!.IsDraft && e.ActionItem.WorkPlan.WithdrawnAt == null);
    }
}

public sealed class ActionItemStatusChangeEntityTypeConfiguration : IEntityTypeConfiguration<ActionItemStatusChange>
{
    public void Configure(EntityTypeBuilder<ActionItemStatusChange> builder)
    {
        builder.Property(e => e.FromStatus).HasConversion<string>();
        builder.Property(e => e.ToStatus).HasConversion<string>();
        builder.Property(e => e.EffectivePrecision).HasConversion<string>();
        builder.Property(e => e.Note).HasMaxLength(ActionItemStatusChange.NoteMaxLength);
        builder.Property(e => e.ChangedByUserId).HasMaxLength(450);
        builder.Ignore(e => e.Effective);
        builder.HasIndex(e => new { e.ActionItemId, e.ChangedAt });

        // /changes and the feeds read the latest changes across all items.
        builder.HasIndex(e => e.ChangedAt);
        builder.ToTable(t => t.HasCheckConstraint("ck_action_item_status_changes_note_not_blank", "btrim(note) <> ''"));

        // A withdrawn item's history leaves /changes and the feeds with it (decision 0030).
        // A draft plan's items have no history until it is published (decision 0033); the filter says so all the same.
        builder.HasQueryFilter(e => e.ActionItem!.WithdrawnAt == null && !e.ActionItem.WorkPlan!.IsDraft && e.ActionItem.WorkPlan.WithdrawnAt == null);
    }
}

public sealed class StatementEntityTypeConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> builder)
    {
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.Property(e => e.Kind).HasConversion<string>();
        builder.Property(e => e.DatePrecision).HasConversion<string>();
        builder.Ignore(e => e.When);
        builder.HasSources();
        builder.HasOne(e => e.Meeting).WithMany(m => m.Statements).HasForeignKey(e => e.MeetingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(e => e.AlsoMeetings).WithMany(m => m.AlsoStatements).UsingEntity("statement_meetings");
        builder.HasOne(e => e.Author).WithMany().HasForeignKey(e => e.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Paragraphs).WithOne(p => p.Statement!).HasForeignKey(p => p.StatementId);
        builder.Property(e => e.AddedByUserId).HasMaxLength(450);
        builder.Property(e => e.PublishedByUserId).HasMaxLength(450);

        // Drafts are for staff: every query leaves them out unless it says IgnoreQueryFilters() (decisions 0021, 0024);
        // so are withdrawn statements, whose paragraphs are then marked hidden as a draft's are (decision 0030).
        builder.HasQueryFilter(e => !e.IsDraft && e.WithdrawnAt == null);
        builder.Property(e => e.WithdrawnReason).HasMaxLength(RecordCorrection.ReasonMaxLength);
    }
}

public sealed class RecordRevisionEntityTypeConfiguration : IEntityTypeConfiguration<RecordRevision>
{
    public void Configure(EntityTypeBuilder<RecordRevision> builder)
    {
        builder.Property(e => e.RecordKind).HasMaxLength(50);
        builder.Property(e => e.RecordKey).HasMaxLength(300);
        builder.Property(e => e.ChangedByUserId).HasMaxLength(450);
        builder.Property(e => e.Reason).HasMaxLength(RecordRevision.ReasonMaxLength);
        builder.Property(e => e.Before).HasColumnType("jsonb");
        builder.Property(e => e.After).HasColumnType("jsonb");
        builder.HasIndex(e => new { e.RecordKind, e.RecordKey, e.ChangedAt });
        builder.HasIndex(e => e.ChangedAt);
        builder.ToTable(t => t.HasCheckConstraint("ck_record_revisions_reason_not_blank", "btrim(reason) <> ''"));
    }
}

public sealed class RecordCorrectionEntityTypeConfiguration : IEntityTypeConfiguration<RecordCorrection>
{
    public void Configure(EntityTypeBuilder<RecordCorrection> builder)
    {
        builder.ToTable("record_corrections", t => t.HasCheckConstraint("ck_record_corrections_reason_not_blank", "btrim(reason) <> ''"));
        builder.Property(e => e.RecordKind).HasMaxLength(50);
        builder.Property(e => e.RecordKey).HasMaxLength(300);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Fields).HasColumnType("jsonb");
        builder.Property(e => e.Replaces).HasColumnType("jsonb");
        builder.Property(e => e.Reason).HasMaxLength(RecordCorrection.ReasonMaxLength);
        builder.Property(e => e.DecisionNote).HasMaxLength(RecordCorrection.ReasonMaxLength);
        builder.Property(e => e.ProposedByUserId).HasMaxLength(450);
        builder.Property(e => e.DecidedByUserId).HasMaxLength(450);
        builder.HasIndex(e => new { e.RecordKind, e.RecordKey, e.State });
        builder.HasIndex(e => e.State);
    }
}

public sealed class ParagraphEntityTypeConfiguration : IEntityTypeConfiguration<Paragraph>
{
    public void Configure(EntityTypeBuilder<Paragraph> builder)
    {
        builder.HasIndex(e => new { e.StatementId, e.Label }).IsUnique();
        builder.HasIndex(e => e.Year);
        builder.Ignore(e => e.Anchor);

        // The statement's draft flag, on the row itself, so the filter needs no join (decision 0024).
        builder.HasQueryFilter(e => !e.IsDraft);

        // Full-text search: a stored generated tsvector with a GIN index. Queries must use the same
        // "english" configuration or PostgreSQL skips the index.
        builder.HasGeneratedTsVectorColumn(p => p.SearchVector, "english", p => new { p.Text })
            .HasIndex(p => p.SearchVector)
            .HasMethod("GIN");

        builder.HasMany(e => e.Themes).WithMany(t => t.Paragraphs).UsingEntity("paragraph_themes");
        builder.HasMany(e => e.Mentions).WithMany(p => p.MentionedIn).UsingEntity("paragraph_mentions");

        // Search facet columns: filled by triggers (migration SearchFacetColumns), so EF Core never writes them.
        builder.Property(e => e.ThemeIds).HasDefaultValueSql("'{}'").FilledByDatabase();
        builder.Property(e => e.MemberIds).HasDefaultValueSql("'{}'").FilledByDatabase();
        builder.Property(e => e.MeetingKind).HasConversion<string>().FilledByDatabase();
        builder.Property(e => e.MechanismId).FilledByDatabase();
        builder.HasIndex(e => e.ThemeIds).HasMethod("GIN");
        builder.HasIndex(e => e.MemberIds).HasMethod("GIN");
    }
}
