namespace BaliProcess.Tests.Shared;

/// <summary>
/// The trait that marks tests needing no database, host or browser outside BaliProcess.Web.UnitTests (whose
/// tests all need none): `bash scripts/test.sh --fast` runs that project and the tests marked with it.
/// </summary>
public static class TestCategory
{
    public const string Name = "Category";

    public const string Unit = "Unit";
}
