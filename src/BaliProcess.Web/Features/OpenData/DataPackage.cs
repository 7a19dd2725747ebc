using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components.Shared;
using BaliProcess.Web.Infrastructure.Caching;
using LinqKit;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.OpenData;

/// <summary>The whole record as one zip, and the data version it was built from.</summary>
public sealed record DataPackageFile(byte[] Zip, string Version);

/// <summary>
/// A Frictionless Data Package (datapackage.json and one CSV per table, with field types, primary keys and
/// foreign keys) of every record. Built once per record generation and kept in the <see cref="RecordCache"/>, so
/// a request costs no query until the record changes. Its version is a digest of the package's own tables (the CSV
/// files), so it moves only when what the package holds changes: a draft saved, or a correction still in review,
/// moves the record generation (the package is rebuilt) but not the version, and the same data carries the same
/// version on every instance and after a restore from an export.
/// </summary>
public sealed class DataPackageBuilder(IDbContextFactory<BaliProcessDbContext> dbFactory, RecordCache records, TimeProvider time)
{
    public const string DatePattern = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$";

    public Task<DataPackageFile> GetAsync(CancellationToken ct) => records.GetOrLoadAsync(null, BuildAsync, ct);

    private async Task<DataPackageFile> BuildAsync(CancellationToken ct)
    {
        var tables = await ReadTablesAsync(ct);
        var csvs = tables.Select(t => (t.Name, Bytes: CsvExport.Write(new CsvTable([.. t.Fields.Select(f => f.Name)], t.Rows), byteOrderMark: false))).ToList();

        // The version is what the package holds, not the database's row versions (xmin), which every saved draft and
        // every instance's own database moves: a published change moves it, nothing else does.
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in csvs)
        {
            digest.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            digest.AppendData(bytes);
        }

        var version = Convert.ToHexStringLower(digest.GetHashAndReset()[..12]);
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var descriptor = Descriptor(tables, version, time.GetUtcNow());
            await using (var entry = zip.CreateEntry("datapackage.json", CompressionLevel.Optimal).Open())
            {
                await JsonSerializer.SerializeAsync(entry, descriptor, Indented, ct);
            }

