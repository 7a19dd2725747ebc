using BaliProcess.Data.Model;
using BaliProcess.Tests.Shared;
using BaliProcess.Web.Features.Meetings.Adding;
using BaliProcess.Web.Tests.Sources;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Tests.Meetings;

/// <summary>
/// The 2015 labour-exploitation symposium (002_da9c71afa7007ddc.txt) as staff add it from a copy of the document with a
/// marker word of the test's own (so the file is new and the meeting can be looked for in every output), with an
/// attendance list that exercises every kind of name: resolved by name and by alias, and three that resolve to nothing.
/// </summary>
internal static class MeetingTestData
{
    public const string Mechanism = "working-group-trafficking-in-persons";

    public static string Document(string marker) =>
        File.ReadAllText(Path.Combine(TestPaths.SourceDocumentsDirectory, "002_da9c71afa7007ddc.txt"))
            .Replace("The symposium was attended", $"The symposium ({marker}) was attended", StringComparison.Ordinal);

    public static string Title(string marker) => $"Regional Symposium on Labour Exploitation {marker}";

    /// <summary>Hosts, co-chairs and participants: "Lao PDR" is an alias; the last three names resolve to nothing.</summary>
    public static IReadOnlyList<AttendanceListInput> Lists(string marker) =>
    [
        new(AttendanceRole.Host, "Indonesia", "introductory paragraph 1"),
        new(AttendanceRole.CoChair, "Thailand, Australia", "introductory paragraph 1"),
        new(AttendanceRole.Attended, $"Viet Nam\nLao PDR\nRoyal Thai Government\nThai-{marker}\nAtlantis {marker}", "introductory paragraph 2"),
        new(AttendanceRole.Observer, "", ""),
    ];

    /// <summary>What a person decides for the three unresolved names: a participant this time, a new alias, kept as written.</summary>
    public static Dictionary<string, NameDecision> Decisions(string marker) => new(StringComparer.Ordinal)
    {
        ["Royal Thai Government"] = new(NameDecisionKind.Participant, "thailand"),
        [$"Thai-{marker}"] = new(NameDecisionKind.Alias, "thailand"),
        [$"Atlantis {marker}"] = new(NameDecisionKind.AsWritten),
    };

    public static AddMeetingRequest Request(string sourceSlug, string marker, string? hash = "auto") =>
        new(sourceSlug, nameof(MeetingKind.Symposium), null, Title(marker), "2015-03-25", "2015-03-26", null, "in-person", Mechanism,
            "The Working Group's first event.", "introductory paragraph 1\nintroductory paragraph 2",
            [new("117", null, "participants", "introductory paragraph 2"), new("35", "over", "member countries", "introductory paragraph 2")],
            Lists(marker), hash == "auto" ? MeetingEditor.HashOf(Lists(marker)) : hash);

    /// <summary>A staff source document holding the 002 text with <paramref name="marker"/>, published unless asked not to.</summary>
    public static async Task<string> SourceAsync(SourcesFixture fixture, string marker, bool publish = true)
    {
        var (_, uploader) = await fixture.SecretariatAsync("Document uploader");
        var added = await fixture.WithEditorAsync(e => e.AddAsync(uploader, SourcesFixture.Request($"Labour exploitation symposium outcomes {marker}", pasted: Document(marker), date: "2015")));
        Assert.True(added.Succeeded, string.Join("; ", added.Problems.Select(p => p.Message)));
        if (publish)
        {
            var (_, reviewer) = await fixture.SecretariatAsync("Document reviewer");
            Assert.True((await fixture.WithEditorAsync(e => e.PublishAsync(reviewer, added.CreatedKey!))).Succeeded);
        }

        return added.CreatedKey!;
    }

    /// <summary>Meetings (drafts included), attendance rows, revisions and staff aliases stored: what a refused request must leave unchanged.</summary>
    public static async Task<(int Meetings, int Attendance, int Revisions, int Aliases)> StoredAsync(SourcesFixture fixture)
    {
        await using var db = fixture.Portal.Database.CreateContext();
        var aliases = await db.Participants.Select(p => p.Aliases.Count).ToListAsync();
        return (await db.Meetings.IgnoreQueryFilters().CountAsync(), await db.MeetingAttendance.IgnoreQueryFilters().CountAsync(), await db.RecordRevisions.CountAsync(), aliases.Sum());
    }

    public static async Task<Meeting> MeetingAsync(SourcesFixture fixture, string slug)
    {
        await using var db = fixture.Portal.Database.CreateContext();
        return await db.Meetings.IgnoreQueryFilters().AsNoTracking()
            .Include(m => m.Mechanism)
            .Include(m => m.Attendance).ThenInclude(a => a.Participant)
            .AsSplitQuery()
            .SingleAsync(m => m.Slug == slug);
    }
}
