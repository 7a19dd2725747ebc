using BaliProcess.Data.Model;
using LinqKit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Data;

/// <summary>
/// The knowledge base: everything the five source documents say, plus staff edits, plus the staff accounts
/// (ASP.NET Core Identity's tables live in the same database, so an edit and its author share a transaction).
/// </summary>
public class BaliProcessDbContext(DbContextOptions<BaliProcessDbContext> options)
    : IdentityDbContext<PortalUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<SourceDocument> SourceDocuments => Set<SourceDocument>();

    /// <summary>Original files (and their text) of the source documents staff added; drafts' are filtered out.</summary>
    public DbSet<SourceDocumentFile> SourceDocumentFiles => Set<SourceDocumentFile>();
    public DbSet<Disagreement> Disagreements => Set<Disagreement>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Mechanism> Mechanisms => Set<Mechanism>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingAttendance> MeetingAttendance => Set<MeetingAttendance>();
    public DbSet<WorkPlan> WorkPlans => Set<WorkPlan>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<ActionItemStatusChange> ActionItemStatusChanges => Set<ActionItemStatusChange>();
    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<Paragraph> Paragraphs => Set<Paragraph>();
    public DbSet<RecordRevision> RecordRevisions => Set<RecordRevision>();

    /// <summary>Corrections and withdrawals staff proposed, drafts until a second person publishes them (decision 0030).</summary>
    public DbSet<RecordCorrection> RecordCorrections => Set<RecordCorrection>();
    public DbSet<MechanismMembership> MechanismMemberships => Set<MechanismMembership>();
    public DbSet<MechanismRelation> MechanismRelations => Set<MechanismRelation>();
    public DbSet<OutcomeDocument> OutcomeDocuments => Set<OutcomeDocument>();
    public DbSet<OutcomeDocumentDeveloper> OutcomeDocumentDevelopers => Set<OutcomeDocumentDeveloper>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonRole> PersonRoles => Set<PersonRole>();
    public DbSet<OpenQuestion> OpenQuestions => Set<OpenQuestion>();
    public DbSet<TimelineEvent> TimelineEvents => Set<TimelineEvent>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<ProgrammePart> ProgrammeParts => Set<ProgrammePart>();

    /// <summary>Words of the paragraphs, for search suggestions (a materialised view, read only).</summary>
    public DbSet<SearchTerm> SearchTerms => Set<SearchTerm>();

    /// <summary>Sign-ins, failures, lockouts and account changes, for administrators.</summary>
    public DbSet<AccountActivity> AccountActivities => Set<AccountActivity>();

    /// <summary>
    /// ASP.NET Core Data Protection keys, shared by every instance of the portal so that a sign-in cookie or
    /// antiforgery token made by one instance is accepted by another (docs/decisions/0012).
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Identity's tables first, so the portal's configurations can refine them.
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        RenameIdentityTables(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BaliProcessDbContext).Assembly);
    }

    /// <summary>
    /// Identity names its tables and indexes explicitly ("AspNetUsers", "EmailIndex"), which the snake-case
    /// convention does not touch; give them names like the rest of the schema.
    /// </summary>
    private static void RenameIdentityTables(ModelBuilder builder)
    {
        builder.Entity<PortalUser>(b =>
        {
            b.ToTable("users");
            b.HasIndex(u => u.NormalizedUserName).HasDatabaseName("ix_users_normalized_user_name");
            b.HasIndex(u => u.NormalizedEmail).HasDatabaseName("ix_users_normalized_email");
        });
        builder.Entity<IdentityRole>(b =>
        {
            b.ToTable("roles");
            b.HasIndex(r => r.NormalizedName).HasDatabaseName("ix_roles_normalized_name");
        });
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
    }

    /// <summary>The options every host uses, so the app, the tools and the tests map the model alike.</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithSessionSettings(connectionString), npgsql => npgsql
                .MigrationsHistoryTable("__EFMigrationsHistory")
                // Pages load a record with several lists (attendance, statements, sources): one query per
                // list avoids multiplying rows.
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .UseSnakeCaseNamingConvention()
            // Lets queries reuse expressions such as ParticipantStatus.Current (LinqKit's Invoke).
            .WithExpressionExpanding();

    /// <summary>
    /// Settings the portal gives its own connections (docs/decisions/0008). JIT off: the portal's queries take
    /// milliseconds, and PostgreSQL's JIT, which starts on the planner's cost alone, spent more time compiling
    /// the search statements at 100,000 paragraphs than it saved. Settings already in the connection
    /// string's Options come after ours and win.
    /// </summary>
    public static string WithSessionSettings(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = ("-c jit=off " + builder.Options).Trim();
        return builder.ConnectionString;
    }
}
