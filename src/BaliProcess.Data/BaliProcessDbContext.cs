using BaliProcess.Data.Model;
using LinqKit;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Data;

/// <summary>The knowledge base: everything the five source documents say, plus staff edits.</summary>
public class BaliProcessDbContext(DbContextOptions<BaliProcessDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<SourceDocument> SourceDocuments => Set<SourceDocument>();
    public DbSet<Disagreement> Disagreements => Set<Disagreement>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Mechanism> Mechanisms => Set<Mechanism>();
    public DbSet<MechanismCoChair> MechanismCoChairs => Set<MechanismCoChair>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingAttendance> MeetingAttendance => Set<MeetingAttendance>();
    public DbSet<WorkPlan> WorkPlans => Set<WorkPlan>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<ActionItemStatusChange> ActionItemStatusChanges => Set<ActionItemStatusChange>();
    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<Paragraph> Paragraphs => Set<Paragraph>();

    /// <summary>Words of the paragraphs, for search suggestions (a materialised view, read only).</summary>
    public DbSet<SearchTerm> SearchTerms => Set<SearchTerm>();

    /// <summary>
    /// ASP.NET Core Data Protection keys, shared by every instance of the portal so that a sign-in cookie or
    /// antiforgery token made by one instance is accepted by another (docs/decisions/0012).
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BaliProcessDbContext).Assembly);
    }

    /// <summary>The options every host uses, so the app, the tools and the tests map the model alike.</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql
                .MigrationsHistoryTable("__EFMigrationsHistory")
                // Pages load a record with several lists (attendance, statements, sources): one query per
                // list avoids multiplying rows.
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .UseSnakeCaseNamingConvention()
            // Lets queries reuse expressions such as ParticipantStatus.Current (LinqKit's Invoke).
            .WithExpressionExpanding();
}
