using BaliProcess.Web.Infrastructure.Caching;

namespace BaliProcess.Web.Features.Search;

/// <summary>
/// Search summaries by criteria, and whole results pages by request, kept in the <see cref="RecordCache"/>: under
/// the current record generation, within its byte budget, one load for searches that arrive together. A summary
/// is what a researcher's later pages and repeats of a search need (decision 0004); a whole page makes a repeated
/// search (a press release's link, the back button) cost no query at all.
/// </summary>
public sealed class SearchCache(RecordCache records)
{
    /// <summary>A cache of its own (tests and the benchmark, which build search without the portal's services).</summary>
    public SearchCache()
        : this(new RecordCache(new RecordGeneration(), new CacheMetrics(), new PublicCacheOptions()))
    {
    }

    /// <summary>Set false to measure the uncached path (the benchmark does).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Keep whole result pages too (default). False keeps summaries only, so that each call reads its page: the
    /// search benchmark measures "another page of a known search" that way.
    /// </summary>
    public bool KeepPages { get; set; } = true;

    public Task<SearchSummary> GetOrCreateAsync(SearchCriteria criteria, Func<CancellationToken, Task<SearchSummary>> create, CancellationToken ct) =>
        Enabled ? records.GetOrLoadAsync(criteria, create, ct) : create(ct);

    public Task<SearchResults> GetOrCreatePageAsync(SearchRequest request, Func<CancellationToken, Task<SearchResults>> create, CancellationToken ct) =>
        Enabled && KeepPages ? records.GetOrLoadAsync(request, create, ct) : create(ct);
}
