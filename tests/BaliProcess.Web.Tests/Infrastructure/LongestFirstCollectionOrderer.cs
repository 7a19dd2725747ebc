using Xunit;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer(
    "BaliProcess.Web.Tests.Infrastructure.LongestFirstCollectionOrderer", "BaliProcess.Web.Tests")]

namespace BaliProcess.Web.Tests.Infrastructure;

/// <summary>
/// Starts the collections that take longest first: those that drive Chromium (their names say "browser") and
/// those that start portal processes (the cluster and two-instance tests). Collections run a few at a time
/// (xunit.runner.json); started last, a two-minute browser collection would run alone at the end while the
/// machine's other slots stood idle. The rest keep xunit's order, by name.
/// </summary>
public sealed class LongestFirstCollectionOrderer : ITestCollectionOrderer
{
    private static readonly string[] LongRunning = ["browser", "ClusterTests", "TwoInstanceTests"];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => LongRunning.Any(mark => c.DisplayName.Contains(mark, StringComparison.OrdinalIgnoreCase)) ? 0 : 1)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
