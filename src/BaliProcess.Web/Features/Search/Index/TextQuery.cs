namespace BaliProcess.Web.Features.Search.Index;

/// <summary>
/// A text-search query as PostgreSQL prints it (<c>websearch_to_tsquery('english', …)::text</c>), in the
/// shapes the in-memory index answers exactly as PostgreSQL does: words joined by <c>&amp;</c> and <c>|</c>,
/// and phrases (<c>&lt;-&gt;</c>, <c>&lt;N&gt;</c>) of words. PostgreSQL parses, stems and drops stop words;
/// this only reads its result. Anything else — negation (<c>!</c>, from "-word"), prefix or weight marks, a
/// phrase whose right side is a group — is not parsed (<see cref="TryParse"/> returns null) and the search
/// runs in SQL, so no query is answered differently from PostgreSQL.
/// </summary>
public sealed class TextQuery
{
    private TextQuery(QueryNode root, IReadOnlyList<string> words)
    {
        Root = root;
        Words = words;
    }

    /// <summary>The distinct lexemes of the query; <see cref="WordNode.Word"/> indexes this list.</summary>
    public IReadOnlyList<string> Words { get; }

    internal QueryNode Root { get; }

    /// <summary>True when the query is one word: ranking needs no cover search then.</summary>
    internal bool IsSingleWord => Root is WordNode;

    public static TextQuery? TryParse(string printed)
    {
        ArgumentNullException.ThrowIfNull(printed);
        var parser = new Parser(printed);
        try
        {
            var root = parser.ParseOr();
            parser.SkipSpace();
            return parser.AtEnd ? new TextQuery(root, parser.Words) : null;
        }
        catch (NotSupportedQueryException)
        {
            return null;
        }
    }

    private sealed class NotSupportedQueryException : Exception;

    /// <summary>Operator precedence as in PostgreSQL's tsquery: phrase binds tighter than &amp;, which binds tighter than |.</summary>
    private sealed class Parser(string text)
    {
        private readonly Dictionary<string, int> wordIndex = new(StringComparer.Ordinal);
        private int at;

        public List<string> Words { get; } = [];

        public bool AtEnd => at >= text.Length;

        public void SkipSpace()
        {
            while (at < text.Length && text[at] == ' ')
            {
                at++;
            }
        }

        public QueryNode ParseOr()
        {
            var left = ParseAnd();
            while (Accept("|"))
            {
                left = new OrNode(left, ParseAnd());
            }

            return left;
        }

        private QueryNode ParseAnd()
        {
            var left = ParsePhrase();
            while (Accept("&"))
            {
                left = new AndNode(left, ParsePhrase());
            }

            return left;
        }

        private QueryNode ParsePhrase()
        {
            var left = ParsePrimary();
            while (TryPhraseOperator(out var distance))
            {
                var right = ParsePrimary();
                // Only a chain of words: a group on either side would need PostgreSQL's phrase widths.
                if (right is not WordNode word || left is not (WordNode or PhraseNode))
                {
                    throw new NotSupportedQueryException();
                }

                left = new PhraseNode(left, word.Word, distance);
            }

            return left;
        }

        private QueryNode ParsePrimary()
        {
            SkipSpace();
            if (Accept("("))
            {
                var inner = ParseOr();
                if (!Accept(")"))
                {
                    throw new NotSupportedQueryException();
                }

                return inner;
            }

            if (at >= text.Length || text[at] != '\'')
            {
                throw new NotSupportedQueryException(); // "!" (negation) or anything unexpected
            }

            var word = ReadQuoted();
            if (at < text.Length && text[at] == ':')
            {
                throw new NotSupportedQueryException(); // prefix (:*) or weight (:AB) marks
            }

            if (!wordIndex.TryGetValue(word, out var index))
            {
                index = Words.Count;
                wordIndex.Add(word, index);
                Words.Add(word);
            }

            return new WordNode(index);
        }

        /// <summary>A lexeme in single quotes; PostgreSQL doubles a quote and escapes a backslash inside it.</summary>
        private string ReadQuoted()
        {
            var value = new System.Text.StringBuilder();
            at++;
            while (at < text.Length)
            {
                var c = text[at++];
                if (c == '\'')
                {
                    if (at < text.Length && text[at] == '\'')
                    {
                        value.Append('\'');
                        at++;
                        continue;
                    }

                    return value.ToString();
                }

                if (c == '\\' && at < text.Length)
                {
                    c = text[at++];
                }

                value.Append(c);
            }

            throw new NotSupportedQueryException();
        }

        private bool TryPhraseOperator(out int distance)
        {
            distance = 0;
            SkipSpace();
            if (at >= text.Length || text[at] != '<')
            {
                return false;
            }

            var close = text.IndexOf('>', at);
            if (close < 0)
            {
                throw new NotSupportedQueryException();
            }

            var inside = text[(at + 1)..close];
            distance = inside == "-" ? 1 : int.TryParse(inside, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
            if (distance < 0)
            {
                throw new NotSupportedQueryException();
            }

            at = close + 1;
            return true;
        }

        private bool Accept(string token)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, at, token, 0, token.Length) == 0)
            {
                at += token.Length;
                return true;
            }

            return false;
        }
    }
}

internal abstract class QueryNode;

internal sealed class WordNode(int word) : QueryNode
{
    public int Word { get; } = word;
}

internal sealed class AndNode(QueryNode left, QueryNode right) : QueryNode
{
    public QueryNode Left { get; } = left;

    public QueryNode Right { get; } = right;
}

internal sealed class OrNode(QueryNode left, QueryNode right) : QueryNode
{
    public QueryNode Left { get; } = left;

    public QueryNode Right { get; } = right;
}

/// <summary><c>Left &lt;Distance&gt; Right</c>: Right's position is Distance after the end of Left.</summary>
internal sealed class PhraseNode(QueryNode left, int rightWord, int distance) : QueryNode
{
    public QueryNode Left { get; } = left;

    public int RightWord { get; } = rightWord;

    public int Distance { get; } = distance;
}