            foreach (var (name, bytes) in csvs)
            {
                await using var entry = zip.CreateEntry($"data/{name}.csv", CompressionLevel.Optimal).Open();
                await entry.WriteAsync(bytes, ct);
            }
        }

        return new DataPackageFile(stream.ToArray(), version);
    }

    private static JsonObject Descriptor(IReadOnlyList<PackageTable> tables, string version, DateTimeOffset now) => new()
    {
        ["profile"] = "tabular-data-package",
        ["name"] = "bali-process-knowledge-portal",
        ["title"] = "Bali Process Knowledge Portal: the whole record",
        ["description"] = "Members, observers, meetings, working groups, work plans, statements, themes, outcome documents, people, programmes and timeline events of the Bali Process, drawn from five source documents. Dates are text at the precision the documents give (YYYY, YYYY-MM or YYYY-MM-DD); each record names its sources (document and place) as a JSON array.",
        ["version"] = version,
        ["created"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["licenses"] = new JsonArray(new JsonObject { ["name"] = "other-open", ["title"] = "Public information drawn from the Bali Process documents; cite the source documents." }),
        ["resources"] = new JsonArray([.. tables.Select(t => (JsonNode)new JsonObject
        {
            ["name"] = t.Name,
            ["path"] = $"data/{t.Name}.csv",
            ["profile"] = "tabular-data-resource",
            ["format"] = "csv",
            ["mediatype"] = "text/csv",
            // IANA's "utf-8" (the specification's word), and no byte-order mark in the files: "utf-8-sig" is
            // a Python codec name that other readers (datapackage-js) refuse. The list downloads keep their mark
            // for spreadsheets; these files are for programs.
            ["encoding"] = "utf-8",
            ["dialect"] = new JsonObject
            {
                ["delimiter"] = ",", ["lineTerminator"] = "\r\n", ["quoteChar"] = "\"", ["doubleQuote"] = true, ["header"] = true,
            },
            ["description"] = t.Description,
            ["schema"] = t.Schema(),
        })]),
    };

    private async Task<IReadOnlyList<PackageTable>> ReadTablesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tables = new List<PackageTable>();

        var sources = await db.SourceDocuments.AsNoTracking().OrderBy(d => d.FileName).ToListAsync(ct);
        tables.Add(new PackageTable("sources", "The five source documents.",
            [F("slug", "string", "Permanent slug."), F("fileName", "string", "The file name records cite."), F("title", "string"), F("publisher", "string"), D("published"), F("description", "string")],
            ["slug"], [], [.. sources.Select(d => Row(d.Slug, d.FileName, d.Title, d.Publisher, d.Published?.ToIsoString(), d.Description))]));

        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Slug).Select(t => new { t.Slug, t.Name, t.Description, t.AdelaideArea, Parent = t.Parent != null ? t.Parent.Slug : null }).ToListAsync(ct);
        tables.Add(new PackageTable("themes", "The theme taxonomy.",
            [F("slug", "string"), F("name", "string"), F("description", "string"), F("adelaideArea", "integer", "1–8 for the Adelaide Strategy's areas of cooperation."), F("parent", "string", "The parent theme's slug.")],
            ["slug"], [Fk(["parent"], "", ["slug"])], [.. themes.Select(t => Row(t.Slug, t.Name, t.Description, Int(t.AdelaideArea), t.Parent))]));

        var participants = await db.Participants.AsNoTracking().OrderBy(p => p.Slug)
            .Select(p => new { p.Slug, p.Name, p.FullName, p.Kind, p.Region, p.Aliases, p.Sources, Status = ParticipantStatus.Current.Invoke(p) }).ToListAsync(ct);
        tables.Add(new PackageTable("participants", "Members, observers and other bodies; names as the documents write them.",
            [F("slug", "string"), F("name", "string"), F("fullName", "string"), E<ParticipantKind>("kind", Labels.Of), F("region", "string"), F("currentStatus", "string", "Member, Observer, or empty for other bodies."), A("aliases", "Other spellings the documents use."), Src()],
            ["slug"], [], [.. participants.Select(p => Row(p.Slug, p.Name, p.FullName, Labels.Of(p.Kind), p.Region, p.Status?.ToString(), Json(p.Aliases), Json(p.Sources)))]));

        var memberships = await db.Memberships.AsNoTracking().OrderBy(m => m.Participant!.Slug).ThenBy(m => m.Id)
            .Select(m => new { m.Participant!.Slug, m.Status, m.SinceDate, m.SincePrecision, m.Sources }).ToListAsync(ct);
        tables.Add(new PackageTable("memberships", "Each participant's membership history.",
            [F("participant", "string"), F("sequence", "integer", "Order within the participant."), F("status", "string"), D("since"), Src()],
            ["participant", "sequence"], [Fk(["participant"], "participants", ["slug"])],
            [.. memberships.GroupBy(m => m.Slug).SelectMany(g => g.Select((m, i) => Row(m.Slug, Int(i + 1), m.Status.ToString(), Date(m.SinceDate, m.SincePrecision), Json(m.Sources))))]));

        var mechanisms = await db.Mechanisms.AsNoTracking().OrderBy(m => m.Slug)
            .Select(m => new { m.Slug, m.Name, m.ShortName, m.Kind, m.Status, m.EstablishedDate, m.EstablishedPrecision, EstablishedBy = m.EstablishedByMeeting != null ? m.EstablishedByMeeting.Slug : null, m.Mandate, m.Aliases, m.CoChairPeople, m.Sources })
            .ToListAsync(ct);
        tables.Add(new PackageTable("mechanisms", "Working groups and other mechanisms.",
            [F("slug", "string"), F("name", "string"), F("shortName", "string"), E<MechanismKind>("kind", Labels.Of), F("status", "string", "Active or Concluded."), D("established"), F("establishedByMeeting", "string"), F("mandate", "string"), A("aliases"), A("coChairPeople", "Named people who co-chaired, as written."), Src()],
            ["slug"], [Fk(["establishedByMeeting"], "meetings", ["slug"])],
            [.. mechanisms.Select(m => Row(m.Slug, m.Name, m.ShortName, Labels.Of(m.Kind), m.Status.ToString(), Date(m.EstablishedDate, m.EstablishedPrecision), m.EstablishedBy, m.Mandate, Json(m.Aliases), Json(m.CoChairPeople), Json(m.Sources)))]));

        // The CoChair rows of mechanism_memberships, kept as their own table for those who read it before the
        // co-chairs were modelled once (docs/decisions/0019).
        var coChairs = await db.MechanismMemberships.AsNoTracking().Where(c => c.Role == MechanismRole.CoChair && c.MechanismId != null)
            .OrderBy(c => c.Mechanism!.Slug).ThenBy(c => c.FromDate).ThenBy(c => c.Participant!.Slug)
            .Select(c => new { Mechanism = c.Mechanism!.Slug, Participant = c.Participant!.Slug, c.FromDate, c.FromPrecision, c.ToDate, c.ToPrecision, c.Sources }).ToListAsync(ct);
        tables.Add(new PackageTable("mechanism_co_chairs", "Who co-chaired (or led) each mechanism, over which period.",
            [F("mechanism", "string"), F("participant", "string"), D("from"), D("to"), Src()],
            [], [Fk(["mechanism"], "mechanisms", ["slug"]), Fk(["participant"], "participants", ["slug"])],
            [.. coChairs.Select(c => Row(c.Mechanism, c.Participant, Date(c.FromDate, c.FromPrecision), Date(c.ToDate, c.ToPrecision), Json(c.Sources)))]));

        var meetings = await db.Meetings.AsNoTracking().OrderBy(m => m.StartDate).ThenBy(m => m.Slug)
            .Select(m => new { m.Slug, m.Kind, m.Ordinal, m.Title, m.StartDate, m.StartPrecision, m.EndDate, m.EndPrecision, m.Place, m.IsVirtual, Mechanism = m.Mechanism != null ? m.Mechanism.Slug : null, m.Summary, m.CoChairPeople, m.ParticipantsReported, m.Sources })
            .ToListAsync(ct);
        tables.Add(new PackageTable("meetings", "Meetings, conferences, workshops, forums, symposia and dated events.",
            [F("slug", "string"), E<MeetingKind>("kind", Labels.Of), F("ordinal", "integer"), F("title", "string"), D("start"), D("end"), F("place", "string"), F("isVirtual", "boolean"), F("mechanism", "string"), F("summary", "string"), A("coChairPeople"), A("participantsReported", "Participant numbers as reported: count, description, source."), Src()],
            ["slug"], [Fk(["mechanism"], "mechanisms", ["slug"])],
            [.. meetings.Select(m => Row(m.Slug, Labels.Of(m.Kind), Int(m.Ordinal), m.Title, Date(m.StartDate, m.StartPrecision), Date(m.EndDate, m.EndPrecision), m.Place, Bool(m.IsVirtual), m.Mechanism, m.Summary, Json(m.CoChairPeople), Json(m.ParticipantsReported), Json(m.Sources)))]));

        var attendance = await db.MeetingAttendance.AsNoTracking().OrderBy(a => a.Meeting!.Slug).ThenBy(a => a.Participant!.Slug).ThenBy(a => a.Role)
            .Select(a => new { Meeting = a.Meeting!.Slug, Participant = a.Participant!.Slug, a.Role, a.Sources }).ToListAsync(ct);
        tables.Add(new PackageTable("meeting_attendance", "Who attended each meeting, and in what role.",
            [F("meeting", "string"), F("participant", "string"), E<AttendanceRole>("role", Labels.Of), Src()],
            ["meeting", "participant", "role"], [Fk(["meeting"], "meetings", ["slug"]), Fk(["participant"], "participants", ["slug"])],
            [.. attendance.Select(a => Row(a.Meeting, a.Participant, Labels.Of(a.Role), Json(a.Sources)))]));

        var plans = await db.WorkPlans.AsNoTracking().OrderBy(w => w.Slug)
            .Select(w => new { w.Slug, w.Title, Mechanism = w.Mechanism != null ? w.Mechanism.Slug : null, w.Period, w.StartYear, w.EndYear, Adopted = w.AdoptedAtMeeting != null ? w.AdoptedAtMeeting.Slug : null, Updated = w.UpdatedAtMeeting != null ? w.UpdatedAtMeeting.Slug : null, w.Sources })
            .ToListAsync(ct);
        tables.Add(new PackageTable("work_plans", "The working groups' forward work plans.",
            [F("slug", "string"), F("title", "string"), F("mechanism", "string"), F("period", "string"), F("startYear", "integer"), F("endYear", "integer"), F("adoptedAtMeeting", "string"), F("updatedAtMeeting", "string"), Src()],
            ["slug"], [Fk(["mechanism"], "mechanisms", ["slug"]), Fk(["adoptedAtMeeting"], "meetings", ["slug"]), Fk(["updatedAtMeeting"], "meetings", ["slug"])],
            [.. plans.Select(w => Row(w.Slug, w.Title, w.Mechanism, w.Period, Int(w.StartYear), Int(w.EndYear), w.Adopted, w.Updated, Json(w.Sources)))]));

        var items = await db.ActionItems.AsNoTracking().OrderBy(i => i.WorkPlan!.Slug).ThenBy(i => i.Sequence)
            .Select(i => new { Plan = i.WorkPlan!.Slug, i.Number, i.Sequence, i.Text, i.Status, i.StatusText, i.Sources, Themes = i.Themes.OrderBy(t => t.Slug).Select(t => t.Slug).ToList() })
            .ToListAsync(ct);
        tables.Add(new PackageTable("action_items", "Work-plan action items with their current status.",
            [F("workPlan", "string"), F("number", "string"), F("sequence", "integer"), F("text", "string", "Verbatim."), E<ActionItemStatus>("status", Labels.Of), F("statusText", "string", "The status cell as the source words it."), Src()],
            ["workPlan", "number"], [Fk(["workPlan"], "work_plans", ["slug"])],
            [.. items.Select(i => Row(i.Plan, i.Number, Int(i.Sequence), i.Text, Labels.Of(i.Status), i.StatusText, Json(i.Sources)))]));
        tables.Add(new PackageTable("action_item_themes", "Themes of each action item.",
            [F("workPlan", "string"), F("number", "string"), F("theme", "string")],
            ["workPlan", "number", "theme"], [Fk(["workPlan", "number"], "action_items", ["workPlan", "number"]), Fk(["theme"], "themes", ["slug"])],
            [.. items.SelectMany(i => i.Themes.Select(t => Row(i.Plan, i.Number, t)))]));

        var changes = await db.ActionItemStatusChanges.AsNoTracking().OrderBy(c => c.ActionItem!.WorkPlan!.Slug).ThenBy(c => c.ActionItem!.Sequence).ThenBy(c => c.ChangedAt).ThenBy(c => c.Id)
            .Select(c => new { Plan = c.ActionItem!.WorkPlan!.Slug, c.ActionItem.Number, c.FromStatus, c.ToStatus, c.Note, c.EffectiveDate, c.EffectivePrecision, c.ChangedBy, c.ChangedAt, c.FromSeed, c.SourceDocument })
            .ToListAsync(ct);
        tables.Add(new PackageTable("action_item_status_changes", "Every status change of every action item, oldest first.",
            [F("workPlan", "string"), F("number", "string"), F("sequence", "integer", "Order within the item."), E<ActionItemStatus>("fromStatus", Labels.Of), E<ActionItemStatus>("toStatus", Labels.Of), F("note", "string", "What happened and why."), F("effective", "string", "When it took effect, at its precision."), F("changedBy", "string"), F("changedAt", "datetime"), F("fromSeed", "boolean", "True for the entry written from the source document."), F("sourceDocument", "string")],
            ["workPlan", "number", "sequence"], [Fk(["workPlan", "number"], "action_items", ["workPlan", "number"])],
            [.. changes.GroupBy(c => (c.Plan, c.Number)).SelectMany(g => g.Select((c, i) => Row(c.Plan, c.Number, Int(i + 1), c.FromStatus is { } from ? Labels.Of(from) : null, Labels.Of(c.ToStatus), c.Note, ApiMap.Date(new PartialDate(c.EffectiveDate, c.EffectivePrecision)), c.ChangedBy, c.ChangedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), Bool(c.FromSeed), c.SourceDocument)))]));

        var statements = await db.Statements.AsNoTracking().OrderBy(s => s.Slug)
            .Select(s => new { s.Slug, s.Kind, s.Title, Meeting = s.Meeting != null ? s.Meeting.Slug : null, s.Date, s.DatePrecision, Author = s.Author != null ? s.Author.Slug : null, s.Sources })
            .ToListAsync(ct);
        tables.Add(new PackageTable("statements", "Statements, summaries, strategy and members' perspectives.",
            [F("slug", "string"), E<StatementKind>("kind", Labels.AsTitled), F("title", "string"), F("meeting", "string"), D("date"), F("author", "string", "The member whose perspective this is."), Src()],
            ["slug"], [Fk(["meeting"], "meetings", ["slug"]), Fk(["author"], "participants", ["slug"])],
            [.. statements.Select(s => Row(s.Slug, Labels.AsTitled(s.Kind), s.Title, s.Meeting, Date(s.Date, s.DatePrecision), s.Author, Json(s.Sources)))]));

        var paragraphs = await db.Paragraphs.AsNoTracking().OrderBy(p => p.Statement!.Slug).ThenBy(p => p.Sequence)
            .Select(p => new
            {
                Statement = p.Statement!.Slug, p.Sequence, p.Label, p.Section, p.Text, p.Location, p.Year,
                Themes = p.Themes.OrderBy(t => t.Slug).Select(t => t.Slug).ToList(),
                Mentions = p.Mentions.OrderBy(m => m.Slug).Select(m => m.Slug).ToList(),
            })
            .ToListAsync(ct);
        tables.Add(new PackageTable("paragraphs", "Every statement paragraph, verbatim.",
            [F("statement", "string"), F("sequence", "integer"), F("label", "string", "The paragraph's own label, e.g. 15a."), F("section", "string"), F("text", "string", "Verbatim."), F("location", "string", "Its place in the statement's source document."), F("year", "integer")],
            ["statement", "sequence"], [Fk(["statement"], "statements", ["slug"])],
            [.. paragraphs.Select(p => Row(p.Statement, Int(p.Sequence), p.Label, p.Section, p.Text, p.Location, Int(p.Year)))]));
        tables.Add(new PackageTable("paragraph_themes", "Themes of each paragraph, chosen by a person reading it.",
            [F("statement", "string"), F("sequence", "integer"), F("theme", "string")],
            ["statement", "sequence", "theme"], [Fk(["statement", "sequence"], "paragraphs", ["statement", "sequence"]), Fk(["theme"], "themes", ["slug"])],
            [.. paragraphs.SelectMany(p => p.Themes.Select(t => Row(p.Statement, Int(p.Sequence), t)))]));
        tables.Add(new PackageTable("paragraph_mentions", "Members, observers and bodies each paragraph mentions.",
            [F("statement", "string"), F("sequence", "integer"), F("participant", "string")],
            ["statement", "sequence", "participant"], [Fk(["statement", "sequence"], "paragraphs", ["statement", "sequence"]), Fk(["participant"], "participants", ["slug"])],
            [.. paragraphs.SelectMany(p => p.Mentions.Select(m => Row(p.Statement, Int(p.Sequence), m)))]));

        var askedFor = await db.Set<ActionItemParagraphLink>().AsNoTracking()
            .OrderBy(l => l.ActionItem!.WorkPlan!.Slug).ThenBy(l => l.ActionItem!.Sequence).ThenBy(l => l.Paragraph!.Statement!.Slug).ThenBy(l => l.Paragraph!.Sequence)
            .Select(l => new { Plan = l.ActionItem!.WorkPlan!.Slug, l.ActionItem.Number, Statement = l.Paragraph!.Statement!.Slug, l.Paragraph.Sequence, l.Origin, l.LinkedBy, l.Sources })
            .ToListAsync(ct);
        tables.Add(new PackageTable("action_item_paragraphs", "The statement paragraphs that asked for each action item (\"Asked for by\").",
            [F("workPlan", "string"), F("number", "string"), F("statement", "string"), F("sequence", "integer"), F("origin", "string", "Seed (drawn from a document) or Staff."), F("linkedBy", "string"), Src()],
            ["workPlan", "number", "statement", "sequence"], [Fk(["workPlan", "number"], "action_items", ["workPlan", "number"]), Fk(["statement", "sequence"], "paragraphs", ["statement", "sequence"])],
            [.. askedFor.Select(l => Row(l.Plan, l.Number, l.Statement, Int(l.Sequence), l.Origin.ToString(), l.LinkedBy, Json(l.Sources)))]));

        var roles = await db.MechanismMemberships.AsNoTracking().OrderBy(m => m.Mechanism != null ? m.Mechanism.Slug : "").ThenBy(m => m.Participant!.Slug).ThenBy(m => m.Id)
            .Select(m => new { Mechanism = m.Mechanism != null ? m.Mechanism.Slug : null, Participant = m.Participant!.Slug, m.Role, m.AsWritten, m.FromDate, m.FromPrecision, m.ToDate, m.ToPrecision, m.Sources })
            .ToListAsync(ct);
        tables.Add(new PackageTable("mechanism_memberships", "Roles of participants in mechanisms (empty mechanism: the Bali Process as a whole), in the document's words.",
            [F("mechanism", "string"), F("participant", "string"), E<MechanismRole>("role", Labels.Of), F("asWritten", "string"), D("from"), D("to"), Src()],
            [], [Fk(["mechanism"], "mechanisms", ["slug"]), Fk(["participant"], "participants", ["slug"])],
            [.. roles.Select(m => Row(m.Mechanism, m.Participant, Labels.Of(m.Role), m.AsWritten, Date(m.FromDate, m.FromPrecision), Date(m.ToDate, m.ToPrecision), Json(m.Sources)))]));

        var relations = await db.MechanismRelations.AsNoTracking().OrderBy(r => r.FromMechanism!.Slug).ThenBy(r => r.ToMechanism!.Slug).ThenBy(r => r.Kind)
            .Select(r => new { From = r.FromMechanism!.Slug, To = r.ToMechanism!.Slug, r.Kind, r.AsWritten, r.Sources }).ToListAsync(ct);
        tables.Add(new PackageTable("mechanism_relations", "How mechanisms relate (led by, supports, became part of...), in the document's words.",
            [F("fromMechanism", "string"), F("toMechanism", "string"), E<MechanismRelationKind>("kind", k => Labels.Of(k, outgoing: true), "How the first mechanism relates to the second."), F("asWritten", "string"), Src()],
            [], [Fk(["fromMechanism"], "mechanisms", ["slug"]), Fk(["toMechanism"], "mechanisms", ["slug"])],
            [.. relations.Select(r => Row(r.From, r.To, Labels.Of(r.Kind, outgoing: true), r.AsWritten, Json(r.Sources)))]));

        var outcomes = await db.OutcomeDocuments.AsNoTracking().OrderBy(d => d.Slug)
            .Select(d => new { d.Slug, d.Kind, d.Title, Meeting = d.Meeting != null ? d.Meeting.Slug : null, d.Action, d.Date, d.DatePrecision, d.Quotes, d.Sources, Mentioned = d.MentionedAtMeetings.OrderBy(m => m.Slug).Select(m => m.Slug).ToList() })
            .ToListAsync(ct);
        tables.Add(new PackageTable("outcome_documents", "Declarations, strategies, frameworks and other outcome documents the record names.",
            [F("slug", "string"), E<OutcomeDocumentKind>("kind", Labels.Of), F("title", "string"), F("meeting", "string", "The meeting that adopted, endorsed or produced it."), E<OutcomeAction>("action", Labels.Of, "What the meeting did with it."), D("date"), A("quotes", "The documents' own words about it."), Src()],
            ["slug"], [Fk(["meeting"], "meetings", ["slug"])],
            [.. outcomes.Select(d => Row(d.Slug, Labels.Of(d.Kind), d.Title, d.Meeting, d.Action is { } action ? Labels.Of(action) : null, Date(d.Date, d.DatePrecision), Json(d.Quotes), Json(d.Sources)))]));
        tables.Add(new PackageTable("outcome_document_meetings", "Meetings at which an outcome document is mentioned.",
            [F("outcomeDocument", "string"), F("meeting", "string")],
            ["outcomeDocument", "meeting"], [Fk(["outcomeDocument"], "outcome_documents", ["slug"]), Fk(["meeting"], "meetings", ["slug"])],
            [.. outcomes.SelectMany(d => d.Mentioned.Select(m => Row(d.Slug, m)))]));

        // Decision 0041: who developed or produced an outcome document, in a document's words.
        var developers = await db.OutcomeDocumentDevelopers.AsNoTracking().OrderBy(x => x.OutcomeDocument!.Slug).ThenBy(x => x.Id)
            .Select(x => new { Document = x.OutcomeDocument!.Slug, x.AsWritten, Participant = x.Participant != null ? x.Participant.Slug : null, Mechanism = x.Mechanism != null ? x.Mechanism.Slug : null, x.Sources })
            .ToListAsync(ct);
        tables.Add(new PackageTable("outcome_document_developers", "Who developed or produced an outcome document, where a document says so, in its words; the participant or mechanism only where the words name one.",
            [F("outcomeDocument", "string"), F("asWritten", "string"), F("participant", "string"), F("mechanism", "string"), Src()],
            ["outcomeDocument", "asWritten"], [Fk(["outcomeDocument"], "outcome_documents", ["slug"]), Fk(["participant"], "participants", ["slug"]), Fk(["mechanism"], "mechanisms", ["slug"])],
            [.. developers.Select(x => Row(x.Document, x.AsWritten, x.Participant, x.Mechanism, Json(x.Sources)))]));

        var people = await db.People.AsNoTracking().OrderBy(p => p.Slug).Select(p => new { p.Slug, p.Name, p.Sources }).ToListAsync(ct);
        tables.Add(new PackageTable("people", "People the documents name (co-chairs, speakers, officials), as written.",
            [F("slug", "string"), F("name", "string"), Src()],
            ["slug"], [], [.. people.Select(p => Row(p.Slug, p.Name, Json(p.Sources)))]));
        var personRoles = await db.PersonRoles.AsNoTracking().OrderBy(r => r.Person!.Slug).ThenBy(r => r.Date).ThenBy(r => r.Id)
            .Select(r => new { Person = r.Person!.Slug, r.Kind, r.AsWritten, r.Office, Participant = r.Participant != null ? r.Participant.Slug : null, Meeting = r.Meeting != null ? r.Meeting.Slug : null, Mechanism = r.Mechanism != null ? r.Mechanism.Slug : null, r.Date, r.DatePrecision, r.Sources })
            .ToListAsync(ct);
        tables.Add(new PackageTable("person_roles", "Each role a person held, in the document's words.",
            [F("person", "string"), E<PersonRoleKind>("kind", Labels.Of), F("asWritten", "string"), F("office", "string"), F("participant", "string"), F("meeting", "string"), F("mechanism", "string"), D("date"), Src()],
            [], [Fk(["person"], "people", ["slug"]), Fk(["participant"], "participants", ["slug"]), Fk(["meeting"], "meetings", ["slug"]), Fk(["mechanism"], "mechanisms", ["slug"])],
            [.. personRoles.Select(r => Row(r.Person, Labels.Of(r.Kind), r.AsWritten, r.Office, r.Participant, r.Meeting, r.Mechanism, Date(r.Date, r.DatePrecision), Json(r.Sources)))]));

        // Decision 0032: programmes, courses, joint periods of action, members' national plans and bodies.
        var programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.Slug)
            .Select(p => new { p.Slug, p.Name, p.NameAddedByPortal, p.Kind, Mechanism = p.Mechanism != null ? p.Mechanism.Slug : null, Participant = p.Participant != null ? p.Participant.Slug : null, p.StartDate, p.StartPrecision, p.EndDate, p.EndPrecision, p.Quotes, p.Sources })
            .ToListAsync(ct);
        tables.Add(new PackageTable("programmes", "Programmes, courses, workshops, trainings, pilots, joint periods of action and members' national plans, bodies, laws and initiatives the documents name.",
            [F("slug", "string"), F("name", "string"), F("nameAddedByPortal", "boolean", "True when no document names it so and the portal built the name."), E<ProgrammeKind>("kind", Labels.Of), F("mechanism", "string"), F("participant", "string", "The member whose national plan or body it is."), D("start"), D("end"), A("quotes", "The documents' own words about it."), Src()],
            ["slug"], [Fk(["mechanism"], "mechanisms", ["slug"]), Fk(["participant"], "participants", ["slug"])],
            [.. programmes.Select(p => Row(p.Slug, p.Name, Bool(p.NameAddedByPortal), Labels.Of(p.Kind), p.Mechanism, p.Participant, Date(p.StartDate, p.StartPrecision), Date(p.EndDate, p.EndPrecision), Json(p.Quotes), Json(p.Sources)))]));
        var parts = await db.ProgrammeParts.AsNoTracking().OrderBy(r => r.Programme!.Slug).ThenBy(r => r.Id)
            .Select(r => new { Programme = r.Programme!.Slug, r.Role, r.AsWritten, Participant = r.Participant != null ? r.Participant.Slug : null, Mechanism = r.Mechanism != null ? r.Mechanism.Slug : null, r.Sources })
            .ToListAsync(ct);
        tables.Add(new PackageTable("programme_parts", "Who runs, funds, implements, delivers, develops, supports or chairs a programme, or where it was held, in the document's words.",
            [F("programme", "string"), E<ProgrammePartRole>("role", Labels.Of), F("asWritten", "string"), F("participant", "string"), F("mechanism", "string"), Src()],
            [], [Fk(["programme"], "programmes", ["slug"]), Fk(["participant"], "participants", ["slug"]), Fk(["mechanism"], "mechanisms", ["slug"])],
            [.. parts.Select(r => Row(r.Programme, Labels.Of(r.Role), r.AsWritten, r.Participant, r.Mechanism, Json(r.Sources)))]));

        // Decisions 0035, 0040: dated events that are not meetings (staff add them; drafts are left out by the query filter).
        var events = await db.TimelineEvents.AsNoTracking().OrderBy(e => e.Slug)
            .Select(e => new { e.Slug, e.Title, e.Date, e.DatePrecision, e.Summary, e.Place, Mechanism = e.Mechanism != null ? e.Mechanism.Slug : null, Participant = e.Participant != null ? e.Participant.Slug : null, e.Sources })
            .ToListAsync(ct);
        tables.Add(new PackageTable("timeline_events", "Dated events that are not meetings (a launch, a signing, an appointment), as the documents state them.",
            [F("slug", "string"), F("title", "string", "As the document writes it."), D("date"), F("summary", "string", "What the document says of it, in its words."), F("place", "string"), F("mechanism", "string", "The mechanism it concerns."), F("participant", "string", "The member, observer or body it concerns."), Src()],
            ["slug"], [Fk(["mechanism"], "mechanisms", ["slug"]), Fk(["participant"], "participants", ["slug"])],
            [.. events.Select(e => Row(e.Slug, e.Title, Date(e.Date, e.DatePrecision), e.Summary, e.Place, e.Mechanism, e.Participant, Json(e.Sources)))]));

        var questions = await db.OpenQuestions.AsNoTracking().OrderBy(q => q.Subject).ThenBy(q => q.Field).ToListAsync(ct);
        tables.Add(new PackageTable("open_questions", "What the documents leave open (the record says so rather than guess).",
            [F("subject", "string", "meeting:<slug>, mechanism:<slug>, participant:<slug> or general."), F("field", "string"), F("description", "string"), Src()],
            [], [], [.. questions.Select(q => Row(q.Subject, q.Field, q.Description, Json(q.Sources)))]));

        var disagreements = await db.Disagreements.AsNoTracking().OrderBy(d => d.Subject).ThenBy(d => d.Field).ToListAsync(ct);
        tables.Add(new PackageTable("disagreements", "Places where the documents disagree, each value with its source.",
            [F("subject", "string", "meeting:<slug>, mechanism:<slug>, participant:<slug>, statement:<slug> or general."), F("field", "string"), F("description", "string"), A("values", "Each value as written, with its source.")],
            [], [], [.. disagreements.Select(d => Row(d.Subject, d.Field, d.Description, Json(d.Values)))]));

        return tables;
    }

    private static PackageField F(string name, string type, string? description = null) => new(name, type, description, null);

    /// <summary>A column of one of the model's kinds, written in the pages' words, with the words it may hold.</summary>
    private static PackageField E<T>(string name, Func<T, string> word, string? description = null) where T : struct, Enum =>
        new(name, "string", description, null, [.. Enum.GetValues<T>().Select(word).Distinct()]);

    /// <summary>A date at its stated precision: text, because Table Schema's date types each fix one precision.</summary>
    private static PackageField D(string name) => new(name, "string", "A date at the precision the document gives: YYYY, YYYY-MM or YYYY-MM-DD.", DatePattern);

    private static PackageField A(string name, string? description = null) => new(name, "array", description ?? "A JSON array.", null);

    private static PackageField Src() => A("sources", "Where the record comes from: [{\"document\": file name, \"location\": place}].");

    private static PackageForeignKey Fk(string[] fields, string resource, string[] referenced) => new(fields, resource, referenced);

    private static string?[] Row(params string?[] cells) => cells;

    private static string? Int(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Bool(bool? value) => value is { } v ? Bool(v) : string.Empty;

    private static string? Date(DateOnly? value, DatePrecision? precision) => PartialDate.FromColumns(value, precision)?.ToIsoString();

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions CellJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, CellJson);
}

