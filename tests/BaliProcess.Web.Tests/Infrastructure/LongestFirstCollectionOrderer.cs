using Xunit;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer(
    "BaliProcess.Web.Tests.Infrastructure.LongestFirstCollectionOrderer", "BaliProcess.Web.Tests")]

namespace BaliProcess.Web.Tests.Infrastructure;

/// <summary>
/// Starts the collections that take longest first, longest of all first (the classic longest-processing-time
/// order): collections run a few at a time (xunit.runner.json), each one test after another, so a long
/// collection started last runs alone at the end while the machine's other slots stand idle. The order is by
/// each collection's summed test time in a whole run's trx (docs/testing.md says how to read one). A collection
/// not named keeps xunit's order, by name, after them. A name is a collection's own name, or a class's name for
/// a class without a collection (xunit names that collection after the class).
/// </summary>
public sealed class LongestFirstCollectionOrderer : ITestCollectionOrderer
{
    private static readonly string[] LongestFirst =
    [
        "journeys", "public pages browser", "phone browser", "open data", "sources", "records from documents",
        "editing browser", "RecordExportTests", "search services", "security", "ClusterTests", "AccountBrowserTests",
        "AccountSettingsTests", "editing", "browser", "portal", "accounts", "TwoInstanceTests", "search browser",
        "browser policies",
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => Rank(c.DisplayName))
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static int Rank(string collection)
    {
        var rank = Array.FindIndex(LongestFirst, name =>
            collection == name || collection.EndsWith("." + name, StringComparison.Ordinal));
        return rank < 0 ? LongestFirst.Length : rank;
    }
}
