using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using BaliProcess.Tests.Shared;
using BaliProcess.Web.Components;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Tests.Browser;
using BaliProcess.Web.Tests.Infrastructure;
using BaliProcess.Web.Tests.Sources;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BaliProcess.Web.Tests.Journeys;

/// <summary>
/// Issue 18's proof, "the test that matters most" (decision 0036): on a portal whose seed lacks the records drawn from 002
/// (or from 003), a Secretariat user uploads the document, enters its meeting and its statement with their themes (and
/// for 003, which sets out a work plan, the plan and the outcome documents it names) in Chromium as a person does, and a
/// second Secretariat user publishes them. The meeting, statement, work-plan and document pages, a search that finds one
/// of the document's paragraphs and the API then answer as the portal on the full seed data does for the same records,
/// once what honestly differs (ids, times, the staff copy's document name, what the journey does not enter) is
/// normalised away.
/// </summary>
/// <remarks>
/// What the person types is what the document says, and where the seed's curator chose a label, a section heading, a
/// place or a summary (the portal's words), the person chooses the same: the test reads those from the full seed's
/// record, so a difference left on a page is one the portal made.
/// </remarks>
[Collection(JourneysCollection.Name)]
public sealed partial class DocumentJourneyTests(PortalFactory fullSeed, JourneyFixture journey, ITestOutputHelper output) : IClassFixture<JourneyFixture>
{
    private const string SymposiumMeeting = "regional-symposium-labour-exploitation-2015";
    private const string SymposiumOutcomes = "labour-exploitation-symposium-2015-outcomes";
    private const string ThirdMeeting = "tip-working-group-third-meeting-2017";
    private const string ThirdStatement = "tip-working-group-third-meeting-2017-co-chairs-statement";
    private const string ThirdWorkPlan = "tip-working-group-forward-work-plan-2017-19";

    /// <summary>The outcome documents the full seed draws from 003 (and its reduced seed lacks): those it names.</summary>
    private static readonly string[] ThirdOutcomeDocuments =
    [
        "policy-guide-criminalizing-trafficking-and-smuggling", "following-the-money-policy-guide", "following-the-money-training-module",
        "financial-footprints-report", "unodc-global-trafficking-in-persons-report-2016",
    ];

    private const string DraftingCommittee = "following-the-money-drafting-committee";

    private static readonly HtmlParser Parser = new();

    /// <summary>002: on the seed without 002's records, the symposium and its outcomes entered and published answer as the full seed's.</summary>
    [Fact]
    public async Task Records_entered_from_002_and_published_by_a_second_user_answer_as_the_full_seed_does()
    {
        var portal = await journey.PortalWithoutSymposiumAsync();
        var (page, second) = await SignInBothAsync(portal);
        await using var _ = page.Context;
        await using var __ = second.Context;

        var symposium = await EnterSymposiumAsync(page);
        await PublishAsync(second, symposium);

        await CompareAllAsync(portal, [symposium]);
    }

