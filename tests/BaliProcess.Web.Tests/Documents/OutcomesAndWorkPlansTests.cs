using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;
using BaliProcess.Data.Model;
using BaliProcess.Tests.Shared;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.Corrections;
using BaliProcess.Web.Features.Documents.Adding;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Features.WorkPlans.FromDocument;
using BaliProcess.Web.Infrastructure.Caching;
using BaliProcess.Web.Tests.Infrastructure;
using BaliProcess.Web.Tests.Sources;
using BaliProcess.Web.Tests.Statements;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaliProcess.Web.Tests.Documents;

/// <summary>
/// Outcome documents and work plans from a staff-added document (decision 0033), on the sources portal: 003's Forward Work
/// Plan 2017–19 and one of its outcome documents entered through the services answer the API as the seeded records do;
/// a draft shows nowhere public; publishing waits for a second person and the document; every refused caller writes nothing.
/// </summary>
[Collection(RecordsFromDocumentsCollection.Name)]
public sealed class OutcomesAndWorkPlansTests(SourcesFixture fixture)
{
    private const string PlanSlug = "tip-working-group-forward-work-plan-2017-19";
    private const string DocSlug = "financial-footprints-report";
    private const string GuideSlug = "following-the-money-policy-guide";
    private const string SeedFile = "003_f496830a861f9ea6.txt";
    private const string Statement = "tip-working-group-third-meeting-2017-co-chairs-statement";
    private const string Meeting = "tip-working-group-third-meeting-2017";

    private static readonly string Items = string.Join("\n", File.ReadAllText(Path.Combine(TestPaths.SourceDocumentsDirectory, SeedFile))
        .Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').SkipWhile(l => !l.Contains("2017 -19, including:", StringComparison.Ordinal)).Skip(1)
        .TakeWhile(l => !l.StartsWith("The Co-Chairs noted", StringComparison.Ordinal)));

    private static readonly string[][] Themes =
    [
        ["information-sharing-and-public-information-campaigns", "coordination-and-support"],
        ["capacity-building", "legal-frameworks-and-prosecution", "victim-protection", "follow-the-money"],
        ["private-sector-engagement", "civil-society-engagement", "stakeholder-engagement"],
        ["follow-the-money", "capacity-building", "law-enforcement"],
        ["labour-exploitation", "sexual-exploitation", "private-sector-engagement", "capacity-building"],
        ["corruption", "law-enforcement"],
        ["international-cooperation", "law-enforcement"],
    ];

