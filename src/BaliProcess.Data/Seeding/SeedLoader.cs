using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BaliProcess.Data.Seeding;

/// <summary>What a load did, counted from EF Core's change tracker just before saving.</summary>
public sealed record SeedReport(int Added, int Modified, int Deleted)
{
    public bool ChangedNothing => Added == 0 && Modified == 0 && Deleted == 0;
}

/// <summary>
/// Loads seed-data/ into the database: validates everything first, then inserts or updates by slug in one
/// transaction. Loading twice changes nothing, and what staff edit in the portal (an action item's status
/// and its history) is never overwritten.
/// </summary>
public sealed class SeedLoader(BaliProcessDbContext db, TimeProvider time, ILogger<SeedLoader> logger)
{
    /// <summary>Who the first status-history entry of every seeded action item names.</summary>
    public const string SeedAuthor = "seed data";

    // One key for all loaders: two portal instances starting together load one after the other.
    private const long AdvisoryLockKey = 0x5EED_BA11;

    /// <exception cref="SeedDataException">The seed data is invalid; nothing was written.</exception>
    public async Task<SeedReport> LoadAsync(string directory, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var set = SeedSet.Read(directory, problems);
        var validator = SeedValidator.Validate(set, problems);
        if (problems.Count > 0)
        {
            throw new SeedDataException(problems);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);

            var writer = new SeedWriter(db, validator.Participants, time.GetUtcNow())
            {
                CorrectedParagraphTexts = await StaffCorrections.CorrectedKeysAsync(db, RecordRevisionKinds.Paragraph, "text", ct),
            };
            await writer.WriteAsync(set, ct);

            // What staff corrected in the portal stays theirs, whatever the seed now says (decision 0030).
            await StaffCorrections.KeepAsync(db, logger, ct);

            var report = new SeedReport(
                db.ChangeTracker.Entries().Count(e => e.State == EntityState.Added),
                db.ChangeTracker.Entries().Count(e => e.State == EntityState.Modified),
                db.ChangeTracker.Entries().Count(e => e.State == EntityState.Deleted));
            await db.SaveChangesAsync(ct);

            // An export's history and revisions, after the rows they hang off (decision 0031).
            if (writer.AddRestoredRows() is > 0 and var restored)
            {
                report = report with { Added = report.Added + restored };
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);

            // The words list for search suggestions is derived from the paragraphs: refresh it after every
            // load (also when nothing changed, so a database migrated after seeding gets its list too).
            await Configurations.SearchTerms.RefreshAsync(db, ct);
            logger.LogInformation(
                "Seed data from {Directory}: {Added} added, {Modified} updated, {Deleted} removed",
                directory, report.Added, report.Modified, report.Deleted);
            return report;
        }, cancellationToken);
    }
}
