using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using BaliProcess.Data.Model;
using BaliProcess.Web.Infrastructure.Caching;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BaliProcess.Web.Tests.OpenData.OpenDataHttp;

namespace BaliProcess.Web.Tests.OpenData;

/// <summary>The whole record as a Frictionless Data Package: it validates against its own descriptor, and follows the data.</summary>
[Collection(OpenDataCollection.Name)]
public sealed class DataPackageTests(PortalFactory portal)
{
    private readonly HttpClient client = portal.CreateClient();

    private sealed record Resource(string Name, List<(string Name, string Type, string? Pattern)> Fields, string[] PrimaryKey,
        List<(string[] Fields, string Resource, string[] Referenced)> ForeignKeys, IReadOnlyList<string> Header, List<Dictionary<string, string>> Rows);

    private async Task<(JsonElement Descriptor, Dictionary<string, Resource> Resources)> ReadPackageAsync()
    {
        var bytes = await GetBytesAsync(client, "/download/datapackage.zip");
        using var zip = new ZipArchive(new MemoryStream(bytes));
        JsonElement descriptor;
        await using (var stream = zip.GetEntry("datapackage.json")!.Open())
        {
            descriptor = (await JsonDocument.ParseAsync(stream)).RootElement.Clone();
        }

        var resources = new Dictionary<string, Resource>();
        foreach (var r in descriptor.GetProperty("resources").EnumerateArray())
        {
            var schema = r.GetProperty("schema");
            var entry = zip.GetEntry(r.GetProperty("path").GetString()!);
            Assert.True(entry is not null, $"{r.GetProperty("path")} is declared but not in the zip");
            using var data = new MemoryStream();
            await using (var stream = entry.Open())
            {
                await stream.CopyToAsync(data);
            }

            var (header, rows) = ParseCsv(data.ToArray());
            resources.Add(r.GetProperty("name").GetString()!, new Resource(
                r.GetProperty("name").GetString()!,
                [.. schema.GetProperty("fields").EnumerateArray().Select(f => (
                    f.GetProperty("name").GetString()!, f.GetProperty("type").GetString()!,
                    f.TryGetProperty("constraints", out var c) && c.TryGetProperty("pattern", out var p) ? p.GetString() : null))],
                schema.TryGetProperty("primaryKey", out var pk) ? [.. pk.EnumerateArray().Select(k => k.GetString()!)] : [],
                schema.TryGetProperty("foreignKeys", out var fks)
                    ? [.. fks.EnumerateArray().Select(fk => (
                        fk.GetProperty("fields").EnumerateArray().Select(x => x.GetString()!).ToArray(),
                        fk.GetProperty("reference").GetProperty("resource").GetString()!,
                        fk.GetProperty("reference").GetProperty("fields").EnumerateArray().Select(x => x.GetString()!).ToArray()))]
                    : [],
                header, rows));
        }

        return (descriptor, resources);
    }

