using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components.Shared;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Features.Sources.FromDocument;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Npgsql;
using static BaliProcess.Web.Features.Sources.FromDocument.DocumentRecordRules;

namespace BaliProcess.Web.Features.People.Adding;

/// <summary>
/// A person's role to add from a source document (decision 0035): an existing person (<see cref="Person"/>, a slug) or a
/// new one (<see cref="NewName"/>, the name as the document writes it), the role's kind, the document's words for it,
/// the office it gives, the participant, meeting or mechanism it is for, its date at its precision, and where the
/// document states it.
/// </summary>
public sealed record AddPersonRoleRequest(
    string SourceSlug, string? Person, string? NewName, string? Kind, string? AsWritten, string? Office, string? Participant,
    string? Meeting, string? Mechanism, string? Date, string? Location);

/// <summary>
/// The write path for people's roles drawn from a staff-added document (decision 0035), as meetings (0029): check (what
/// will be saved), add as a draft (with the person, when new, a draft too), publish (a second person: the role, and its
/// person when new, become public and a revision of each is appended). Each write first asks <see cref="EditorAccess"/>.
/// </summary>
public sealed partial class PersonRoleEditor(
    IDbContextFactory<BaliProcessDbContext> dbFactory,
    EditorAccess access,
    TimeProvider time,
    RecordChanges changes,
    IOptions<EditingOptions> editingOptions,
    IStringLocalizer<PeopleText> texts,
    ILogger<PersonRoleEditor> logger)
{
    public async Task<RecordCheck> CheckAsync(AddPersonRoleRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await CheckAsync(db, request, ct);
        if (c.Problems.Count > 0)
        {
            return new RecordCheck(c.Problems, []);
        }

        return new RecordCheck([], [
            c.Person is null ? PreviewRow.Around(texts["Person"], texts["{0} (new: added with this role)", PreviewRow.Slot], request.NewName!.Trim()) : new(texts["Person"], c.Person.Name),
            PreviewRow.Around(texts["Role"], $"{Words.Of(c.Kind)}: “{PreviewRow.Slot}”", request.AsWritten!.Trim()),
            PreviewRow.Either(texts["Office"], Blank(request.Office), texts["Not stated"]),
            PreviewRow.Either(texts["For"], c.Participant?.Name, texts["No participant named"]),
            PreviewRow.Either(texts["At"], c.Meeting?.Title ?? c.Mechanism?.Name, texts["No meeting or mechanism named"]),
            PreviewRow.Portal(texts["When"], c.Date?.ToString() ?? texts["Not dated"]),
            new(texts["Source"], $"{c.Source!.FileName}, {request.Location!.Trim()}"),
        ]);
    }

    public async Task<EditResult> AddAsync(ClaimsPrincipal? user, AddPersonRoleRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (editor, refusal) = await access.CheckAsync(user, "add person role", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await CheckAsync(db, request, ct);
        if (c.Problems.Count > 0)
        {
            return EditResult.Invalid(c.Problems);
        }

        var now = time.GetUtcNow();
        var source = Cite(c.Source!, request.Location!);
        var person = c.Person;
        if (person is null)
        {
            var name = request.NewName!.Trim();
            person = new Person { Slug = await FreeSlugAsync(db, SlugOf(name), ct), Name = name, Sources = [source] };
            MarkAdded(person, editor, now);
            db.People.Add(person);
        }

        var role = new PersonRole
        {
            Person = person,
            Kind = c.Kind,
            AsWritten = request.AsWritten!.Trim(),
            Office = Blank(request.Office),
            Participant = c.Participant,
            Meeting = c.Meeting,
            Mechanism = c.Mechanism,
            Date = c.Date?.Value,
            DatePrecision = c.Date?.Precision,
            Sources = [source],
        };
        MarkAdded(role, editor, now);
        db.PersonRoles.Add(role);
        try
        {
            await changes.SaveAsync(db, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return EditResult.Invalid("newName", texts["A person with this name was added a moment ago; choose them from the list."]);
        }

        logger.LogInformation("Role {Kind} of {Person} (from {Document}) added as a draft by {Editor} ({UserId})", role.Kind, person.Slug, c.Source!.FileName, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { CreatedKey = role.Id.ToString(CultureInfo.InvariantCulture) };
    }

    /// <summary>
    /// Publishes a draft role (and its person, when staff added them with it): refused to the account that added it, while
    /// a document it cites is a draft, and while its meeting is a draft ("publish the meeting first").
    /// </summary>
    public async Task<EditResult> PublishAsync(ClaimsPrincipal? user, int id, CancellationToken ct = default)
    {
        var (editor, refusal) = await access.CheckAsync(user, "publish person role", ct);
        if (editor is null)
        {
            return EditResult.Refused(refusal!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The row is locked until commit, so two reviewers publishing at once cannot both record themselves.
        var role = await db.PersonRoles.FromSql($"SELECT * FROM person_roles WHERE id = {id} FOR UPDATE").IgnoreQueryFilters()
            .Include(r => r.Person).Include(r => r.Meeting).Include(r => r.Mechanism).Include(r => r.Participant)
            .FirstOrDefaultAsync(ct);
        if (role is null || role.Origin != RecordOrigin.Staff)
        {
            return EditResult.NotFound;
        }

        var key = KeyOf(role);
        if (await RefusePublishAsync(db, role, texts["The role of {0}", role.Person!.Name], role.Sources, editor, editingOptions.Value, logger, "role", key, ct) is { } refused)
        {
            return refused;
        }

        if (role.Meeting is { IsDraft: true } meeting)
        {
            return EditResult.Invalid("publish", texts["Its meeting, “{0}”, is still a draft: publish the meeting first.", meeting.Title]);
        }

        var now = time.GetUtcNow();
        if (role.Person.IsDraft)
        {
            MarkPublished(role.Person, editor, now);
            db.RecordRevisions.Add(Published(RecordRevisionKinds.Person, role.Person.Slug, role.Person, editor, now, role.Sources,
                new { slug = role.Person.Slug, name = role.Person.Name, sources = role.Person.Sources.Select(Json) }));
        }

        MarkPublished(role, editor, now);
        db.RecordRevisions.Add(Published(RecordRevisionKinds.PersonRole, key, role, editor, now, role.Sources, FieldsOf(role)));
        await changes.SaveAsync(db, ct); // commits the transaction that holds the lock
        logger.LogInformation("Role {Key} published by {Editor} ({UserId})", key, editor.DisplayName, editor.UserId);
        return new EditResult(EditOutcome.Saved) { CreatedKey = key };
    }

    /// <summary>A role's key in revisions and corrections: its person's slug and its id.</summary>
    public static string KeyOf(PersonRole role) => string.Create(CultureInfo.InvariantCulture, $"{role.Person!.Slug}/{role.Id}");

    /// <summary>The role in the shape of a role of seed-data/people.json, with its person.</summary>
    internal static object FieldsOf(PersonRole r) => new
    {
        person = r.Person!.Slug,
        personName = r.Person.Name,
        kind = r.Kind.ToString(),
        asWritten = r.AsWritten,
        office = r.Office,
        participant = r.Participant?.Name,
        meeting = r.Meeting?.Slug,
        mechanism = r.Mechanism?.Slug,
        date = r.When?.ToIsoString(),
        source = r.Sources.Count == 1 ? Json(r.Sources[0]) : null,
        addedBy = r.AddedBy,
        addedAt = r.AddedAt,
        publishedBy = r.PublishedBy,
        publishedAt = r.PublishedAt,
    };

    /// <summary>
    /// A new person's slug from the name as written, without the honorifics and titles the documents put before names
    /// ("H.E. Hasan Kleib" → hasan-kleib, "Senator the Hon Penny Wong" → penny-wong), as seed-data/people.json's slugs are.
    /// </summary>
    public static string SlugOf(string name)
    {
        var bare = name.Trim();
        for (var before = ""; before != bare;)
        {
            before = bare;
            bare = Honorific().Replace(bare, "").Trim();
        }

        var slug = WorkPlanEditor.Slugify(bare.Length > 0 ? bare : name);
        return slug.Length == 0 ? "person" : slug[..Math.Min(slug.Length, 80)].Trim('-');
    }

    [GeneratedRegex(@"^(?:H\.\s?E\.|His Excellency|Her Excellency|the Honou?rable|the Hon\.?|Hon\.?|Senator|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Professor|Sir|Dame)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Honorific();

    private sealed record Checked(
        List<FieldProblem> Problems, SourceDocument? Source, Person? Person, PersonRoleKind Kind, Participant? Participant, Meeting? Meeting, Mechanism? Mechanism, PartialDate? Date);

    private async Task<Checked> CheckAsync(BaliProcessDbContext db, AddPersonRoleRequest request, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        var source = await StaffSourceAsync(db, request.SourceSlug, ct);
        if (source is null)
        {
            problems.Add(new("source", texts["There is no source document added in the portal at this address."]));
        }

        Person? person = null;
        if (!string.IsNullOrWhiteSpace(request.Person) && !string.IsNullOrWhiteSpace(request.NewName))
        {
            problems.Add(new("person", texts["Choose a person the portal knows, or give a new person's name: not both."]));
        }
        else if (!string.IsNullOrWhiteSpace(request.Person))
        {
            // Drafts included: a second role of a person added a moment ago from the same document.
            person = await db.People.IgnoreQueryFilters().FirstOrDefaultAsync(p => p.Slug == request.Person, ct);
            if (person is null)
            {
                problems.Add(new("person", texts["There is no such person; choose one from the list."]));
            }
        }
        else
        {
            Text(problems, "newName", "name", request.NewName, ShortMaxLength, required: texts["Choose the person, or give a new person's name as the document writes it."]);
        }

        if (!Enum.TryParse<PersonRoleKind>(request.Kind, out var kind) || !Enum.IsDefined(kind) || int.TryParse(request.Kind, out _))
        {
            problems.Add(new("kind", texts["Choose what the role is."]));
        }

        Text(problems, "asWritten", "role as the document words it", request.AsWritten, ShortMaxLength, required: texts["Give the document's words for the role (“co-chaired the workshop”)."]);
        Text(problems, "office", "title or office", request.Office, ShortMaxLength);

        Participant? participant = null;
        if (!string.IsNullOrWhiteSpace(request.Participant) && (participant = await db.Participants.FirstOrDefaultAsync(p => p.Slug == request.Participant, ct)) is null)
        {
            problems.Add(new("participant", texts["There is no such participant; choose one from the list."]));
        }

        // Drafts included: a role at the meeting drawn from the same document; publishing waits for the meeting.
        Meeting? meeting = null;
        if (!string.IsNullOrWhiteSpace(request.Meeting) && (meeting = await db.Meetings.IgnoreQueryFilters().FirstOrDefaultAsync(m => m.Slug == request.Meeting && m.WithdrawnAt == null, ct)) is null)
        {
            problems.Add(new("meeting", texts["There is no such meeting; choose one from the list."]));
        }

        Mechanism? mechanism = null;
        if (!string.IsNullOrWhiteSpace(request.Mechanism) && (mechanism = await db.Mechanisms.FirstOrDefaultAsync(m => m.Slug == request.Mechanism, ct)) is null)
        {
            problems.Add(new("mechanism", texts["There is no such working group or mechanism; choose one from the list."]));
        }

        var date = Date(problems, "date", request.Date, time);
        Text(problems, "location", "place in the document", request.Location, LocationMaxLength, required: texts["Say where the document states the role (a paragraph, section or page)."]);
        return new Checked(problems, source, person, kind, participant, meeting, mechanism, date);
    }

    private static async Task<string> FreeSlugAsync(BaliProcessDbContext db, string baseSlug, CancellationToken ct)
    {
        var taken = await db.People.IgnoreQueryFilters().Where(p => p.Slug.StartsWith(baseSlug)).Select(p => p.Slug).ToListAsync(ct);
        var slug = baseSlug;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = string.Create(CultureInfo.InvariantCulture, $"{baseSlug}-{n}");
        }

        return slug;
    }
}
