using System.Text.RegularExpressions;

namespace BaliProcess.Data.Seeding;

/// <summary>
/// Resolves the names documents use for participants ("Lao PDR", "Vietnam", "Rep. of Korea") to one
/// participant, and finds the participants a paragraph mentions.
/// </summary>
public sealed class ParticipantMatcher
{
    private readonly Dictionary<string, string> slugByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Regex? mentionPattern;
    private readonly Dictionary<string, string> slugByExactName = new(StringComparer.Ordinal);

    /// <param name="participants">Each participant's slug and every name it goes by (name, full name, aliases).</param>
    /// <param name="conflicts">Receives a message for every name claimed by two participants.</param>
    public ParticipantMatcher(IEnumerable<(string Slug, IEnumerable<string> Names)> participants, ICollection<string>? conflicts = null)
    {
        ArgumentNullException.ThrowIfNull(participants);
        foreach (var (slug, names) in participants)
        {
            Claim(slug, slug, conflicts);
            foreach (var name in names.Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                var key = Normalise(name);
                Claim(key, slug, conflicts);
                slugByExactName.TryAdd(key, slug);
            }
        }

        // Longest names first, so "Democratic People's Republic of Korea" wins over "Republic of Korea".
        // Matching is case-sensitive: names are proper nouns, and "iom" in a word is not IOM.
        var alternatives = slugByExactName.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape).ToList();
        if (alternatives.Count > 0)
        {
            mentionPattern = new Regex(
                @"(?<![\p{L}\p{N}])(?:" + string.Join('|', alternatives) + @")(?![\p{L}\p{N}])",
                RegexOptions.Compiled | RegexOptions.CultureInvariant,
                MatchTimeout);
        }
    }

    // The patterns are plain alternations without nested quantifiers, run over the portal's own seed text and
    // short filter strings, so they cannot backtrack badly. The timeout is only a backstop: at 1–2 s it fired
    // on a heavily loaded machine (a starved thread, not a slow pattern) and stopped seeding.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The slug of the participant known by this slug, name or alias (case-insensitive), or null.</summary>
    public string? Resolve(string? nameOrSlug) =>
        nameOrSlug is not null && slugByName.TryGetValue(Normalise(nameOrSlug), out var slug) ? slug : null;

    /// <summary>The slugs of the participants the text names, each once, in order of first mention.</summary>
    public IReadOnlyList<string> FindMentions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (mentionPattern is null)
        {
            return [];
        }

        return mentionPattern.Matches(Normalise(text))
            .Select(m => slugByExactName[m.Value])
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Typographic apostrophes, dashes and runs of white space count as their plain forms.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u2013', '-').Replace('\u2011', '-');
        return Regex.Replace(plain, @"\s+", " ", RegexOptions.None, MatchTimeout).Trim();
    }

    private void Claim(string key, string slug, ICollection<string>? conflicts)
    {
        key = Normalise(key);
        if (slugByName.TryGetValue(key, out var existing))
        {
            if (existing != slug)
            {
                conflicts?.Add($"the name '{key}' is claimed by both '{existing}' and '{slug}'");
            }

            return;
        }

        slugByName[key] = slug;
    }
}
