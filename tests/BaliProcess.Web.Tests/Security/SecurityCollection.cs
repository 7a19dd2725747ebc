using BaliProcess.Web.Tests.Editing;

namespace BaliProcess.Web.Tests.Security;

/// <summary>
/// The security tests' own portal (issue 20): they write notes with control characters straight into the
/// database, sign accounts in and out and replay cookies, which must not disturb the other collections.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<EditingFixture>
{
    public const string Name = "security";
}
