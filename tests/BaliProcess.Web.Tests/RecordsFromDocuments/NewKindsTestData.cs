using System.Globalization;
using System.Security.Claims;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Documents.Adding;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Features.Notes.Adding;
using BaliProcess.Web.Features.Participants.Adding;
using BaliProcess.Web.Features.People.Adding;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Features.Timeline.Adding;
using BaliProcess.Web.Features.WorkingGroups.Adding;
using BaliProcess.Web.Features.WorkPlans.FromDocument;
using Microsoft.Extensions.DependencyInjection;

namespace BaliProcess.Web.Tests.RecordsFromDocuments;

/// <summary>
/// One staff record of each kind decisions 0033–0035 added, entered from one staff document through the real services
/// and published by a second person (decision 0040): the two-instance test and the restore test share it. Every title
/// carries the caller's marker, so a test can find each record in any output.
/// </summary>
internal sealed class NewKindsTestData(IServiceProvider services, ClaimsPrincipal author, ClaimsPrincipal reviewer, string marker)
{
    /// <summary>The mechanism events, roles and work plans of these tests concern.</summary>
    public const string Group = "regional-support-office";

    /// <summary>A pasted text document with its marker, published by the reviewer; its slug.</summary>
    public async Task<string> SourceAsync()
    {
        var sources = services.GetRequiredService<SourceDocumentEditor>();
        var added = await sources.AddAsync(author, new AddSourceRequest(
            $"Co-Chairs' update {marker}", "Bali Process", "2024-05", null, null, null, null,
            $"""
            Co-Chairs' update ({marker})

            1. The Regional Support Office launched its guide {marker} in Bangkok in March 2024.

            2. Atlantis {marker} joined the Bali Process as an observer in April 2024.

            3. A Task Force {marker} was established, co-chaired by New Zealand.

            4. The forward work plan {marker} sets out:
            • Item one of plan {marker}
            • Item two of plan {marker}
            """));
        Assert.True(added.Succeeded, string.Join("; ", added.Problems.Select(p => p.Message)));
        Assert.True((await sources.PublishAsync(reviewer, added.CreatedKey!)).Succeeded);
        return added.CreatedKey!;
    }

    public async Task<string> OutcomeDocumentAsync(string source)
    {
        var documents = services.GetRequiredService<OutcomeDocumentEditor>();
        var request = new AddOutcomeDocumentRequest(source, nameof(OutcomeDocumentKind.PolicyGuide), $"Guide {marker}", false, null, "", "2024-03", "", [], null, "paragraph 1",
            [new($"The Regional Support Office launched its guide {marker}", "paragraph 1")],
            DevelopedBy: [new("The Regional Support Office launched its guide", null, "regional-support-office", "paragraph 1")]); // decision 0041: carried through the export
        var added = await documents.AddAsync(author, request with { CheckedHash = OutcomeDocumentEditor.HashOf(request) });
        return await PublishedAsync(added, key => documents.PublishAsync(reviewer, key));
    }

    /// <summary>A new observer (a participant and its first membership); the participant's slug.</summary>
    public async Task<string> MembershipAsync(string source)
    {
        var memberships = services.GetRequiredService<MembershipEditor>();
        var added = await memberships.AddAsync(author, new AddMembershipRequest(
            source, null, $"Atlantis {marker}", null, null, nameof(ParticipantKind.Government), "Polynesia", "paragraph 2", nameof(MembershipStatus.Observer), "2024-04", "paragraph 2"));
        return await PublishedAsync(added, key => memberships.PublishAsync(reviewer, key));
    }

    public async Task<string> MechanismAsync(string source)
    {
        var mechanisms = services.GetRequiredService<MechanismEditor>();
        var added = await mechanisms.AddAsync(author, new AddMechanismRequest(
            source, null, $"Task Force {marker}", false, null, null, nameof(MechanismKind.TaskForce), null, "2024", null, nameof(MechanismStatus.Active), "paragraph 3",
            [new("new-zealand", nameof(MechanismRole.CoChair), "co-chaired by New Zealand", "2024", null, "paragraph 3")]));
        return await PublishedAsync(added, key => mechanisms.PublishAsync(reviewer, key));
    }

