using System.Text.RegularExpressions;

namespace BaliProcess.Web.Features.Statements.Adding;

/// <summary>A theme suggested for a paragraph, with its score (cosine similarity, 0–1).</summary>
public sealed record ThemeSuggestion(string Slug, string Name, double Score);

/// <summary>
/// Ranks themes for a new paragraph by how much its words resemble the paragraphs already tagged with each theme
/// (decision 0024): TF-IDF over the tagged paragraphs, one profile per theme (the normalised sum of its paragraphs'
/// normalised vectors), score = cosine of the new paragraph's vector with the profile. Words are lower-cased, three
/// letters or more, not a common English word, a plural "s" dropped. Pure and built once per review.
/// It only suggests: nothing is tagged until a person ticks the theme.
/// </summary>
public sealed partial class ThemeSuggester
{
    public const int MaxSuggestions = 5;

    /// <summary>Below this a theme shares only a word or two of little weight with the paragraph: not shown.</summary>
    public const double MinScore = 0.05;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "that", "this", "from", "are", "was", "were", "have", "has", "had", "its", "their",
        "they", "them", "which", "including", "also", "all", "any", "such", "into", "through", "other", "been", "will",
        "would", "may", "can", "not", "but", "our", "his", "her", "who", "whom", "these", "those", "between", "within",
        "among", "well", "more", "most", "further", "where", "when", "while", "both", "each", "there", "than", "then",
        "members", "member", "ministers", "bali", "process", "co-chairs", "chairs",
    };

    private readonly Dictionary<string, double> idf;
    private readonly List<(string Slug, string Name, Dictionary<string, double> Profile)> themes;

    /// <param name="tagged">Every published paragraph's text with the slugs of its themes.</param>
    /// <param name="themeNames">Theme slug to name, for every theme that may be suggested.</param>
    public ThemeSuggester(IEnumerable<(string Text, IReadOnlyCollection<string> Themes)> tagged, IReadOnlyDictionary<string, string> themeNames)
    {
        ArgumentNullException.ThrowIfNull(tagged);
        ArgumentNullException.ThrowIfNull(themeNames);
        var documents = tagged.Where(t => t.Themes.Count > 0).Select(t => (Words: Count(t.Text), t.Themes)).ToList();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (words, _) in documents)
        {
            foreach (var word in words.Keys)
            {
                df[word] = df.GetValueOrDefault(word) + 1;
            }
        }

        idf = df.ToDictionary(p => p.Key, p => Math.Log(1 + ((double)documents.Count / p.Value)), StringComparer.Ordinal);
        var sums = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var (words, themeSlugs) in documents)
        {
            var vector = Vector(words);
            foreach (var slug in themeSlugs)
            {
                if (!sums.TryGetValue(slug, out var sum))
                {
                    sums[slug] = sum = new Dictionary<string, double>(StringComparer.Ordinal);
                }

                foreach (var (word, weight) in vector)
                {
                    sum[word] = sum.GetValueOrDefault(word) + weight;
                }
            }
        }

        themes = [.. sums.Where(s => themeNames.ContainsKey(s.Key)).Select(s => (s.Key, themeNames[s.Key], Normalised(s.Value)))];
    }

    /// <summary>The best themes for <paramref name="text"/>, best first (ties by name), at most <see cref="MaxSuggestions"/>.</summary>
    public IReadOnlyList<ThemeSuggestion> Suggest(string text)
    {
        var vector = Vector(Count(text));
        return [.. themes
            .Select(t => new ThemeSuggestion(t.Slug, t.Name, vector.Sum(w => w.Value * t.Profile.GetValueOrDefault(w.Key))))
            .Where(s => s.Score >= MinScore)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Take(MaxSuggestions)];
    }

    private Dictionary<string, double> Vector(Dictionary<string, int> counts) =>
        Normalised(counts.Where(c => idf.ContainsKey(c.Key)).ToDictionary(c => c.Key, c => (1 + Math.Log(c.Value)) * idf[c.Key], StringComparer.Ordinal));

    private static Dictionary<string, double> Normalised(Dictionary<string, double> vector)
    {
        var length = Math.Sqrt(vector.Values.Sum(v => v * v));
        return length == 0 ? vector : vector.ToDictionary(p => p.Key, p => p.Value / length, StringComparer.Ordinal);
    }

    internal static Dictionary<string, int> Count(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match m in Word().Matches(text.ToLowerInvariant()))
        {
            var word = m.Value;
            if (word.Length < 3 || StopWords.Contains(word))
            {
                continue;
            }

            if (word.Length > 4 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
            {
                word = word[..^1];
            }

            counts[word] = counts.GetValueOrDefault(word) + 1;
        }

        return counts;
    }

    [GeneratedRegex(@"\p{L}[\p{L}\-’']*")]
    private static partial Regex Word();
}