    /// <summary>
    /// 003 on the seed without its records, uploaded as a PDF: its meeting, statement, work plan and the outcome documents it
    /// names entered and published, then the same comparisons (and the work plan's and documents' pages and API answers).
    /// </summary>
    [Fact]
    public async Task Records_entered_from_003_as_a_pdf_and_published_by_a_second_user_answer_as_the_full_seed_does()
    {
        var portal = await journey.PortalWithoutThirdMeetingAsync();

        // The reduced seed lacks 003's work plan and the outcome documents drawn from it, which the journey enters again.
        Assert.Equal(
            ThirdOutcomeDocuments.Select(d => $"outcome-document:{d}").Append($"work-plan:{ThirdWorkPlan}").Order(StringComparer.Ordinal),
            journey.WithoutThirdMeeting!.Removed.Where(r => r.StartsWith("outcome-document:", StringComparison.Ordinal) || r.StartsWith("work-plan:", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        var (page, second) = await SignInBothAsync(portal);
        await using var _ = page.Context;
        await using var __ = second.Context;

        var third = await EnterThirdMeetingAsync(page, second);
        await PublishAsync(second, third);

        // What the journey does not enter again, so the pages differ by it (decision 0036, normalisation 7): people drawn
        // from 003 only (their roles come from the people form, decision 0035, not a step of this journey), and outcome
        // documents the reduced seed kept without 003's mentions (no form adds a mention to a published record yet).
        var reduced = journey.WithoutThirdMeeting!;
        third = third with
        {
            NotEntered =
            [
                .. reduced.Removed.Where(r => r.StartsWith("person:", StringComparison.Ordinal)).Select(r => PortalRoutes.Person(r["person:".Length..])),
                .. reduced.Dropped.Where(d => d.StartsWith("outcome-document:", StringComparison.Ordinal))
                    .Select(d => d["outcome-document:".Length..d.IndexOf(':', "outcome-document:".Length)])
                    .Where(d => !ThirdOutcomeDocuments.Contains(d)).Distinct().Select(PortalRoutes.Document),
            ],
        };

        foreach (var dropped in reduced.Dropped)
        {
            output.WriteLine($"Removed with 003: {dropped}");
        }

        await CompareAllAsync(portal, [third]);
    }

    private async Task<(IPage Author, IPage Reviewer)> SignInBothAsync(PortalFactory portal)
    {
        var author = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Secretariat, displayName: "Ayu Lestari");
        var reviewer = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Secretariat, displayName: "Ben Carter");
        return (await journey.SignedInPageAsync(portal, author.Email!), await journey.SignedInPageAsync(portal, reviewer.Email!));
    }

    /// <summary>The meeting, statement and API answers of each entered record, and the search, against the full seed's.</summary>
    private async Task CompareAllAsync(PortalFactory portal, Entered[] entries)
    {
        // The portal listens on a real port (UseRealServer): a client of that address, not the in-memory test server's.
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var staff = new HttpClient(handler) { BaseAddress = portal.ServerAddress };
        using var seed = fullSeed.CreateClient(new() { AllowAutoRedirect = false });
        var differences = new List<string>();
        foreach (var entered in entries)
        {
            await CompareAsync(differences, staff, seed, PortalRoutes.Meeting(entered.MeetingSlug), PortalRoutes.Meeting(entered.SeedMeeting), entries, Page);
            await CompareAsync(differences, staff, seed, PortalRoutes.Statement(entered.StatementSlug), PortalRoutes.Statement(entered.SeedStatement), entries, Page);
            await CompareAsync(differences, staff, seed, $"/api/v1/meetings/{entered.MeetingSlug}", $"/api/v1/meetings/{entered.SeedMeeting}", entries, Json);
            await CompareAsync(differences, staff, seed, $"/api/v1/statements/{entered.StatementSlug}", $"/api/v1/statements/{entered.SeedStatement}", entries, Json);
            foreach (var plan in entered.WorkPlans)
            {
                await CompareAsync(differences, staff, seed, PortalRoutes.WorkPlan(plan), PortalRoutes.WorkPlan(plan), entries, Page);
                await CompareAsync(differences, staff, seed, $"/api/v1/work-plans/{plan}", $"/api/v1/work-plans/{plan}", entries, Json);
            }

            foreach (var document in entered.OutcomeDocuments)
            {
                await CompareAsync(differences, staff, seed, PortalRoutes.Document(document), PortalRoutes.Document(document), entries, Page);
                await CompareAsync(differences, staff, seed, $"/api/v1/documents/{document}", $"/api/v1/documents/{document}", entries, Json);
            }

            var search = PortalRoutes.SearchFor(entered.Search);
            await CompareAsync(differences, staff, seed, search, search, entries, Page);
        }

        Assert.True(differences.Count == 0, string.Join("\n\n", differences));
    }

    /// <summary>What one document's journey made, and the seed's names for the same records.</summary>
    /// <remarks>Work plans and outcome documents are given the seed's addresses in their forms (an optional field), so they need no mapping.</remarks>
    private sealed record Entered(string Document, string SourceSlug, string FileName, string MeetingSlug, string StatementSlug, string SeedMeeting, string SeedStatement, string SeedSource)
    {
        /// <summary>A search that finds one of the document's paragraphs.</summary>
        public string Search { get; init; } = "labour exploitation";

        public IReadOnlyList<string> WorkPlans { get; init; } = [];

        public IReadOnlyList<string> OutcomeDocuments { get; init; } = [];

        /// <summary>Mechanisms the journey added (the portal makes their slugs from their names), each with the seed's slug.</summary>
        public Dictionary<string, string> Mechanisms { get; init; } = [];

        /// <summary>Pages of records the reduced seed lacks or holds changed and the journey does not enter: links to them are left out.</summary>
        public IReadOnlyList<string> NotEntered { get; init; } = [];
    }

    private static async Task<Entered> EnterSymposiumAsync(IPage page)
    {
        var seedSource = SeedSource(JourneyFixture.Symposium);
        var (sourceSlug, fileName) = await UploadAsync(page, seedSource, new FilePayload
        {
            Name = JourneyFixture.Symposium,
            MimeType = "text/plain",
            Buffer = await File.ReadAllBytesAsync(Path.Combine(TestPaths.SourceDocumentsDirectory, JourneyFixture.Symposium)),
        });

        // The co-chairs as 002 writes them (two names, so a comma where the document says "and"); neither is a participant's
        // name, so the person says which member each is, this time.
        var meetingSlug = await AddMeetingAsync(page, sourceSlug, JourneyFixture.Symposium, SeedMeeting(SymposiumMeeting),
            coChairs: "Thai Ministry of Foreign Affairs, Australian Attorney-General’s Department",
            attended: null,
            decisions: new() { ["Thai Ministry of Foreign Affairs"] = "Thailand", ["Australian Attorney-General’s Department"] = "Australia" });

        // The outcomes' text as the person pastes it: 002 puts a blank line after every line and has lost its bullets'
        // glyphs, so the person joins each paragraph's lines, with a blank line between paragraphs (a key theme begins
        // on a line indented by a space).
        var text = new System.Text.StringBuilder();
        foreach (var line in File.ReadAllLines(Path.Combine(TestPaths.SourceDocumentsDirectory, JourneyFixture.Symposium)).Where(l => l.Trim().Length > 0))
        {
            var opens = line.StartsWith(" the ", StringComparison.Ordinal) || line.StartsWith("The symposium was attended", StringComparison.Ordinal)
                || line.StartsWith("Outcomes from", StringComparison.Ordinal);
            text.Append(text.Length == 0 ? "" : opens ? "\n\n" : " ").Append(line.Trim());
        }

        var statementSlug = await AddStatementAsync(page, sourceSlug, meetingSlug, SeedStatement(SymposiumOutcomes), text.ToString());
        return new Entered(JourneyFixture.Symposium, sourceSlug, fileName, meetingSlug, statementSlug, SymposiumMeeting, SymposiumOutcomes, seedSource["slug"]!.GetValue<string>());
    }

    /// <summary>003, uploaded as a PDF made from its text (one page per 45 lines, as a printed statement runs on).</summary>
    private static async Task<Entered> EnterThirdMeetingAsync(IPage page, IPage reviewer)
    {
        var seedSource = SeedSource(JourneyFixture.ThirdMeeting);
        var documentLines = File.ReadAllLines(Path.Combine(TestPaths.SourceDocumentsDirectory, JourneyFixture.ThirdMeeting));
        var pages = documentLines.Chunk(45).Select(c => string.Join("\n", c)).ToArray();
        var (sourceSlug, fileName) = await UploadAsync(page, seedSource, new FilePayload
        {
            Name = "003-co-chairs-statement.pdf",
            MimeType = "application/pdf",
            Buffer = SourceTestFiles.Pdf(pages),
        });

        var meetingSlug = await AddMeetingAsync(page, sourceSlug, JourneyFixture.ThirdMeeting, SeedMeeting(ThirdMeeting),
            coChairs: "the Indonesian Ministry of Foreign Affairs, the Australian Attorney-General’s Department",
            attended: ("New Zealand, Malaysia, UNODC", "paragraphs 3 and 8 (unnumbered in the document)"),
            decisions: new() { ["the Indonesian Ministry of Foreign Affairs"] = "Indonesia", ["the Australian Attorney-General’s Department"] = "Australia" });

        // The statement as the portal offers it (the PDF's text with its pages marked), trimmed to the paragraphs.
        await page.GotoAsync(PortalRoutes.NewStatement(sourceSlug));
        var offered = await page.Locator("#statement-text").InputValueAsync();
        var text = offered[offered.IndexOf("On 26 May 2017", StringComparison.Ordinal)..].Trim();
        var statementSlug = await AddStatementAsync(page, sourceSlug, meetingSlug, SeedStatement(ThirdStatement), text, onFormAlready: true);

        // "Sets out a work plan": the Forward Work Plan 2017-19, and the outcome documents 003 names, each from the same
        // document's staff page (decision 0033). Records of this journey are named by the slugs the portal gave them.
        var entered = new Dictionary<string, string>(StringComparer.Ordinal) { [ThirdMeeting] = meetingSlug, [ThirdStatement] = statementSlug };
        await AddWorkPlanAsync(page, sourceSlug, JourneyFixture.ThirdMeeting, SeedRecord("work-plans.json", ThirdWorkPlan), entered);

        // The Drafting Committee that developed the Following the Money guide and module (003 only, so the reduced seed
        // lacks it): added from the document and published by the second user first, since a document's "developed by"
        // names published mechanisms only (decision 0041).
        var committee = await AddMechanismAsync(page, reviewer, sourceSlug, JourneyFixture.ThirdMeeting, SeedRecord("mechanisms.json", DraftingCommittee));
        entered[DraftingCommittee] = committee;
        foreach (var document in ThirdOutcomeDocuments)
        {
            await AddOutcomeDocumentAsync(page, sourceSlug, JourneyFixture.ThirdMeeting, SeedRecord("outcome-documents.json", document), entered);
        }

        return new Entered(JourneyFixture.ThirdMeeting, sourceSlug, fileName, meetingSlug, statementSlug, ThirdMeeting, ThirdStatement, seedSource["slug"]!.GetValue<string>())
        {
            // Paragraph 6 runs over the PDF's first page break.
            Search = "Regional Roadmap website",
            WorkPlans = [ThirdWorkPlan],
            OutcomeDocuments = ThirdOutcomeDocuments,
            Mechanisms = new Dictionary<string, string>(StringComparer.Ordinal) { [committee] = DraftingCommittee },
        };
    }

    /// <summary>Adds a new mechanism as the seed gives it (name, kind, places) and has the reviewer publish it; returns the slug the portal gave it.</summary>
    private static async Task<string> AddMechanismAsync(IPage page, IPage reviewer, string sourceSlug, string document, JsonNode seed)
    {
        await page.GotoAsync(PortalRoutes.StaffSource(sourceSlug));
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a mechanism, or members of one, from this document" }).ClickAsync();
        await page.Locator("#mechanism-name").FillAsync(seed["name"]!.GetValue<string>());
        await page.Locator("#mechanism-kind").SelectOptionAsync(seed["kind"]!.GetValue<string>());
        await page.Locator("#mechanism-locations").FillAsync(string.Join("\n", seed["sources"]!.AsArray().Select(s => Place(s!, document))));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a draft" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("done=added", StringComparison.Ordinal), PlaywrightDefaults.Parsed());
        var staffPage = new Uri(page.Url).AbsolutePath;

        // A mechanism is published once the document it cites is (decision 0034), so the reviewer publishes that first.
        await reviewer.GotoAsync(PortalRoutes.StaffSource(sourceSlug));
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await reviewer.WaitForURLAsync(u => u.Contains("done=published", StringComparison.Ordinal), PlaywrightDefaults.Parsed());
        await reviewer.GotoAsync(staffPage);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await reviewer.WaitForURLAsync(u => u.Contains("done=published", StringComparison.Ordinal), PlaywrightDefaults.Parsed());
        return Uri.UnescapeDataString(staffPage[(staffPage.LastIndexOf('/') + 1)..]);
    }

    /// <summary>
    /// Adds the work plan the document sets out: its facts as the seed's curator read them, its items copied from the
    /// document's text the form shows (from the line after "including:" to the paragraph after them, the page break's
    /// form feed, which is no part of an item, left out), and each item's place, status and themes as the seed gives them.
    /// </summary>
    private static async Task AddWorkPlanAsync(IPage page, string sourceSlug, string document, JsonNode seed, Dictionary<string, string> entered)
    {
        await page.GotoAsync(PortalRoutes.StaffSource(sourceSlug));
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a work plan this document sets out" }).ClickAsync();
        var shown = await page.Locator("pre.source-text").TextContentAsync() ?? "";
        var from = shown.IndexOf('\n', shown.IndexOf("2017 -19, including:", StringComparison.Ordinal)) + 1;
        var itemsText = shown[from..shown.IndexOf("The Co-Chairs noted", StringComparison.Ordinal)].Replace("\f", "", StringComparison.Ordinal).Trim();
        var items = seed["items"]!.AsArray();
        var firstPlace = items[0]!["source"]!["location"]!.GetValue<string>();

        await page.Locator("#plan-title").FillAsync(seed["title"]!.GetValue<string>());
        await page.Locator("#plan-slug").FillAsync(seed["slug"]!.GetValue<string>());
        await page.Locator("#plan-period").FillAsync(seed["period"]!.GetValue<string>());
        await page.Locator("#plan-mechanism").SelectOptionAsync(seed["mechanism"]!.GetValue<string>());
        await page.Locator("#plan-adopted").SelectOptionAsync(EnteredSlug(seed["adoptedAtMeeting"], entered));
        await page.Locator("#plan-updated").SelectOptionAsync(EnteredSlug(seed["updatedAtMeeting"], entered));
        await page.Locator("#plan-locations").FillAsync(Place(seed["source"]!, document));
        await page.Locator("#plan-status").SelectOptionAsync(items[0]!["status"]!.GetValue<string>());
        await page.Locator("#plan-items").FillAsync(itemsText);
        await page.Locator("#plan-items-location").FillAsync(firstPlace[..firstPlace.IndexOf(", bullet", StringComparison.Ordinal)]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();

        await Assertions.Expect(page.Locator("#items")).ToHaveTextAsync($"The items: {items.Count}");
        foreach (var (item, i) in items.Select((x, i) => (x!, i)))
        {
            await SetAsync(page.Locator($"#item-location-{i}"), Place(item["source"]!, document));
            if (item["status"]!.GetValue<string>() != items[0]!["status"]!.GetValue<string>())
            {
                await page.Locator($"#item-status-{i}").SelectOptionAsync(item["status"]!.GetValue<string>());
            }

            await page.Locator($"#item-status-text-{i}").FillAsync(item["statusText"]?.GetValue<string>() ?? "");
            await page.Locator($"#item-themes-{i}").SelectOptionAsync(item["themes"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray());
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a draft" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/staff/work-plans/", StringComparison.Ordinal) && url.Contains("done=added", StringComparison.Ordinal), PlaywrightDefaults.Parsed());
    }

    /// <summary>
    /// Adds an outcome document the document names: kind, title (the portal's words where the seed's are), address, action,
    /// date, meetings and statement paragraphs, places and quotes as the seed's curator gave them; a quote or place from
    /// another source document is cited by its file name, as the form says.
    /// </summary>
    private static async Task AddOutcomeDocumentAsync(IPage page, string sourceSlug, string document, JsonNode seed, Dictionary<string, string> entered)
    {
        await page.GotoAsync(PortalRoutes.StaffSource(sourceSlug));
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an outcome document from this document" }).ClickAsync();
        await page.Locator("#doc-kind").SelectOptionAsync(seed["kind"]!.GetValue<string>());
        await page.Locator("#doc-title").FillAsync(seed["title"]!.GetValue<string>());
        if (seed["titleAddedByPortal"]?.GetValue<bool>() == true)
        {
            await page.Locator("input[name='Input.TitleAddedByPortal']").CheckAsync();
        }

        await page.Locator("#doc-slug").FillAsync(seed["slug"]!.GetValue<string>());
        await page.Locator("#doc-action").SelectOptionAsync(seed["action"]?.GetValue<string>() ?? "");
        await page.Locator("#doc-date").FillAsync(seed["date"]?.GetValue<string>() ?? "");
        await page.Locator("#doc-meeting").SelectOptionAsync(EnteredSlug(seed["meeting"], entered));
        await page.Locator("#doc-mentioned-at").SelectOptionAsync(seed["mentionedAtMeetings"]!.AsArray().Select(m => EnteredSlug(m, entered)).ToArray());
        await page.Locator("#doc-mentioned-in").FillAsync(string.Join("\n", seed["mentionedIn"]!.AsArray()
            .Select(m => $"{EnteredSlug(m!["statement"], entered)}/{m["label"]}")));
        await page.Locator("#doc-locations").FillAsync(string.Join("\n", seed["sources"]!.AsArray().Select(s => Place(s!, document))));
        foreach (var (quote, i) in seed["quotes"]!.AsArray().Select((q, i) => (q!, i)))
        {
            await page.Locator($"#quote-{i}").FillAsync(quote["text"]!.GetValue<string>());
            await page.Locator($"#quote-location-{i}").FillAsync(Place(quote["source"]!, document));
        }

        // Who developed it (decision 0041): the words, the participant or mechanism they name, the place.
        foreach (var (developer, i) in (seed["developedBy"]?.AsArray() ?? new JsonArray()).Select((x, i) => (x!, i)))
        {
            await page.Locator($"#developer-{i}").FillAsync(developer["asWritten"]!.GetValue<string>());
            await page.Locator($"#developer-participant-{i}").SelectOptionAsync(EnteredSlug(developer["participant"], entered));
            await page.Locator($"#developer-mechanism-{i}").SelectOptionAsync(EnteredSlug(developer["mechanism"], entered));
            await page.Locator($"#developer-location-{i}").FillAsync(Place(developer["source"]!, document));
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Assertions.Expect(page.Locator("#preview")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a draft" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/staff/documents/", StringComparison.Ordinal) && url.Contains("done=added", StringComparison.Ordinal), PlaywrightDefaults.Parsed());
    }

    /// <summary>A seed slug as the form names it: this journey's record where it entered one, else the seed's own ("" for none).</summary>
    private static string EnteredSlug(JsonNode? slug, Dictionary<string, string> entered) =>
        slug?.GetValue<string>() is { } s ? entered.GetValueOrDefault(s, s) : "";

    /// <summary>Uploads the document with the title, issuing body, date and description the seed gives it; returns its slug and the file name records cite.</summary>
    private static async Task<(string Slug, string FileName)> UploadAsync(IPage page, JsonNode seedSource, FilePayload file)
    {
        await page.GotoAsync(PortalRoutes.NewSource);
        await page.GetByLabel("Title, as the document writes it").FillAsync(seedSource["title"]!.GetValue<string>());
        await page.GetByLabel("Issuing body, as the document names it").FillAsync(seedSource["publisher"]!.GetValue<string>());
        await page.Locator("#source-date").FillAsync(seedSource["date"]!.GetValue<string>());
        await page.GetByLabel("What the document is (optional)").FillAsync(seedSource["description"]!.GetValue<string>());
        await page.Locator("#source-file").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add as a draft" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("done=added", StringComparison.Ordinal), PlaywrightDefaults.Parsed());
        var slug = new Uri(page.Url).AbsolutePath.Split('/')[^1];
        var fileName = (await page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Cited as" }) }).Locator("td").InnerTextAsync()).Trim();
        return (slug, fileName);
    }

    /// <summary>
    /// Adds the meeting from the document's staff page: its facts as the seed's curator read them from the document (a
    /// fact of another document cited by that document's file name), the co-chairs and participants pasted as the document
    /// writes them, each unresolved name decided.
    /// </summary>
    private static async Task<string> AddMeetingAsync(
        IPage page, string sourceSlug, string document, JsonNode seed, string coChairs, (string Names, string Location)? attended, Dictionary<string, string> decisions)
    {
        await page.GotoAsync(PortalRoutes.StaffSource(sourceSlug));
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a meeting from this document" }).ClickAsync();
        await page.Locator("#meeting-kind").SelectOptionAsync(seed["kind"]!.GetValue<string>());
        await page.Locator("#meeting-title").FillAsync(seed["title"]!.GetValue<string>());
        await page.Locator("#meeting-ordinal").FillAsync(seed["ordinal"]?.ToString() ?? "");
        await page.Locator("#meeting-start").FillAsync(seed["start"]!.GetValue<string>());
        await page.Locator("#meeting-end").FillAsync(seed["end"]?.GetValue<string>() ?? "");
        await page.Locator("#meeting-place").FillAsync(seed["place"]?.GetValue<string>() ?? "");
        await page.Locator("#meeting-mechanism").SelectOptionAsync(seed["mechanism"]!.GetValue<string>());
        await page.Locator("#meeting-summary").FillAsync(seed["summary"]!.GetValue<string>());
        await page.Locator("#meeting-locations").FillAsync(string.Join("\n", seed["sources"]!.AsArray().Select(s => Place(s!, document))));
        foreach (var (count, i) in seed["participantsReported"]!.AsArray().Select((c, i) => (c!, i)))
        {
            await page.Locator($"input[name=count-{i}]").FillAsync(count["count"]!.ToString());
            await page.Locator($"input[name=qualifier-{i}]").FillAsync(count["qualifier"]?.GetValue<string>() ?? "");
            await page.Locator($"input[name=counted-{i}]").FillAsync(count["description"]!.GetValue<string>());
            await page.Locator($"input[name=count-location-{i}]").FillAsync(Place(count["source"]!, document));
        }

        var coChairRow = seed["attendance"]!.AsArray().First(a => a!["role"]!.GetValue<string>() == "CoChair")!;
        await page.Locator("#list-cochair").FillAsync(coChairs);
        await page.Locator("#list-cochair-location").FillAsync(coChairRow["source"]!["location"]!.GetValue<string>());
        if (attended is { } list)
        {
            await page.Locator("#list-attended").FillAsync(list.Names);
            await page.Locator("#list-attended-location").FillAsync(list.Location);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Assertions.Expect(page.Locator("#names")).ToContainTextAsync($"{decisions.Count} not resolved");
        foreach (var (name, participant) in decisions)
        {
            var row = page.Locator("table.meeting-names tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = name, Exact = true }) });
            await row.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = participant });
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a draft" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/staff/meetings/", StringComparison.Ordinal) && url.Contains("done=added", StringComparison.Ordinal), PlaywrightDefaults.Parsed());
        return new Uri(page.Url).AbsolutePath.Split('/')[^1];
    }

    /// <summary>
    /// Adds the statement: pastes (or keeps) the text, shows the split, gives each paragraph the label, section and place
    /// the seed's curator gave it where the split's differ, ticks the seed's themes (from the suggestions, else from "Other
    /// themes"), and saves it as a draft.
    /// </summary>
    private static async Task<string> AddStatementAsync(IPage page, string sourceSlug, string meetingSlug, JsonNode seed, string text, bool onFormAlready = false)
    {
        if (!onFormAlready)
        {
            await page.GotoAsync(PortalRoutes.StaffSource(sourceSlug));
            await page.GetByRole(AriaRole.Link, new() { Name = "Add a statement from this document" }).ClickAsync();
        }

        await page.Locator("#statement-meeting").SelectOptionAsync(meetingSlug);
        await page.Locator("#statement-kind").SelectOptionAsync(seed["kind"]!.GetValue<string>());
        await page.Locator("#statement-title").FillAsync(seed["title"]!.GetValue<string>());
        await page.Locator("#statement-date").FillAsync(seed["date"]?.GetValue<string>() ?? "");
        await page.Locator("#statement-text").FillAsync(text);
        await page.Locator("#statement-location").FillAsync(seed["source"]!["location"]!.GetValue<string>());
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the split" }).ClickAsync();

        var paragraphs = seed["paragraphs"]!.AsArray();
        await Assertions.Expect(page.Locator("#split")).ToHaveTextAsync($"The split: {paragraphs.Count} paragraphs");
        foreach (var (p, i) in paragraphs.Select((p, i) => (p!, i)))
        {
            var splitLabel = await page.Locator($"#label-{i}").InputValueAsync();
            await SetAsync(page.Locator($"#label-{i}"), p["label"]!.GetValue<string>());
            await SetAsync(page.Locator($"#section-{i}"), p["section"]?.GetValue<string>() ?? "");
            await SetAsync(page.Locator($"#location-{i}"), p["location"]!.GetValue<string>());
            foreach (var theme in p["themes"]!.AsArray().Select(t => t!.GetValue<string>()))
            {
                var box = page.Locator($"input[name=theme][value='{splitLabel}|{theme}']");
                if (!await box.IsVisibleAsync())
                {
                    await box.Locator("xpath=ancestor::details").Locator("summary").ClickAsync();
                }

                await box.CheckAsync();
            }
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a draft" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/staff/statements/", StringComparison.Ordinal) && url.Contains("done=added", StringComparison.Ordinal), PlaywrightDefaults.Parsed());
        return new Uri(page.Url).AbsolutePath.Split('/')[^1];
    }

    /// <summary>Changes a field only where the person's value differs from what the portal filled in.</summary>
    private static async Task SetAsync(ILocator field, string value)
    {
        if (await field.InputValueAsync() != value)
        {
            await field.FillAsync(value);
        }
    }

    /// <summary>The second user publishes the document, the meeting, the statement, then any work plan and outcome documents, each from its staff page.</summary>
    private static async Task PublishAsync(IPage page, Entered entered)
    {
        string[] pages =
        [
            .. entered.Mechanisms.Count == 0 ? new[] { PortalRoutes.StaffSource(entered.SourceSlug) } : [], // else published with its mechanism
            PortalRoutes.StaffMeeting(entered.MeetingSlug), PortalRoutes.StaffStatement(entered.StatementSlug),
            .. entered.WorkPlans.Select(p => PortalRoutes.StaffDraftWorkPlan(p)), .. entered.OutcomeDocuments.Select(d => PortalRoutes.StaffOutcomeDocument(d)),
        ];
        foreach (var url in pages)
        {
            await page.GotoAsync(url);
            await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
            await page.WaitForURLAsync(u => u.Contains("done=published", StringComparison.Ordinal), PlaywrightDefaults.Parsed());
        }
    }

    /// <summary>A place as the meeting form takes it: in this document, or another's by its file name first.</summary>
    private static string Place(JsonNode source, string document) =>
        source["document"]!.GetValue<string>() == document ? source["location"]!.GetValue<string>() : $"{source["document"]}: {source["location"]}";

    private static JsonNode SeedSource(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.SeedDirectory, "sources.json")))!.AsArray().First(s => s!["file"]!.GetValue<string>() == file)!;

    private static JsonNode SeedMeeting(string slug) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.SeedDirectory, "meetings.json")))!.AsArray().First(m => m!["slug"]!.GetValue<string>() == slug)!;

    private static JsonNode SeedRecord(string file, string slug) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.SeedDirectory, file)))!.AsArray().First(r => r!["slug"]!.GetValue<string>() == slug)!;

    private static JsonNode SeedStatement(string slug) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.SeedDirectory, "statements", slug + ".json")))!;

    // ---- Comparison --------------------------------------------------------------------------------------------------

    private delegate string Normaliser(string body, bool fromStaff, Entered[] entered);

    private async Task CompareAsync(List<string> differences, HttpClient staff, HttpClient seed, string staffUrl, string seedUrl, Entered[] all, Normaliser normalise)
    {
        var a = await staff.GetAsync(new Uri(staffUrl, UriKind.Relative));
        var b = await seed.GetAsync(new Uri(seedUrl, UriKind.Relative));
        if (a.StatusCode != b.StatusCode)
        {
            differences.Add($"{staffUrl}: {(int)a.StatusCode}, on the full seed {(int)b.StatusCode}");
            return;
        }

        var left = normalise(await a.Content.ReadAsStringAsync(), fromStaff: true, all);
        var right = normalise(await b.Content.ReadAsStringAsync(), fromStaff: false, all);
        if (left != right)
        {
            var (l, r) = FirstDifference(left, right);
            differences.Add($"{staffUrl} / {seedUrl}:\n  entered:   {l}\n  full seed: {r}");
        }

        output.WriteLine($"{staffUrl}: compared ({left.Length} characters)");
    }

    /// <summary>
    /// A page's main content, with what honestly differs made equal (decision 0036 lists and justifies each): the entered
    /// records' slugs and document file name are the seed's; disagreements, and links to records the journey does not
    /// enter again, are left out.
    /// </summary>
    private static string Page(string html, bool fromStaff, Entered[] entered)
    {
        var document = Parser.ParseDocument(html);
        var main = document.QuerySelector("main") ?? throw new InvalidOperationException("a page without <main>");
        foreach (var note in main.QuerySelectorAll(".disagreement").ToList())
        {
            note.Remove();
        }

        // A person's line, or an outcome document in a list, that links to a record the journey does not enter again.
        var notEntered = entered.SelectMany(e => e.NotEntered).ToHashSet(StringComparer.Ordinal);
        foreach (var item in main.QuerySelectorAll("ul.people > li, ul.outcome-documents > li").Where(li => Links(li).Any(notEntered.Contains)).ToList())
        {
            item.Remove();
        }

        foreach (var list in main.QuerySelectorAll("ul.people, ul.outcome-documents").Where(l => l.Children.Length == 0).ToList())
        {
            list.PreviousElementSibling?.Remove();
            list.Remove();
        }

        // A statement paragraph's "Outcome documents:" with the links to such records left out (and gone when none is left).
        foreach (var documents in main.QuerySelectorAll("p.paragraph-documents").ToList())
        {
            var kept = documents.QuerySelectorAll("a").Where(a => !notEntered.Contains(a.GetAttribute("href") ?? "")).Select(a => a.OuterHtml).ToList();
            if (kept.Count == 0)
            {
                documents.Remove();
            }
            else
            {
                documents.InnerHtml = "Outcome documents: " + string.Join("; ", kept);
            }
        }

        return Lines(Names(main.InnerHtml, fromStaff, entered));
    }

    private static IEnumerable<string> Links(AngleSharp.Dom.IElement element) =>
        element.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "");

    private static string Json(string json, bool fromStaff, Entered[] entered)
    {
        var node = JsonNode.Parse(Names(json, fromStaff, entered))!;

        // The seed says isVirtual: false for the meetings; neither document states it, so the person leaves "Not stated"
        // (null). Pages show the same either way (decision 0036).
        if (node is JsonObject meeting && meeting.ContainsKey("isVirtual"))
        {
            meeting.Remove("isVirtual");
        }

        // When an entry of a work-plan item's history was recorded: the seed's when the seed was loaded, the entered one's
        // when the person saved the plan (decision 0036).
        foreach (var entry in Descendants(node).OfType<JsonObject>().Where(o => o.ContainsKey("changedAt")).ToList())
        {
            entry.Remove("changedAt");
        }

        return node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node) =>
        node switch
        {
            JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants).Prepend(node),
            JsonArray a => a.OfType<JsonNode>().SelectMany(Descendants).Prepend(node),
            _ => [node],
        };

    /// <summary>The staff records' slugs and the staff document's names replaced by the seed's.</summary>
    private static string Names(string text, bool fromStaff, Entered[] entered)
    {
        if (!fromStaff)
        {
            return text;
        }

        // The journey's portal listens on a real port; the full-seed portal is the in-memory one at http://localhost.
        text = LoopbackOrigin().Replace(text, "http://localhost");

        foreach (var e in entered)
        {
            text = text.Replace(e.StatementSlug, e.SeedStatement, StringComparison.Ordinal)
                .Replace(e.MeetingSlug, e.SeedMeeting, StringComparison.Ordinal)
                .Replace(e.FileName, e.Document, StringComparison.Ordinal)
                .Replace(e.SourceSlug, e.SeedSource, StringComparison.Ordinal);

            // A mechanism the journey added, by its page's address and as a JSON value (its slug is the portal's, from its name).
            foreach (var (mechanism, seedSlug) in e.Mechanisms)
            {
                text = text.Replace($"{PortalRoutes.WorkingGroup(mechanism)}\"", $"{PortalRoutes.WorkingGroup(seedSlug)}\"", StringComparison.Ordinal)
                    .Replace($"\"{mechanism}\"", $"\"{seedSlug}\"", StringComparison.Ordinal);
            }
        }

        return text;
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex LoopbackOrigin();

    /// <summary>One tag a line, so a difference names its place.</summary>
    private static string Lines(string html) => string.Join("\n", html.Split('>').Select(l => Regex.Replace(l, @"\s+", " ").Trim()));

    private static (string Left, string Right) FirstDifference(string left, string right)
    {
        var a = left.Split('\n');
        var b = right.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "(end)";
            var y = i < b.Length ? b[i] : "(end)";
            if (x != y)
            {
                return ($"line {i + 1}: {x}", $"line {i + 1}: {y}");
            }
        }

        return ("", "");
    }
}