    /// <summary>003 as staff add it (with a marker, so the file is new), dated as sources.json dates it; published unless asked not to.</summary>
    private async Task<string> SourceAsync(string marker, bool publish = true)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.SourceDocumentsDirectory, SeedFile)) + $"\n[{marker}]\n";
        var (_, uploader) = await fixture.SecretariatAsync("Document uploader");
        var added = await fixture.WithEditorAsync(e => e.AddAsync(uploader, SourcesFixture.Request($"TIP Working Group third meeting {marker}", pasted: text, date: "2017-05-25")));
        Assert.True(added.Succeeded, string.Join("; ", added.Problems.Select(p => p.Message)));
        if (publish)
        {
            var (_, reviewer) = await fixture.SecretariatAsync("Document reviewer");
            Assert.True((await fixture.WithEditorAsync(e => e.PublishAsync(reviewer, added.CreatedKey!))).Succeeded);
        }

        return added.CreatedKey!;
    }

    internal static AddWorkPlanRequest PlanRequest(string source, string? slug = PlanSlug, string title = "TIP Working Group’s Forward Work Plan 2017 -19", bool withItems = true)
    {
        var r = new AddWorkPlanRequest(source, title, slug, "2017–19", "working-group-trafficking-in-persons", null, null,
            "paragraphs 10 and 11 (unnumbered in the document)", Items, "paragraph 10 (unnumbered in the document)", nameof(ActionItemStatus.NotStated), []);
        return r with
        {
            ItemsHash = WorkPlanFromDocumentEditor.HashOf(r),
            Items = withItems ? [.. Themes.Select(t => new ItemInput(null, null, null, t, null))] : [],
        };
    }

    internal static AddOutcomeDocumentRequest DocRequest(string source, string? slug = DocSlug, string title = "report on the Financial Footprints associated with human trafficking in Bali Process member countries")
    {
        var r = new AddOutcomeDocumentRequest(source, nameof(OutcomeDocumentKind.Report), title, false, slug, "", "2017-05", "",
            [Meeting], $"{Statement}/4", "paragraphs 4 and 5 (unnumbered in the document)",
            [new("a report on the Financial Footprints associated with human trafficking in Bali Process member countries.", "paragraph 4 (unnumbered in the document)")]);
        return r with { CheckedHash = OutcomeDocumentEditor.HashOf(r) };
    }

    /// <summary>
    /// A seeded outcome document as a person enters it from the staff-added 003 (decision 0041's <c>developedBy</c>
    /// included): each place in 003 as the form's own, another document's by its file name first.
    /// </summary>
    private static AddOutcomeDocumentRequest SeededDocRequest(string source, string slug)
    {
        var seed = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.SeedDirectory, "outcome-documents.json")))!.AsArray()
            .First(d => d!["slug"]!.GetValue<string>() == slug)!;
        static string Place(JsonNode s) => s["document"]!.GetValue<string>() == SeedFile ? s["location"]!.GetValue<string>() : $"{s["document"]}: {s["location"]}";
        static string? Text(JsonNode? n) => n?.GetValue<string>();
        var r = new AddOutcomeDocumentRequest(
            source, Text(seed["kind"]), Text(seed["title"]), seed["titleAddedByPortal"]?.GetValue<bool>() ?? false, slug, Text(seed["action"]) ?? "",
            Text(seed["date"]) ?? "", Text(seed["meeting"]) ?? "", [.. seed["mentionedAtMeetings"]!.AsArray().Select(m => m!.GetValue<string>())],
            string.Join("\n", seed["mentionedIn"]!.AsArray().Select(m => $"{m!["statement"]}/{m["label"]}")),
            string.Join("\n", seed["sources"]!.AsArray().Select(x => Place(x!))),
            [.. seed["quotes"]!.AsArray().Select(q => new QuoteInput(Text(q!["text"]), Place(q["source"]!)))],
            DevelopedBy: [.. seed["developedBy"]!.AsArray().Select(x => new DeveloperInput(Text(x!["asWritten"]), Text(x["participant"]), Text(x["mechanism"]), Place(x["source"]!)))]);
        return r with { CheckedHash = OutcomeDocumentEditor.HashOf(r) };
    }

    private Task<T> Plans<T>(Func<WorkPlanFromDocumentEditor, Task<T>> action) => fixture.WithPortalServiceAsync(action);

    private Task<T> Docs<T>(Func<OutcomeDocumentEditor, Task<T>> action) => fixture.WithPortalServiceAsync(action);

    [Fact]
    public async Task The_003_work_plan_and_an_outcome_document_entered_through_the_services_answer_the_API_as_the_seeded_ones()
    {
        var marker = Guid.NewGuid().ToString("N");
        using var anonymous = fixture.Portal.CreateClient();
        var seededPlan = await anonymous.GetStringAsync(new Uri($"/api/v1/work-plans/{PlanSlug}", UriKind.Relative));
        var seededDoc = await anonymous.GetStringAsync(new Uri($"/api/v1/documents/{DocSlug}", UriKind.Relative));
        var seededGuide = await anonymous.GetStringAsync(new Uri($"/api/v1/documents/{GuideSlug}", UriKind.Relative));
        Assert.Contains("following-the-money-drafting-committee", seededGuide, StringComparison.Ordinal);
        var source = await SourceAsync(marker);
        var (_, author) = await fixture.SecretariatAsync("Plan author");
        var (_, reviewer) = await fixture.SecretariatAsync("Plan reviewer");

        // The split: seven bullets the document does not number, each located as seed-data/ locates them.
        var check = await Plans(e => e.CheckAsync(PlanRequest(source, slug: null)));
        Assert.True(check.Succeeded, string.Join("; ", check.Problems.Select(p => p.Message)));
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7"], check.Items.Select(i => i.Number));
        Assert.All(check.Items, i => Assert.True(i.NumberAddedByPortal));
        Assert.Equal("tackling corruption as a key facilitator of human trafficking, and", check.Items[5].Text);
        Assert.Equal("paragraph 10 (unnumbered in the document), bullet 7 (unlettered in the document)", check.Items[6].Location);

        await RenameAsync<WorkPlan>(PlanSlug, $"{PlanSlug}-seeded-{marker}");
        await RenameAsync<OutcomeDocument>(DocSlug, $"{DocSlug}-seeded-{marker}");
        await RenameAsync<OutcomeDocument>(GuideSlug, $"{GuideSlug}-seeded-{marker}");
        try
        {
            var plan = await Plans(e => e.AddAsync(author, PlanRequest(source)));
            Assert.True(plan.Succeeded, string.Join("; ", plan.Problems.Select(p => p.Message)));
            var doc = await Docs(e => e.AddAsync(author, DocRequest(source)));
            Assert.True(doc.Succeeded, string.Join("; ", doc.Problems.Select(p => p.Message)));
            var guide = await Docs(e => e.AddAsync(author, SeededDocRequest(source, GuideSlug)));
            Assert.True(guide.Succeeded, string.Join("; ", guide.Problems.Select(p => p.Message)));
            Assert.True((await Docs(e => e.PublishAsync(reviewer, GuideSlug))).Succeeded);
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/api/v1/work-plans/{PlanSlug}", UriKind.Relative))).StatusCode);

            // The author may not publish their own; a second person does, once.
            Assert.Equal("publish", (await Plans(e => e.PublishAsync(author, PlanSlug))).Problems.Single().Field);
            Assert.Equal("publish", (await Docs(e => e.PublishAsync(author, DocSlug))).Problems.Single().Field);
            Assert.True((await Plans(e => e.PublishAsync(reviewer, PlanSlug))).Succeeded);
            Assert.True((await Docs(e => e.PublishAsync(reviewer, DocSlug))).Succeeded);
            Assert.Contains("already published", (await Plans(e => e.PublishAsync(reviewer, PlanSlug))).Problems.Single().Message, StringComparison.Ordinal);

            // The API answers as for the seeded records, the staff document's file name for 003's, ids and times aside.
            var file = (await fixture.DocumentAsync(source)).FileName;
            Assert.Equal(Normal(seededPlan, null), Normal(await anonymous.GetStringAsync(new Uri($"/api/v1/work-plans/{PlanSlug}", UriKind.Relative)), file));
            Assert.Equal(Normal(seededDoc, null), Normal(await anonymous.GetStringAsync(new Uri($"/api/v1/documents/{DocSlug}", UriKind.Relative)), file));
            Assert.Equal(Normal(seededGuide, null), Normal(await anonymous.GetStringAsync(new Uri($"/api/v1/documents/{GuideSlug}", UriKind.Relative)), file));
            Assert.Contains(PlanSlug, await anonymous.GetStringAsync(new Uri("/work-plans", UriKind.Relative)), StringComparison.Ordinal);
            Assert.Contains($"/documents/{DocSlug}", await anonymous.GetStringAsync(new Uri($"/meetings/{Meeting}", UriKind.Relative)), StringComparison.Ordinal);

            // One revision each, in the seed-data shape.
            await using (var db = fixture.Portal.Database.CreateContext())
            {
                var revisions = await db.RecordRevisions.Where(r => (r.RecordKey == PlanSlug || r.RecordKey == DocSlug || r.RecordKey == GuideSlug) && r.ChangedAt > DateTimeOffset.UtcNow.AddMinutes(-10)).ToListAsync();
                var planAfter = JsonNode.Parse(revisions.Single(r => r.RecordKind == RecordRevisionKinds.WorkPlan).After)!;
                Assert.Equal(7, planAfter["items"]!.AsArray().Count);
                Assert.Equal("working-group-trafficking-in-persons", planAfter["mechanism"]!.GetValue<string>());
                var docAfter = JsonNode.Parse(revisions.Single(r => r.RecordKind == RecordRevisionKinds.Document && r.RecordKey == DocSlug).After)!;
                var guideAfter = JsonNode.Parse(revisions.Single(r => r.RecordKind == RecordRevisionKinds.Document && r.RecordKey == GuideSlug).After)!;
                Assert.Equal("following-the-money-drafting-committee", guideAfter["developedBy"]![0]!["mechanism"]!.GetValue<string>());
                Assert.Equal($"{file}|paragraph 4 (unnumbered in the document)", $"{guideAfter["developedBy"]![0]!["sources"]![0]!["document"]}|{guideAfter["developedBy"]![0]!["sources"]![0]!["location"]}");
                Assert.Empty(docAfter["developedBy"]!.AsArray());
                Assert.Equal("4", docAfter["mentionedIn"]![0]!["label"]!.GetValue<string>());
            }

        }
        finally
        {
            await RenameAsync<WorkPlan>(PlanSlug, $"{PlanSlug}-entered-{marker}");
            await RenameAsync<OutcomeDocument>(DocSlug, $"{DocSlug}-entered-{marker}");
            await RenameAsync<OutcomeDocument>(GuideSlug, $"{GuideSlug}-entered-{marker}");
            await RenameAsync<WorkPlan>($"{PlanSlug}-seeded-{marker}", PlanSlug);
            await RenameAsync<OutcomeDocument>($"{DocSlug}-seeded-{marker}", DocSlug);
            await RenameAsync<OutcomeDocument>($"{GuideSlug}-seeded-{marker}", GuideSlug);
        }
    }

    [Fact]
    public async Task Drafts_show_nowhere_public_bad_input_and_refused_callers_write_nothing_and_publishing_waits_for_the_document()
    {
        var marker = Guid.NewGuid().ToString("N");
        var source = await SourceAsync(marker, publish: false);
        var (_, author) = await fixture.SecretariatAsync("Draft author");
        var (_, reviewer) = await fixture.SecretariatAsync("Draft reviewer");
        var planTitle = $"Forward Work Plan {marker}";
        var docTitle = $"Guide {marker}";
        var planSlug = $"plan-{marker}";
        var docSlug = $"guide-{marker}";
        using var anonymous = fixture.Portal.CreateClient();
        string[] outputs =
        [
            "/", "/work-plans", "/documents", $"/meetings/{Meeting}", $"/statements/{Statement}", "/working-groups/working-group-trafficking-in-persons",
            "/themes/follow-the-money", "/api/v1/work-plans", "/api/v1/documents?pageSize=100", "/sitemap.xml", "/changes", "/changes.atom",
            $"/search?q={marker}", $"/api/v1/search?q={marker}", "/api/v1/themes/follow-the-money",
        ];

        // Bad input: each refused with its message, nothing written.
        var before = await StoredAsync();
        Assert.Equal("slug", (await Plans(e => e.AddAsync(author, PlanRequest(source, "Not A Slug")))).Problems.Single().Field);
        Assert.Equal("period", (await Plans(e => e.AddAsync(author, PlanRequest(source, planSlug) with { Period = "next year" }))).Problems.Single().Field);
        Assert.Equal("items", (await Plans(e => e.AddAsync(author, PlanRequest(source, planSlug) with { ItemsText = Items + "\n\nanother item" }))).Problems.Single().Field);
        Assert.Contains("no theme", (await Plans(e => e.AddAsync(author, PlanRequest(source, planSlug) with { Items = [.. Themes.Select(_ => new ItemInput(null, null, null, ["no-such-theme"], null))] }))).Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal("kind", (await Docs(e => e.AddAsync(author, DocRequest(source, docSlug) with { Kind = "Poem" }))).Problems.Single().Field);
        Assert.Contains("changed since", (await Docs(e => e.AddAsync(author, DocRequest(source, docSlug) with { Title = "Another" }))).Problems.Single().Message, StringComparison.Ordinal);
        Assert.Contains("U+0007", string.Join(" ", (await Docs(e => e.CheckAsync(DocRequest(source, docSlug, "Guide\u0007")))).Problems.Select(p => p.Message)), StringComparison.Ordinal);
        Assert.Equal("mentionedIn", (await Docs(e => e.CheckAsync(DocRequest(source, docSlug) with { MentionedIn = $"{Statement}/99" }))).Problems.Single().Field);
        foreach (var (developer, expected) in new (DeveloperInput, string)[]
                 {
                     (new("the Drafting Committee", null, "no-such-mechanism", "paragraph 4"), "no published mechanism"),
                     (new("the Drafting Committee", "no-such-participant", null, "paragraph 4"), "no published participant"),
                     (new("the Drafting\u0007 Committee", null, null, "paragraph 4"), "U+0007"),
                     (new(null, null, "following-the-money-drafting-committee", "paragraph 4"), "verbatim"),
                     (new("the Drafting Committee", null, null, ""), "Say where"),
                 })
        {
            var refused = await Docs(e => e.AddAsync(author, DocRequest(source, docSlug) with { DevelopedBy = [developer] }));
            Assert.Contains(expected, refused.Problems.Single(p => p.Field == "developedBy").Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, await StoredAsync());

        // Anonymous, forged, role-less and disabled callers are refused at the service, writing nothing.
        var (_, roleLess) = await fixture.AccountAsync("");
        var (_, disabled) = await fixture.AccountAsync(PortalRoles.Secretariat, disabled: true);
        foreach (var (principal, reason) in new (ClaimsPrincipal?, RefusalReason)[]
                 { (null, RefusalReason.Anonymous), (StatementTestData.Forged(), RefusalReason.UnknownAccount), (roleLess, RefusalReason.WrongRole), (disabled, RefusalReason.Disabled) })
        {
            Assert.Equal(reason, (await Plans(e => e.AddAsync(principal, PlanRequest(source, planSlug)))).Refusal);
            Assert.Equal(reason, (await Docs(e => e.AddAsync(principal, DocRequest(source, docSlug)))).Refusal);
            Assert.Equal(reason, (await Plans(e => e.PublishAsync(principal, PlanSlug))).Refusal);
            Assert.Equal(reason, (await Docs(e => e.PublishAsync(principal, DocSlug))).Refusal);
        }

        Assert.Equal(before, await StoredAsync());

        var snapshot = new Dictionary<string, string>();
        foreach (var url in outputs)
        {
            snapshot[url] = await anonymous.GetStringAsync(new Uri(url, UriKind.Relative));
        }

        Assert.True((await Plans(e => e.AddAsync(author, PlanRequest(source, planSlug, planTitle)))).Succeeded);
        Assert.True((await Docs(e => e.AddAsync(author, DocRequest(source, docSlug, docTitle)))).Succeeded);

        // Nowhere public: the same outputs do not name the drafts (their titles hold the marker), their pages and API answer 404.
        foreach (var url in outputs)
        {
            var now = await anonymous.GetStringAsync(new Uri(url, UriKind.Relative));
            Assert.DoesNotContain(planSlug, now, StringComparison.Ordinal);
            Assert.DoesNotContain(docSlug, now, StringComparison.Ordinal);
            Assert.DoesNotContain(docTitle, now, StringComparison.Ordinal);
        }

        foreach (var url in new[] { $"/work-plans/{planSlug}", $"/documents/{docSlug}", $"/api/v1/work-plans/{planSlug}", $"/api/v1/documents/{docSlug}", $"/work-plans/{planSlug}/history" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }

        // Publishing waits for the document; then a second person publishes, and the records are public at once.
        Assert.Contains("publish the document first", (await Plans(e => e.PublishAsync(reviewer, planSlug))).Problems.Single().Message, StringComparison.Ordinal);
        Assert.Contains("publish the document first", (await Docs(e => e.PublishAsync(reviewer, docSlug))).Problems.Single().Message, StringComparison.Ordinal);
        Assert.True((await fixture.WithEditorAsync(e => e.PublishAsync(reviewer, source))).Succeeded);
        Assert.True((await Plans(e => e.PublishAsync(reviewer, planSlug))).Succeeded);
        Assert.True((await Docs(e => e.PublishAsync(reviewer, docSlug))).Succeeded);
        Assert.Contains(planSlug, await anonymous.GetStringAsync(new Uri("/work-plans", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(docSlug, await anonymous.GetStringAsync(new Uri("/documents", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(docSlug, await anonymous.GetStringAsync(new Uri($"/meetings/{Meeting}", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(planSlug, await anonymous.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)), StringComparison.Ordinal);
        var changes = await anonymous.GetStringAsync(new Uri("/changes", UriKind.Relative));
        Assert.Contains(planSlug, changes, StringComparison.Ordinal);
        Assert.Contains(docSlug, changes, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri($"/documents/{docSlug}/history", UriKind.Relative))).StatusCode);

        // A published staff outcome document is corrected as any record (decision 0030).
        var corrected = await fixture.WithPortalServiceAsync<CorrectionEditor, EditResult>(e => e.DraftAsync(author, new CorrectionRequest(
            RecordRevisionKinds.Document, docSlug, CorrectionAction.Correct, new Dictionary<string, string?> { ["date"] = "2017-05-26" },
            new Dictionary<string, string?> { ["date"] = "2017-05" }, "The meeting was on 26 May.")));
        Assert.True(corrected.Succeeded, string.Join("; ", corrected.Problems.Select(p => p.Message)));
        Assert.True((await fixture.WithPortalServiceAsync<CorrectionEditor, EditResult>(e => e.PublishAsync(reviewer, long.Parse(corrected.CreatedKey!, System.Globalization.CultureInfo.InvariantCulture)))).Succeeded);
        Assert.Contains("\"date\":\"2017-05-26\"", await anonymous.GetStringAsync(new Uri($"/api/v1/documents/{docSlug}", UriKind.Relative)), StringComparison.Ordinal);
    }

    /// <summary>Adding and publishing over HTTP refused to anonymous, token-less, role-less and disabled requests: nothing written.</summary>
    [Theory]
    [InlineData("anonymous")]
    [InlineData("token-less")]
    [InlineData("no role")]
    [InlineData("disabled")]
    public async Task Adding_and_publishing_refused_to_anonymous_token_less_role_less_and_disabled_requests(string caller)
    {
        var marker = Guid.NewGuid().ToString("N");
        var source = await SourceAsync(marker);
        var (_, owner) = await fixture.SecretariatAsync();
        var plan = await Plans(e => e.AddAsync(owner, PlanRequest(source, $"plan-{marker}")));
        var doc = await Docs(e => e.AddAsync(owner, DocRequest(source, $"guide-{marker}")));
        Assert.True(plan.Succeeded, string.Join("; ", plan.Problems.Select(p => p.Message)));
        Assert.True(doc.Succeeded, string.Join("; ", doc.Problems.Select(p => p.Message)));
        PortalUser? user = null;
        using var client = caller == "anonymous" ? StaffAccounts.NewClient(fixture.Portal)
            : await StaffAccounts.SignedInClientAsync(fixture.Portal, (user = await StaffAccounts.CreateUserAsync(fixture.Portal, caller == "no role" ? "" : PortalRoles.Secretariat)).Email!);
        var token = caller == "token-less" ? null : await StaffAccounts.AntiforgeryTokenAsync(client, AccountsSetup.SignInPath);
        if (caller == "disabled")
        {
            await using var scope = fixture.Portal.Services.CreateAsyncScope();
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var account = (await manager.FindByIdAsync(user!.Id))!;
            account.IsDisabled = true;
            Assert.True((await manager.UpdateAsync(account)).Succeeded);
        }

        var before = await StoredAsync();
        var planRequest = PlanRequest(source, $"plan-{marker}-2");
        var docRequest = DocRequest(source, $"guide-{marker}-2");
        var requests = new (string Url, List<KeyValuePair<string, string>> Fields, string Refusal)[]
        {
            ($"/staff/sources/{source}/work-plans/new",
            [
                new("_handler", "add-work-plan"), new("Input.Step", "save"), new("Input.Title", planRequest.Title!), new("Input.Slug", planRequest.Slug!),
                new("Input.Period", planRequest.Period!), new("Input.Mechanism", planRequest.Mechanism!), new("Input.Locations", planRequest.Locations!),
                new("Input.Status", planRequest.Status!), new("Input.ItemsText", planRequest.ItemsText!), new("Input.ItemsLocation", planRequest.ItemsLocation!),
                new("Input.ItemsHash", planRequest.ItemsHash!), .. Enumerable.Range(0, 7).Select(i => KeyValuePair.Create($"item-location-{i}", "")),
            ], "may not add work plans"),
            ($"/staff/sources/{source}/documents/new",
            [
                new("_handler", "add-outcome-document"), new("Input.Step", "save"), new("Input.Kind", docRequest.Kind!), new("Input.Title", docRequest.Title!),
                new("Input.Slug", docRequest.Slug!), new("Input.Date", docRequest.Date!), new("mentionedAt", Meeting), new("Input.MentionedIn", docRequest.MentionedIn!),
                new("Input.Locations", docRequest.Locations!), new("quote-0", docRequest.Quotes[0].Text!), new("quote-location-0", docRequest.Quotes[0].Location!),
                new("Input.CheckedHash", docRequest.CheckedHash!),
            ], "may not add outcome documents"),
            ($"/staff/work-plans/plan-{marker}/draft", [new("_handler", "publish-work-plan")], "may not publish work plans"),
            ($"/staff/documents/guide-{marker}", [new("_handler", "publish-outcome-document")], "may not publish outcome documents"),
        };
        foreach (var (url, fields, refusal) in requests)
        {
            if (token is not null)
            {
                fields.Add(new("__RequestVerificationToken", token));
            }

            var response = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
            Assert.True((int)response.StatusCode is 200 or 302 or 400 or 403, $"{url} answered {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Contains(refusal, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await StoredAsync());
    }

    /// <summary>Work plans, items, outcome documents (drafts included), status entries and revisions stored.</summary>
    private async Task<(int, int, int, int, int)> StoredAsync()
    {
        await using var db = fixture.Portal.Database.CreateContext();
        return (await db.WorkPlans.IgnoreQueryFilters().CountAsync(w => !w.IsDraft) + 1000 * await db.WorkPlans.IgnoreQueryFilters().CountAsync(w => w.IsDraft),
            await db.ActionItems.IgnoreQueryFilters().CountAsync(), await db.OutcomeDocuments.IgnoreQueryFilters().CountAsync(w => !w.IsDraft) + 1000 * await db.OutcomeDocuments.IgnoreQueryFilters().CountAsync(w => w.IsDraft),
            await db.ActionItemStatusChanges.IgnoreQueryFilters().CountAsync(), await db.RecordRevisions.CountAsync());
    }

    /// <summary>Moves a record to another address through the write path's commit (caches follow, decision 0018).</summary>
    private async Task RenameAsync<T>(string from, string to)
        where T : class
    {
        await using var scope = fixture.Portal.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<BaliProcess.Data.BaliProcessDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var entity = await db.Set<T>().IgnoreQueryFilters().SingleAsync(e => EF.Property<string>(e, "Slug") == from);
        db.Entry(entity).Property("Slug").CurrentValue = to;
        await scope.ServiceProvider.GetRequiredService<RecordChanges>().SaveAsync(db);
    }

    /// <summary>The API's JSON with the staff document's file name as the seed's, and the times of the history left out.</summary>
    private static string Normal(string json, string? staffFile)
    {
        var text = staffFile is null ? json : json.Replace(staffFile, SeedFile, StringComparison.Ordinal);
        var node = JsonNode.Parse(text)!;
        void Strip(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    o.Remove("changedAt");
                    foreach (var (_, v) in o.ToList())
                    {
                        Strip(v);
                    }

                    break;
                case JsonArray a:
                    foreach (var v in a)
                    {
                        Strip(v);
                    }

                    break;
            }
        }

        Strip(node);
        return node.ToJsonString();
    }
}
