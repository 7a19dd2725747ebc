using System.Globalization;
using System.Text;
using BaliProcess.Data.Model;

namespace BaliProcess.Data.Seeding;

/// <summary>
/// A reviewer's checklist drawn from seed-data/ (no database needed): every open question and every
/// disagreement with its sources, the people recorded as one person across differently written names, and
/// the labels the portal added where a document gives none. A person can check the record against the
/// documents in minutes.
/// </summary>
public static class ReviewReport
{
    public static string Write(string seedDirectory)
    {
        var problems = new List<string>();
        var set = SeedSet.Read(seedDirectory, problems);
        SeedValidator.Validate(set, problems);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Review report for {Path.GetFullPath(seedDirectory)}");
        if (problems.Count > 0)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"THE SEED DATA HAS {problems.Count} PROBLEM(S); it would not load:");
            problems.ForEach(p => text.AppendLine(CultureInfo.InvariantCulture, $"  - {p}"));
        }

        var questions = set.OpenQuestions.Select(q => q.Item).OrderBy(q => q.Subject, StringComparer.Ordinal).ToList();
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"1. Open questions ({questions.Count}): fields left empty or values a document gives ambiguously");
        foreach (var q in questions)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {q.Subject} / {q.Field}").AppendLine(CultureInfo.InvariantCulture, $"    {q.Description}");
            foreach (var s in Sources(q.Source, q.Sources))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    source: {s}");
            }
        }

        var disagreements = set.Disagreements.Select(d => d.Item).OrderBy(d => d.Subject, StringComparer.Ordinal).ToList();
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"2. Disagreements ({disagreements.Count}): documents give different values; every value is kept");
        foreach (var d in disagreements)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {d.Subject} / {d.Field}").AppendLine(CultureInfo.InvariantCulture, $"    {d.Description}");
            foreach (var v in d.Values ?? [])
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    value: {v.Value}  [{Format(v.Source)}]");
            }
        }

        text.AppendLine().AppendLine("3. People whose roles come from differently written names (one record each; check the judgement)");
        foreach (var person in set.People.Select(p => p.Item))
        {
            // A role whose words name the person differently from the record's name ("Ibu Retno Marsudi").
            var surname = person.Name!.Split(' ')[^1];
            var written = (person.Roles ?? []).Select(r => r.AsWritten ?? string.Empty)
                .Where(w => w.Contains(surname, StringComparison.Ordinal) && !w.Contains(person.Name!, StringComparison.Ordinal))
                .ToList();
            if (written.Count > 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- person:{person.Slug} \"{person.Name}\" is also written:");
                written.Distinct().ToList().ForEach(w => text.AppendLine(CultureInfo.InvariantCulture, $"    \"{w}\""));
            }
        }

        var labelled = set.Statements
            .Select(s => (s.Item.Slug, Count: (s.Item.Paragraphs ?? []).Count(p => p.LabelAddedByPortal == true), Total: (s.Item.Paragraphs ?? []).Count))
            .Where(s => s.Count > 0).OrderBy(s => s.Slug, StringComparer.Ordinal).ToList();
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"4. Labels added by the portal where the document has no number or letter ({labelled.Sum(s => s.Count)} paragraphs)");
        labelled.ForEach(s => text.AppendLine(CultureInfo.InvariantCulture, $"- statement:{s.Slug}: {s.Count} of {s.Total} paragraphs"));

        var summaries = set.Meetings.Count(m => !string.IsNullOrWhiteSpace(m.Item.Summary));
        text.AppendLine().AppendLine("5. The portal's own words")
            .AppendLine(CultureInfo.InvariantCulture, $"- {summaries} meeting summaries are written by the portal from the documents; passages they put in quotation marks are checked verbatim by the faithfulness test.");

        // What else the portal added (decision 0025): each is shown on the pages as the portal's.
        var portalAliases = set.Participants.Select(p => (p.Item.Slug, Aliases: p.Item.PortalAliases ?? []))
            .Concat(set.Mechanisms.Select(m => (m.Item.Slug, Aliases: m.Item.PortalAliases ?? [])))
            .Where(p => p.Aliases.Count > 0).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"- {portalAliases.Sum(p => p.Aliases.Count)} search names no document spells (portalAliases):");
        portalAliases.ForEach(p => text.AppendLine(CultureInfo.InvariantCulture, $"    {p.Slug}: {string.Join(", ", p.Aliases)}"));
        var titles = set.OutcomeDocuments.Where(d => d.Item.TitleAddedByPortal == true).Select(d => d.Item).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"- {titles.Count} outcome-document titles built by the portal:");
        titles.ForEach(d => text.AppendLine(CultureInfo.InvariantCulture, $"    document:{d.Slug}: [{d.Title}]"));
        var names = set.Mechanisms.Where(m => m.Item.NameAddedByPortal == true).Select(m => m.Item).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"- {names.Count} mechanism names built by the portal:");
        names.ForEach(m => text.AppendLine(CultureInfo.InvariantCulture, $"    mechanism:{m.Slug}: [{m.Name}]"));
        var numbers = set.WorkPlans.Sum(w => (w.Item.Items ?? []).Count(i => i.NumberAddedByPortal == true));
        text.AppendLine(CultureInfo.InvariantCulture, $"- {numbers} work-plan item numbers given by the portal; regions are the portal's UN M49 grouping ({set.Participants.Count(p => p.Item.Region is not null)} states and territories).");
        return text.ToString();
    }

    private static IEnumerable<string> Sources(SourceRefJson? source, List<SourceRefJson>? sources) =>
        (source is null ? [] : new[] { source }).Concat(sources ?? []).Select(Format);

    private static string Format(SourceRefJson? s) => s is null ? "(no source)" : new SourceReference { Document = s.Document ?? "?", Location = s.Location ?? "?" }.ToString();
}
