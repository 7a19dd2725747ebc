using System.Security.Claims;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Features.Statements.Adding;
using BaliProcess.Tests.Shared;
using BaliProcess.Web.Tests.Infrastructure;
using BaliProcess.Web.Tests.Sources;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Tests.Statements;

/// <summary>
/// The 2017 working group's co-chairs' statement (003_f496830a861f9ea6.txt) as staff add it: the document's text with a
/// marker word of the test's own in its first paragraph (so the file is new and its paragraphs can be found), the
/// statement's paragraphs trimmed from it, and the stored rows a refused request must leave unchanged.
/// </summary>
internal static class StatementTestData
{
    public const string Meeting = "tip-working-group-third-meeting-2017";

    public static string Document(string marker) =>
        File.ReadAllText(Path.Combine(TestPaths.SourceDocumentsDirectory, "003_f496830a861f9ea6.txt"))
            .Replace("On 26 May 2017, the Bali Process", $"On 26 May 2017, {marker}, the Bali Process", StringComparison.Ordinal);

    /// <summary>The statement's paragraphs only: from its first paragraph to its last sentence.</summary>
    public static string Trimmed(string marker)
    {
        var text = Document(marker);
        var start = text.IndexOf("On 26 May 2017", StringComparison.Ordinal);
        const string end = "the first half of 2018.";
        return text[start..(text.IndexOf(end, StringComparison.Ordinal) + end.Length)];
    }

    public static AddStatementRequest Request(string sourceSlug, string marker, string? hash = "auto") =>
        new(sourceSlug, Meeting, nameof(StatementKind.CoChairsStatement), $"Co-Chairs’ Statement {marker}", "2017-05", Trimmed(marker),
            hash == "auto" ? StatementEditor.HashOf(Trimmed(marker)) : hash);

    /// <summary>A published staff source document holding the 003 text with <paramref name="marker"/>.</summary>
    public static async Task<string> PublishedSourceAsync(SourcesFixture fixture, string marker, bool publish = true)
    {
        var (_, uploader) = await fixture.SecretariatAsync("Document uploader");
        var added = await fixture.WithEditorAsync(e => e.AddAsync(uploader, SourcesFixture.Request($"TIP Working Group co-chairs statement {marker}", pasted: Document(marker))));
        Assert.True(added.Succeeded, string.Join("; ", added.Problems.Select(p => p.Message)));
        if (publish)
        {
            var (_, reviewer) = await fixture.SecretariatAsync("Document reviewer");
            Assert.True((await fixture.WithEditorAsync(e => e.PublishAsync(reviewer, added.CreatedKey!))).Succeeded);
        }

        return added.CreatedKey!;
    }

    /// <summary>Statements (drafts included), paragraphs and revisions stored: what a refused request must leave unchanged.</summary>
    public static async Task<(int Statements, int Paragraphs, int Revisions)> StoredAsync(SourcesFixture fixture)
    {
        await using var db = fixture.Portal.Database.CreateContext();
        return (await db.Statements.IgnoreQueryFilters().CountAsync(), await db.Paragraphs.IgnoreQueryFilters().CountAsync(), await db.RecordRevisions.CountAsync());
    }

    public static async Task<Statement> StatementAsync(SourcesFixture fixture, string slug)
    {
        await using var db = fixture.Portal.Database.CreateContext();
        return await db.Statements.IgnoreQueryFilters().AsNoTracking()
            .Include(s => s.Meeting)
            .Include(s => s.Paragraphs.OrderBy(p => p.Sequence)).ThenInclude(p => p.Themes)
            .Include(s => s.Paragraphs).ThenInclude(p => p.Mentions)
            .AsSplitQuery()
            .SingleAsync(s => s.Slug == slug);
    }

    public static ClaimsPrincipal Forged() => new(new ClaimsIdentity(
        [new(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new(ClaimTypes.Role, Features.Accounts.PortalRoles.Administrator)], "forged"));
}
