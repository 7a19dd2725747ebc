using BaliProcess.Web.Infrastructure.Languages;
using System.Globalization;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Participants.Adding;

/// <summary>
/// The checks the membership and mechanism forms share (decision 0034), as the meeting form makes them (0029): staff
/// text through <see cref="StaffText"/> with a length cap, dates at their precision, places one a line, citations of
/// the staff-added document.
/// </summary>
internal static class StaffRecordInput
{
    public const int NameMaxLength = 300;
    public const int LocationMaxLength = 300;
    public const int TextMaxLength = 4000;

    private static readonly InterfaceTexts Texts = InterfaceTexts.Of<ParticipantsText>();

    /// <summary>A message in the editor's language (ParticipantsText; the English words when none is written).</summary>
    public static string Say(string english) => Texts.Text(english);

    /// <summary>
    /// A field's name inside a message ("name", "full name"): its own text, or the label's ("Name") with a small
    /// first letter (resource keys may not differ only in case).
    /// </summary>
    private static string FieldName(string english)
    {
        if (Texts.Find(english) is { } text)
        {
            return text;
        }

        var label = Texts.Find(char.ToUpperInvariant(english[0]) + english[1..]);
        return label is null ? english : StaffText.Field(label);
    }

    private static string Say(string english, params object[] args) => string.Format(CultureInfo.CurrentCulture, Say(english), args);

    public static void Text(List<FieldProblem> problems, string field, string name, string? value, int maxLength, string? required = null, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required is not null)
            {
                problems.Add(new(field, required));
            }
        }
        else if (value.Trim().Length > maxLength)
        {
            problems.Add(new(field, Say("The {0} has at most {1:N0} characters.", FieldName(name), maxLength)));
        }
        else if (StaffText.Problem(value, FieldName(name), multiline) is { } problem)
        {
            problems.Add(new(field, problem));
        }
    }

    /// <summary>A date at the precision the document gives ("2011", "2011-03", "2011-03-30"), from 1990 to five years ahead.</summary>
    public static PartialDate? Date(List<FieldProblem> problems, string field, string? text, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!PartialDate.TryParse(text.Trim(), out var parsed))
        {
            problems.Add(new(field, Say("Write the date as precisely as the document gives it: 2011, 2011-03 or 2011-03-30.")));
            return null;
        }

        if (parsed.Value < new DateOnly(1990, 1, 1) || parsed.Value > StatusChangeRules.LatestEffectiveDate(time).AddYears(5))
        {
            problems.Add(new(field, Say("The date is before 1990 or years ahead; check it.")));
            return null;
        }

        return parsed;
    }

    /// <summary>One entry a line (places in the document, aliases), trimmed, each once.</summary>
    public static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];

    public static void Locations(List<FieldProblem> problems, string field, string? text, string required)
    {
        var lines = Lines(text);
        if (lines.Count == 0)
        {
            problems.Add(new(field, required));
        }

        foreach (var line in lines)
        {
            Text(problems, field, "place in the document", line, LocationMaxLength);
        }
    }

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static SourceReference Cite(SourceDocument source, string location) => new() { Document = source.FileName, Location = location.Trim() };

    /// <summary>The staff-added document a record is drawn from (drafts too: it is cited, and publishing waits for it).</summary>
    public static async Task<SourceDocument?> SourceAsync(BaliProcessDbContext db, string slug, List<FieldProblem> problems, CancellationToken ct)
    {
        var source = await db.SourceDocuments.IgnoreQueryFilters().FirstOrDefaultAsync(d => d.Slug == slug && d.Origin == RecordOrigin.Staff, ct);
        if (source is null)
        {
            problems.Add(new("source", Say("There is no source document added in the portal at this address.")));
        }

        return source;
    }

    /// <summary>The title of the first document among <paramref name="cited"/> that is still a draft, or null.</summary>
    public static Task<string?> DraftDocumentAsync(BaliProcessDbContext db, IReadOnlyCollection<string> cited, CancellationToken ct) =>
        db.SourceDocuments.IgnoreQueryFilters().Where(d => cited.Contains(d.FileName) && d.IsDraft).Select(d => d.Title).FirstOrDefaultAsync(ct);

    public static bool ParseEnum<T>(string? text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);

    public static object Json(SourceReference s) => new { document = s.Document, location = s.Location };

    public static string Reason(string text) => text.Length <= RecordRevision.ReasonMaxLength ? text : text[..(RecordRevision.ReasonMaxLength - 1)] + "…";

    public static string Utc(DateTimeOffset? at) => at?.UtcDateTime.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "";
}
