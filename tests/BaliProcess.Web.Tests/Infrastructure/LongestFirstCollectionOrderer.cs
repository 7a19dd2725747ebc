using Xunit;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer(
    "BaliProcess.Web.Tests.Infrastructure.LongestFirstCollectionOrderer", "BaliProcess.Web.Tests")]

namespace BaliProcess.Web.Tests.Infrastructure;

/// <summary>
/// Starts the collections that take longest first, longest of all first: those that drive Chromium and those
/// that start portal processes. Collections run a few at a time (xunit.runner.json); started last, a
/// two-minute browser collection would run alone at the end while the machine's other slots stood idle.
/// The order is from a whole run's trx (docs/testing.md); a collection not named keeps xunit's order, by name,
/// after them. A name is matched by containment: a class without a collection is named for the class.
/// </summary>
public sealed class LongestFirstCollectionOrderer : ITestCollectionOrderer
{
    private static readonly string[] LongestFirst =
    [
        "public pages browser", "editing browser", "phone browser", "AccountBrowserTests", "ClusterTests",
        "search browser", "TwoInstanceTests", "browser policies", "browser", "AccountAdministrationTests", "accounts",
        "AccountSettingsTests",
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => Rank(c.DisplayName))
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static int Rank(string collection)
    {
        var rank = Array.FindIndex(LongestFirst, mark => collection.Contains(mark, StringComparison.Ordinal));
        return rank < 0 ? LongestFirst.Length : rank;
    }
}