    [Fact]
    public async Task The_package_validates_against_its_own_descriptor()
    {
        var (descriptor, resources) = await ReadPackageAsync();
        Assert.Equal("tabular-data-package", descriptor.GetProperty("profile").GetString());
        Assert.True(resources.Count >= 15, $"only {resources.Count} tables");

        foreach (var table in resources.Values)
        {
            // Every CSV has exactly the declared fields, in order.
            Assert.Equal(table.Fields.Select(f => f.Name), table.Header);

            // Every cell has the declared type ("" is the declared missing value).
            foreach (var row in table.Rows)
            {
                foreach (var (name, type, pattern) in table.Fields)
                {
                    var cell = row[name];
                    if (cell.Length == 0)
                    {
                        continue;
                    }

                    var ok = type switch
                    {
                        "integer" => long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
                        "boolean" => cell is "true" or "false",
                        "datetime" => DateTimeOffset.TryParse(cell, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                        "array" => IsJsonArray(cell),
                        "string" => pattern is null || Regex.IsMatch(cell, pattern),
                        _ => false,
                    };
                    Assert.True(ok, $"{table.Name}.{name} = “{cell}” is not a valid {type}{(pattern is null ? "" : " matching " + pattern)}");
                }
            }

            // Primary keys are unique and never missing.
            if (table.PrimaryKey.Length > 0)
            {
                var keys = table.Rows.Select(r => string.Join("\u0001", table.PrimaryKey.Select(k => r[k]))).ToList();
                Assert.All(table.Rows, r => Assert.All(table.PrimaryKey, k => Assert.NotEqual("", r[k])));
                Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
            }

            // Foreign keys resolve ("" as the resource is the table itself).
            foreach (var (fields, resource, referenced) in table.ForeignKeys)
            {
                var target = resources[resource.Length == 0 ? table.Name : resource];
                var known = target.Rows.Select(r => string.Join("\u0001", referenced.Select(k => r[k]))).ToHashSet(StringComparer.Ordinal);
                foreach (var row in table.Rows.Where(r => fields.All(f => r[f].Length > 0)))
                {
                    var value = string.Join("\u0001", fields.Select(f => row[f]));
                    Assert.True(known.Contains(value), $"{table.Name}.{string.Join("+", fields)} = {value.Replace('\u0001', '+')} is not in {target.Name}");
                }
            }
        }
    }

    [Fact]
    public async Task The_package_declares_iana_utf8_and_its_csv_dialect_and_writes_the_pages_words()
    {
        var bytes = await GetBytesAsync(client, "/download/datapackage.zip");
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var (descriptor, resources) = await ReadPackageAsync();
        foreach (var r in descriptor.GetProperty("resources").EnumerateArray())
        {
            var name = r.GetProperty("name").GetString()!;
            // "utf-8" as IANA names it (datapackage-js refused Python's "utf-8-sig"), so no byte-order mark either.
            Assert.Equal("utf-8", r.GetProperty("encoding").GetString());
            var dialect = r.GetProperty("dialect");
            Assert.Equal(",", dialect.GetProperty("delimiter").GetString());
            Assert.Equal("\r\n", dialect.GetProperty("lineTerminator").GetString());
            Assert.True(dialect.GetProperty("header").GetBoolean());
            await using (var stream = zip.GetEntry(r.GetProperty("path").GetString()!)!.Open())
            {
                var start = new byte[3];
                await stream.ReadExactlyAsync(start);
                Assert.False(start is [0xEF, 0xBB, 0xBF], $"{name} starts with a byte-order mark");
            }

            // A column of the model's kinds holds only the words it declares.
            foreach (var field in r.GetProperty("schema").GetProperty("fields").EnumerateArray())
            {
                if (field.TryGetProperty("constraints", out var c) && c.TryGetProperty("enum", out var allowed))
                {
                    var words = allowed.EnumerateArray().Select(a => a.GetString()!).ToHashSet(StringComparer.Ordinal);
                    var column = field.GetProperty("name").GetString()!;
                    Assert.All(resources[name].Rows, row => Assert.True(row[column].Length == 0 || words.Contains(row[column]), $"{name}.{column} = {row[column]}"));
                }
            }
        }

        // The pages' words, not the code's names.
        Assert.Contains(resources["meetings"].Rows, r => r["kind"] == "Ministerial conference");
        Assert.Contains(resources["action_items"].Rows, r => r["status"] == "For action");
        Assert.Contains(resources["participants"].Rows, r => r["kind"] == "International organisation");
        Assert.Contains(resources["meeting_attendance"].Rows, r => r["role"] == "Co-chair");
        Assert.DoesNotContain(resources["meetings"].Rows, r => r["kind"] == "MinisterialConference");
        Assert.DoesNotContain(resources["action_items"].Rows, r => r["status"] == "ForAction");
    }

    [Fact]
    public async Task The_package_holds_the_whole_record()
    {
        var (_, resources) = await ReadPackageAsync();
        await using var db = portal.Database.CreateContext();
        Assert.Equal(await db.Participants.CountAsync(), resources["participants"].Rows.Count);
        Assert.Equal(await db.Meetings.CountAsync(), resources["meetings"].Rows.Count);
        Assert.Equal(await db.Paragraphs.CountAsync(), resources["paragraphs"].Rows.Count);
        Assert.Equal(await db.MeetingAttendance.CountAsync(), resources["meeting_attendance"].Rows.Count);
        Assert.Equal(await db.ActionItemStatusChanges.CountAsync(), resources["action_item_status_changes"].Rows.Count);
        // The record's second pass and the editing links are in the package too.
        Assert.Equal(await db.People.CountAsync(), resources["people"].Rows.Count);
        Assert.Equal(await db.PersonRoles.CountAsync(), resources["person_roles"].Rows.Count);
        Assert.Equal(await db.OutcomeDocuments.CountAsync(), resources["outcome_documents"].Rows.Count);
        Assert.Equal(await db.MechanismMemberships.CountAsync(), resources["mechanism_memberships"].Rows.Count);
        Assert.Equal(await db.MechanismRelations.CountAsync(), resources["mechanism_relations"].Rows.Count);
        Assert.Equal(await db.OpenQuestions.CountAsync(), resources["open_questions"].Rows.Count);
        // Decision 0032: programmes and who runs or funds them.
        Assert.Equal(await db.Programmes.CountAsync(), resources["programmes"].Rows.Count);
        Assert.Contains(resources["programme_parts"].Rows, r => r["programme"] == "asia-regional-migration-program" && r["role"] == "Funded by" && r["participant"] == "united-states-of-america");
        // Decision 0041: who developed an outcome document, in its words.
        Assert.Equal(await db.OutcomeDocumentDevelopers.CountAsync(), resources["outcome_document_developers"].Rows.Count);
        Assert.Contains(resources["outcome_document_developers"].Rows, r => r["outcomeDocument"] == "unodc-policy-guides-smuggling-trafficking-financial-investigations-corruption" && r["participant"] == "unodc" && r["mechanism"] == "");
        Assert.Contains(resources["action_item_paragraphs"].Rows, r => r["number"] == "7" && r["statement"] == "following-the-money-forum-2016-co-chairs-statement");
        Assert.Contains(resources["participants"].Rows, r => r["name"] == "Türkiye" && r["currentStatus"] == "Member");
        Assert.Contains(resources["meetings"].Rows, r => r["start"].Length == 7);
    }

    [Fact]
    public async Task The_package_is_rebuilt_when_the_data_changes_and_answers_304_while_it_has_not()
    {
        var first = await client.GetAsync(new Uri("/download/datapackage.zip", UriKind.Relative));
        var etag = first.Headers.ETag!;
        using (var same = new HttpRequestMessage(HttpMethod.Get, new Uri("/download/datapackage.zip", UriKind.Relative)))
        {
            same.Headers.IfNoneMatch.Add(etag);
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(same)).StatusCode);
        }

