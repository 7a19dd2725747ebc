using System.Text.Json.Nodes;
using BaliProcess.Data.Seeding;
using BaliProcess.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Data.Tests;

/// <summary>One empty migrated database for the validation cases: a rejected load must leave it empty.</summary>
public sealed class EmptyDatabaseFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await TestDatabase.CreateMigratedAsync("recordvalid");

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

/// <summary>No record without a source can load: the validator names the file and the place, and nothing is written.</summary>
public sealed class SeedRecordValidationTests(EmptyDatabaseFixture fixture) : IClassFixture<EmptyDatabaseFixture>
{
    public static TheoryData<string, string, string> SourcelessRecords => new()
    {
        { "mechanism-memberships.json", "[0]", "source is missing" },
        { "mechanism-relations.json", "[0]", "source is missing" },
        { "outcome-documents.json", "[0]", "(\"bali-declaration-2016\"): source is missing" },
        { "people.json", "[0]", "(\"hasan-kleib\"): source is missing" },
        { "open-questions.json", "[0]", "source is missing" },
    };

    [Theory]
    [MemberData(nameof(SourcelessRecords))]
    public async Task A_record_without_a_source_is_rejected_with_its_file_and_place(string file, string place, string expected)
    {
        var copy = TestPaths.CopySeedDirectory();
        try
        {
            Edit(copy, file, root =>
            {
                var entry = root[0]!.AsObject();
                entry.Remove("source");
                entry.Remove("sources");
                return root;
            });

            var error = await Assert.ThrowsAsync<SeedDataException>(() => fixture.Database.LoadSeedAsync(copy));

            Assert.Contains(error.Problems, p => p.StartsWith($"{file} {place}", StringComparison.Ordinal) && p.Contains(expected, StringComparison.Ordinal));
            await using var db = fixture.Database.CreateContext();
            Assert.Equal(0, await db.Participants.CountAsync());
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public async Task A_person_role_without_a_source_and_bad_references_are_rejected()
    {
        var copy = TestPaths.CopySeedDirectory();
        try
        {
            Edit(copy, "people.json", root =>
            {
                var role = root[0]!["roles"]![0]!.AsObject();
                role.Remove("source");
                role["meeting"] = "no-such-meeting";
                return root;
            });
            Edit(copy, "outcome-documents.json", root =>
            {
                root[0]!["mentionedIn"] = new JsonArray(new JsonObject { ["statement"] = "perspective-cambodia", ["label"] = "99" });
                return root;
            });
            Edit(copy, "mechanism-memberships.json", root =>
            {
                root[0]!["participant"] = "Atlantis";
                return root;
            });

            var error = await Assert.ThrowsAsync<SeedDataException>(() => fixture.Database.LoadSeedAsync(copy));

            Assert.Contains(error.Problems, p => p.Contains("people.json [0] (\"hasan-kleib\"): roles[0].source is missing", StringComparison.Ordinal));
            Assert.Contains(error.Problems, p => p.Contains("roles[0].meeting refers to meeting 'no-such-meeting'", StringComparison.Ordinal));
            Assert.Contains(error.Problems, p => p.Contains("mentionedIn[0].label '99' is not a paragraph of statement 'perspective-cambodia'", StringComparison.Ordinal));
            Assert.Contains(error.Problems, p => p.StartsWith("mechanism-memberships.json [0]", StringComparison.Ordinal) && p.Contains("'Atlantis'", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public async Task A_co_chair_list_left_in_mechanisms_json_is_rejected_with_its_place()
    {
        // Co-chairs are memberships now (decision 0019): an old mechanisms.json must not load half of them.
        var copy = TestPaths.CopySeedDirectory();
        try
        {
            Edit(copy, "mechanisms.json", root =>
            {
                root[2]!["coChairs"] = new JsonArray(new JsonObject { ["participant"] = "New Zealand" });
                return root;
            });

            var error = await Assert.ThrowsAsync<SeedDataException>(() => fixture.Database.LoadSeedAsync(copy));

            Assert.Contains(error.Problems, p => p.StartsWith("mechanisms.json (", StringComparison.Ordinal)
                && p.Contains("$[2].coChairs", StringComparison.Ordinal) && p.Contains("'coChairs'", StringComparison.Ordinal));
            await using var db = fixture.Database.CreateContext();
            Assert.Equal(0, await db.MechanismMemberships.CountAsync());
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static void Edit(string directory, string file, Func<JsonNode, JsonNode> edit)
    {
        var path = Path.Combine(directory, file);
        File.WriteAllText(path, edit(JsonNode.Parse(File.ReadAllText(path))!).ToJsonString());
    }
}
