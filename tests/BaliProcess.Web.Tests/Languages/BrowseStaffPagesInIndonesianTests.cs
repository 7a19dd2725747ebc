using System.Globalization;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.Participants.Adding;
using BaliProcess.Web.Features.People.Adding;
using BaliProcess.Web.Features.Sources.FromDocument;
using BaliProcess.Web.Features.Timeline.Adding;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Tests.Infrastructure;
using BaliProcess.Web.Tests.Sources;

namespace BaliProcess.Web.Tests.Languages;

/// <summary>
/// The staff forms and draft pages of members, people, mechanisms and timeline events under "/id" (decision 0042), a
/// published event's public page, and a refusal of the services in Indonesian when the editor works in Indonesian.
/// </summary>
[Collection(RecordsFromDocumentsCollection.Name)]
public sealed class BrowseStaffPagesInIndonesianTests(SourcesFixture fixture)
{
    [Fact]
    public async Task Staff_forms_drafts_and_a_published_event_speak_Indonesian_and_the_services_refuse_in_it()
    {
        var marker = Guid.NewGuid().ToString("N");
        var drafts = await DraftsFromADocument.AddAsync(fixture, "Ada", "Ayu Lestari", marker);
        var (doc, author, reviewer, ev, role) = (drafts.Document, drafts.Author, drafts.Reviewer, drafts.Event, drafts.Role);
        var membership = await With<MembershipEditor, EditResult>(e => e.AddAsync(author, new AddMembershipRequest(
            doc, null, $"Atlantis {marker}", null, null, nameof(ParticipantKind.Government), "Polynesia", "paragraph 1", nameof(MembershipStatus.Observer), "2024", "paragraph 1")));
        Assert.True(membership.Succeeded, string.Join("; ", membership.Problems.Select(p => p.Message)));

        using var staff = (await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat)).Client;
        var pages = new[]
        {
            PortalRoutes.NewMembership(doc), PortalRoutes.NewMechanism(doc), PortalRoutes.NewPersonRole(doc), PortalRoutes.NewTimelineEvent(doc),
            PortalRoutes.StaffParticipant(membership.CreatedKey!), PortalRoutes.StaffMechanism("regional-support-office"),
            PortalRoutes.StaffPersonRole(int.Parse(role.CreatedKey!, CultureInfo.InvariantCulture)), PortalRoutes.StaffTimelineEvent(ev.CreatedKey!),
        };
        foreach (var page in pages)
        {
            var document = await Html.GetOkAsync(staff, "/id" + page);
            IndonesianPage.AssertIndonesian(document, "/id" + page);
        }

        var form = await Html.GetOkAsync(staff, "/id" + PortalRoutes.NewMembership(doc));
        Assert.Contains("Tambah perubahan keanggotaan dari dokumen ini", form.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("en", form.QuerySelector("pre.source-text")!.GetAttribute("lang"));
        var draft = Html.MainText(await Html.GetOkAsync(staff, "/id" + PortalRoutes.StaffParticipant(membership.CreatedKey!)));
        Assert.Contains("Draf, ditambahkan oleh Ayu Lestari", draft, StringComparison.Ordinal);
        Assert.Contains("Pengamat", draft, StringComparison.Ordinal);

        // Published by a second person: the event's public page, in Indonesian, keeps the document's words.
        Assert.True((await With<TimelineEventEditor, EditResult>(e => e.PublishAsync(reviewer, ev.CreatedKey!))).Succeeded);
        using var reader = StaffAccounts.NewClient(fixture.Portal);
        var url = "/id" + PortalRoutes.TimelineEvent(ev.CreatedKey!);
        var eventPage = await Html.GetOkAsync(reader, url);
        IndonesianPage.AssertIndonesian(eventPage, url);
        Assert.Equal("en", eventPage.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Equal("The Regional Support Office was launched", eventPage.QuerySelector("blockquote.event-summary[lang=en]")!.TextContent);
        Assert.Contains("September 2012", Html.MainText(eventPage), StringComparison.Ordinal);
        Assert.Contains("Di lini masa", Html.MainText(eventPage), StringComparison.Ordinal);

        // A refusal in the editor's language; what is stored stays English.
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("id");
            var refused = await With<MembershipEditor, MembershipCheck>(e => e.CheckAsync(new AddMembershipRequest(
                doc, "no-such-body", null, null, null, null, null, null, "Emperor", null, null)));
            Assert.Contains("Pilih apakah ia menjadi anggota atau pengamat.", refused.Problems.Select(p => p.Message));
            Assert.Contains("Tidak ada anggota, pengamat, atau badan lain seperti itu; pilih dari daftar, atau biarkan kosong untuk menambahkan yang baru.", refused.Problems.Select(p => p.Message));
            var eventCheck = await With<TimelineEventEditor, RecordCheck>(e => e.CheckAsync(new AddTimelineEventRequest(doc, "An event", "2012-09", null, null, null, null, "paragraph 1")));
            Assert.Contains(eventCheck.Preview, row => row.Label == "Kapan");
            var roleCheck = await With<PersonRoleEditor, RecordCheck>(e => e.CheckAsync(new AddPersonRoleRequest(doc, "no-such-person", null, "CoChair", "words", null, null, null, null, null, "p 1")));
            Assert.Equal("Tidak ada tokoh seperti itu; pilih dari daftar.", roleCheck.Problems.Single().Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        Assert.Equal("Choose whether it became a member or an observer.", (await With<MembershipEditor, MembershipCheck>(e => e.CheckAsync(new AddMembershipRequest(
            doc, null, "Someone", null, null, nameof(ParticipantKind.Government), null, "p 1", "Emperor", null, "p 1")))).Problems.Single().Message);
    }

    private Task<T> With<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull => fixture.WithPortalServiceAsync(action);
}