        // A theme's description changes (history rows cannot be used: the database refuses to delete them).
        string slug;
        string? description;
        await using (var db = portal.Database.CreateContext())
        {
            var theme = await db.Themes.OrderBy(t => t.Id).FirstAsync();
            (slug, description) = (theme.Slug, theme.Description);
            theme.Description = "Proves the package follows the data";
            await db.SaveChangesAsync();
        }

        // As every write of the record does when it commits (RecordChanges).
        await portal.Services.GetRequiredService<RecordChanges>().AnnounceCommittedAsync();

        try
        {
            var second = await client.GetAsync(new Uri("/download/datapackage.zip", UriKind.Relative));
            Assert.NotEqual(etag, second.Headers.ETag);
            var (_, resources) = await ReadPackageAsync();
            Assert.Contains(resources["themes"].Rows, r => r["slug"] == slug && r["description"] == "Proves the package follows the data");
        }
        finally
        {
            await using var db = portal.Database.CreateContext();
            await db.Themes.Where(t => t.Slug == slug).ExecuteUpdateAsync(u => u.SetProperty(t => t.Description, description));
            await portal.Services.GetRequiredService<RecordChanges>().AnnounceCommittedAsync();
        }
    }

    [Fact]
    public async Task The_sources_page_links_the_package()
    {
        var page = await Html.GetOkAsync(client, "/sources");
        Assert.NotNull(page.QuerySelector("main a[href='/download/datapackage.zip']"));
    }

    private static bool IsJsonArray(string cell)
    {
        try
        {
            using var doc = JsonDocument.Parse(cell);
            return doc.RootElement.ValueKind == JsonValueKind.Array;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