public sealed record PackageField(string Name, string Type, string? Description, string? Pattern, IReadOnlyList<string>? Allowed = null);

public sealed record PackageForeignKey(string[] Fields, string Resource, string[] Referenced);

public sealed record PackageTable(
    string Name, string Description, IReadOnlyList<PackageField> Fields, string[] PrimaryKey, IReadOnlyList<PackageForeignKey> ForeignKeys,
    IReadOnlyList<IReadOnlyList<string?>> Rows)
{
    public JsonObject Schema()
    {
        var schema = new JsonObject
        {
            ["fields"] = new JsonArray([.. Fields.Select(f =>
            {
                var field = new JsonObject { ["name"] = f.Name, ["type"] = f.Type };
                if (f.Description is not null)
                {
                    field["description"] = f.Description;
                }

                if (f.Pattern is not null)
                {
                    field["constraints"] = new JsonObject { ["pattern"] = f.Pattern };
                }

                if (f.Allowed is not null)
                {
                    field["constraints"] = new JsonObject { ["enum"] = new JsonArray([.. f.Allowed.Select(a => (JsonNode)JsonValue.Create(a))]) };
                }

                return (JsonNode)field;
            })]),
            ["missingValues"] = new JsonArray(""),
        };
        if (PrimaryKey.Length > 0)
        {
            schema["primaryKey"] = new JsonArray([.. PrimaryKey.Select(k => (JsonNode)JsonValue.Create(k))]);
        }

        if (ForeignKeys.Count > 0)
        {
            schema["foreignKeys"] = new JsonArray([.. ForeignKeys.Select(fk => (JsonNode)new JsonObject
            {
                ["fields"] = new JsonArray([.. fk.Fields.Select(x => (JsonNode)JsonValue.Create(x))]),
                ["reference"] = new JsonObject
                {
                    ["resource"] = fk.Resource,
                    ["fields"] = new JsonArray([.. fk.Referenced.Select(x => (JsonNode)JsonValue.Create(x))]),
                },
            })]);
        }

        return schema;
    }
}