    public async Task<string> TimelineEventAsync(string source)
    {
        var events = services.GetRequiredService<TimelineEventEditor>();
        var added = await events.AddAsync(author, new AddTimelineEventRequest(
            source, $"Launch of guide {marker}", "2024-03", $"The Regional Support Office launched its guide {marker}", "Bangkok", Group, null, "paragraph 1"));
        return await PublishedAsync(added, key => events.PublishAsync(reviewer, key));
    }

    public async Task<string> WorkPlanAsync(string source)
    {
        var plans = services.GetRequiredService<WorkPlanFromDocumentEditor>();
        var request = new AddWorkPlanRequest(
            source, $"Forward work plan {marker}", null, "2024–25", Group, null, null, "paragraph 4",
            $"• Item one of plan {marker}\n• Item two of plan {marker}", "paragraph 4", nameof(ActionItemStatus.NotStated), []);
        var check = await plans.CheckAsync(request);
        Assert.True(check.Succeeded, string.Join("; ", check.Problems.Select(p => p.Message)));
        request = request with { ItemsHash = check.ItemsHash, Items = [.. check.Items.Select(_ => new ItemInput(null, null, null, ["capacity-building"], null))] };
        return await PublishedAsync(await plans.AddAsync(author, request), key => plans.PublishAsync(reviewer, key));
    }

    /// <summary>A co-chair role of a new person; the person's slug.</summary>
    public async Task<string> PersonRoleAsync(string source)
    {
        var roles = services.GetRequiredService<PersonRoleEditor>();
        var added = await roles.AddAsync(author, new AddPersonRoleRequest(
            source, null, $"Ms Ada {marker}", nameof(PersonRoleKind.CoChair), "co-chaired by Ms Ada", null, null, null, Group, "2024-05", "paragraph 3"));
        await PublishedAsync(added, key => roles.PublishAsync(reviewer, int.Parse(key, CultureInfo.InvariantCulture)));
        return $"ada-{marker}";
    }

    /// <summary>A disagreement and an open question on the document's mechanism; their fields.</summary>
    public async Task<(string Disagreement, string Question)> NotesAsync(string source, string otherDocumentFile)
    {
        var notes = services.GetRequiredService<NoteEditor>();
        var disagreement = await notes.AddDisagreementAsync(author, new AddDisagreementRequest(
            source, $"mechanism:{Group}", $"launch {marker}", $"The documents disagree on the launch {marker}.",
            [new("March 2024", null, "paragraph 1"), new("2012", otherDocumentFile, "Developments from 2003–2012")]));
        await PublishedAsync(disagreement, key => notes.PublishDisagreementAsync(reviewer, int.Parse(key, CultureInfo.InvariantCulture)));
        var question = await notes.AddOpenQuestionAsync(author, new AddOpenQuestionRequest(
            source, $"mechanism:{Group}", $"guide {marker}", $"No document says who wrote the guide {marker}.", [new(null, "paragraph 1")]));
        await PublishedAsync(question, key => notes.PublishOpenQuestionAsync(reviewer, int.Parse(key, CultureInfo.InvariantCulture)));
        return ($"launch {marker}", $"guide {marker}");
    }

    private static async Task<string> PublishedAsync(EditResult added, Func<string, Task<EditResult>> publish)
    {
        Assert.True(added.Succeeded, string.Join("; ", added.Problems.Select(p => p.Message)));
        var published = await publish(added.CreatedKey!);
        Assert.True(published.Succeeded, string.Join("; ", published.Problems.Select(p => p.Message)));
        return added.CreatedKey!;
    }
}
