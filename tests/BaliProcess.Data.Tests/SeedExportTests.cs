using System.Text.Json.Nodes;
using BaliProcess.Data.Seeding;
using BaliProcess.Tests.Shared;
using Xunit.Abstractions;

namespace BaliProcess.Data.Tests;

/// <summary>
/// The export is the seed-data format (decision 0031): a database seeded from seed-data/ and changed by nobody exports
/// seed-data/ again, and the export loads into an empty database as a record that exports the same again.
/// </summary>
public sealed class SeedExportTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_export_of_a_seeded_database_is_seed_data_and_loads_into_an_empty_database_that_exports_the_same_again()
    {
        await using var seeded = await TestDatabase.CreateSeededAsync("export");
        var folder = Directory.CreateTempSubdirectory("bp-export-").FullName;
        var again = Directory.CreateTempSubdirectory("bp-export-again-").FullName;
        try
        {
            ExportSummary summary;
            await using (var db = seeded.CreateContext())
            {
                summary = await new SeedExporter(db).ExportToFolderAsync(folder);
            }

            Assert.Equal((0, 0, 0L), (summary.StaffRecords, summary.Drafts, summary.SourceFileBytes));

            // Every file of seed-data/ is in the export, JSON-equal once seed-data/'s own spellings are made canonical.
            var seedFiles = Directory.GetFiles(TestPaths.SeedDirectory, "*.json", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(TestPaths.SeedDirectory, f)).Order(StringComparer.Ordinal).ToList();
            var differences = new List<string>();
            var byteEqual = 0;
            var canonical = SeedCanonicalForm.Of(TestPaths.SeedDirectory);
            foreach (var file in seedFiles)
            {
                var exported = Path.Combine(folder, file);
                if (!File.Exists(exported))
                {
                    differences.Add($"{file}: not exported");
                    continue;
                }

                byteEqual += File.ReadAllBytes(exported).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(TestPaths.SeedDirectory, file))) ? 1 : 0;
                differences.AddRange(SeedCanonicalForm.Differences(file, SeedCanonicalForm.Sorted(canonical[file]), SeedCanonicalForm.Sorted(JsonNode.Parse(File.ReadAllText(exported)))));
            }

            output.WriteLine($"export in {folder}");
            output.WriteLine($"{seedFiles.Count} seed files, {byteEqual} byte-for-byte equal, {summary.Records} records exported in {summary.Files} files");
            Assert.True(differences.Count == 0, $"{differences.Count} differences:\n" + string.Join("\n", differences.Take(30)));
            var extra = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Except(seedFiles).Order().ToList();
            Assert.Equal([SeedExporter.CorrectionsFile, SeedExporter.RevisionsFile, SeedExporter.HistoryFile], extra);

            // Loaded into an empty database (the one load of this test), the export exports the same again (every file,
            // the history's times included). With the comparison above, the restored record is seed-data/'s in every
            // field a load writes, which is why loading seed-data/ over it is not repeated here: a load over a seeded
            // record changing nothing is SeedLoaderTests'.
            await using var restored = await TestDatabase.CreateMigratedAsync("restore");
            var loaded = await restored.LoadSeedAsync(folder);
            Assert.True(loaded.Added > 2000, $"{loaded.Added} rows added");
            await using (var db = restored.CreateContext())
            {
                await new SeedExporter(db).ExportToFolderAsync(again);
            }

            var roundTrip = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f))
                .SelectMany(file => SeedCanonicalForm.Differences(
                    file, SeedCanonicalForm.Sorted(JsonNode.Parse(File.ReadAllText(Path.Combine(folder, file)))), SeedCanonicalForm.Sorted(JsonNode.Parse(File.ReadAllText(Path.Combine(again, file))))))
                .ToList();
            Assert.True(roundTrip.Count == 0, "after a round trip:\n" + string.Join("\n", roundTrip.Take(30)));
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("BP_KEEP_EXPORT") is null)
            {
                Directory.Delete(folder, recursive: true);
                Directory.Delete(again, recursive: true);
            }
        }
    }
}
