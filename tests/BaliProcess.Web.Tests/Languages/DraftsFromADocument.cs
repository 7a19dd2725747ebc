using System.Security.Claims;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.People.Adding;
using BaliProcess.Web.Features.Sources.FromDocument;
using BaliProcess.Web.Features.Timeline.Adding;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Tests.Sources;

namespace BaliProcess.Web.Tests.Languages;

/// <summary>
/// What the staff pages of records from a document need before a language test reads them: a document one Secretariat
/// user added and another published, and a timeline event and a person's role a third drafted from it.
/// </summary>
internal sealed record DraftsFromADocument(string Document, ClaimsPrincipal Author, ClaimsPrincipal Reviewer, string EventTitle, EditResult Event, EditResult Role)
{
    /// <summary>
    /// Adds them on <paramref name="fixture"/>'s portal. The uploader is "Uploader {tag}", the reviewer "Reviewer {tag}",
    /// the event "Launch {tag} {marker}" and the person "Ms {tag} {marker}", so each test finds its own records.
    /// </summary>
    public static async Task<DraftsFromADocument> AddAsync(SourcesFixture fixture, string tag, string authorName, string marker)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var (_, uploader) = await fixture.SecretariatAsync($"Uploader {tag}");
        var added = await fixture.WithEditorAsync(e => e.AddAsync(uploader, SourcesFixture.Request(
            $"Bangkok {tag} {marker}", pasted: $"Members of the Bali Process\nThe Regional Support Office was launched in Bangkok.\n{marker}\n", date: "2024-04")));
        Assert.True(added.Succeeded, string.Join("; ", added.Problems.Select(p => p.Message)));
        var (_, reviewer) = await fixture.SecretariatAsync($"Reviewer {tag}");
        Assert.True((await fixture.WithEditorAsync(e => e.PublishAsync(reviewer, added.CreatedKey!))).Succeeded);
        var document = added.CreatedKey!;

        var (_, author) = await fixture.SecretariatAsync(authorName);
        var eventTitle = $"Launch {tag} {marker}";
        var ev = await fixture.WithPortalServiceAsync<TimelineEventEditor, EditResult>(e => e.AddAsync(author, new AddTimelineEventRequest(
            document, eventTitle, "2012-09", "The Regional Support Office was launched", "Bangkok", "regional-support-office", null, "paragraph 2")));
        var role = await fixture.WithPortalServiceAsync<PersonRoleEditor, EditResult>(e => e.AddAsync(author, new AddPersonRoleRequest(
            document, null, $"Ms {tag} {marker}", nameof(PersonRoleKind.CoChair), $"co-chaired by Ms {tag}", null, null, null, "regional-support-office", "2017-05", "paragraph 2")));
        Assert.All(new[] { ev, role }, r => Assert.True(r.Succeeded, string.Join("; ", r.Problems.Select(p => p.Message))));
        return new DraftsFromADocument(document, author, reviewer, eventTitle, ev, role);
    }
}
