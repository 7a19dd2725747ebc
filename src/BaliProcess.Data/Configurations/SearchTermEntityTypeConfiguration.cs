using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaliProcess.Data.Configurations;

/// <summary>
/// The words list behind search suggestions: a materialised view over ts_stat, created by the
/// AddSearchTerms migration (EF Core does not create views) and refreshed by <see cref="Seeding.SeedLoader"/>.
/// </summary>
public sealed class SearchTermEntityTypeConfiguration : IEntityTypeConfiguration<SearchTerm>
{
    public void Configure(EntityTypeBuilder<SearchTerm> builder)
    {
        builder.HasNoKey();
        builder.ToView(SearchTerms.ViewName);
        builder.Property(e => e.Word).HasColumnName("word");
        builder.Property(e => e.Documents).HasColumnName("documents");
    }
}

/// <summary>The SQL that keeps the words list current.</summary>
public static class SearchTerms
{
    public const string ViewName = "search_terms";

    /// <summary>
    /// Re-reads the words from the paragraphs. The 'simple' configuration keeps whole words (not stems such
    /// as "exploit"), which is what a suggestion must show; numbers and one- or two-letter words are left out.
    /// </summary>
    public static Task RefreshAsync(BaliProcessDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.ExecuteSqlRawAsync($"REFRESH MATERIALIZED VIEW {ViewName}", ct);
    }
}
