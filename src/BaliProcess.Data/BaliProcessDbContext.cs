using BaliProcess.Data.Model;
using LinqKit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Data;

/// <summary>
/// The knowledge base: everything the five source documents say, plus staff edits, plus the staff accounts
/// (ASP.NET Core Identity's tables live in the same database, so an edit and its author share a transaction).
/// </summary>
public class BaliProcessDbContext(DbContextOptions<BaliProcessDbContext> options)
    : IdentityDbContext<PortalUser, IdentityRole, string>(options)
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

    /// <summary>Sign-ins, failures, lockouts and account changes, for administrators.</summary>
    public DbSet<AccountActivity> AccountActivities => Set<AccountActivity>();

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
        options.UseNpgsql(connectionString, npgsql => npgsql
                .MigrationsHistoryTable("__EFMigrationsHistory")
                // Pages load a record with several lists (attendance, statements, sources): one query per
                // list avoids multiplying rows.
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .UseSnakeCaseNamingConvention()
            // Lets queries reuse expressions such as ParticipantStatus.Current (LinqKit's Invoke).
            .WithExpressionExpanding();
}
