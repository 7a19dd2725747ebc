using BaliProcess.Web.Tests.Infrastructure;

namespace BaliProcess.Web.Tests.Journeys;

/// <summary>
/// The proof journeys' own collection, with its own full-seed portal to compare against: they are the suite's longest
/// class, and in the shared "portal" collection they ran last and alone (docs/testing.md, "Where the suite's time goes").
/// </summary>
[CollectionDefinition(Name)]
public sealed class JourneysCollection : ICollectionFixture<PortalFactory>
{
    public const string Name = "journeys";
}
