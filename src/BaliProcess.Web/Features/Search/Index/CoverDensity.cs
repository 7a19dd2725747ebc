namespace BaliProcess.Web.Features.Search.Index;

/// <summary>
/// PostgreSQL's <c>ts_rank_cd(vector, query, 1)</c> for one document at a time, computed the way PostgreSQL
/// 15 computes it, so that the in-memory index orders results exactly as the SQL did (the equivalence tests
/// compare the two over the whole corpus):
/// the query's words are laid out in position order; a <em>cover</em> is the shortest stretch, found from
/// the left, in which the query holds; each cover adds (number of entries / sum of inverse weights) divided
/// by 1 + the words in it that are not query words; the sum is divided by ln(1 + number of positions in the
/// document) (normalisation 1) and returned as a 4-byte float. Not thread-safe: one per search.
/// </summary>
internal sealed class CoverDensity
{
    // 1 / weight for the weights D, C, B, A (PostgreSQL's defaults, as 4-byte floats widened to double).
    private static readonly double[] InverseWeights = [1.0 / (double)0.1f, 1.0 / (double)0.2f, 1.0 / (double)0.4f, 1.0 / (double)1.0f];

    private readonly TextQuery query;
    private readonly ReadOnlyMemory<ushort>[] documentPositions;
    private readonly List<int>[] seen;
    private int[] entryPosition = new int[64];
    private int[] entryWeight = new int[64];
    private int[] entryWord = new int[64];

    public CoverDensity(TextQuery query, int words)
    {
        this.query = query;
        documentPositions = new ReadOnlyMemory<ushort>[words];
        seen = new List<int>[words];
        for (var i = 0; i < words; i++)
        {
            seen[i] = [];
        }
    }

    /// <summary>The current document's packed positions of query word <paramref name="word"/> (empty if absent).</summary>
    public void SetPositions(int word, ReadOnlyMemory<ushort> positions) => documentPositions[word] = positions;

    /// <summary>Whether the current document matches (needed only when the query has a phrase).</summary>
    public bool MatchesDocument()
    {
        for (var k = 0; k < seen.Length; k++)
        {
            seen[k].Clear();
            foreach (var packed in documentPositions[k].Span)
            {
                seen[k].Add(packed & 0x3FFF);
            }
        }

        return Holds(query.Root);
    }

    public float Rank(int documentLength)
    {
        double wdoc = 0.0;
        if (query.IsSingleWord)
        {
            // Every occurrence is a cover of one entry, in position order.
            foreach (var packed in documentPositions[0].Span)
            {
                var invSum = 0.0 + InverseWeights[packed >> 14];
                wdoc += (1.0 / invSum) / 1.0;
            }
        }
        else
        {
            wdoc = SumOfCovers();
        }

        wdoc /= Math.Log(documentLength + 1.0);
        return (float)wdoc;
    }

    private double SumOfCovers()
    {
        var count = Layout();
        double wdoc = 0.0;
        var start = 0;
        while (NextCover(count, ref start, out var begin, out var end, out var p, out var q))
        {
            var invSum = 0.0;
            for (var i = begin; i <= end; i++)
            {
                invSum += InverseWeights[entryWeight[i]];
            }

            var cpos = (end - begin + 1) / invSum;
            var noise = (q - p) - (end - begin);
            if (noise < 0)
            {
                noise = (end - begin) / 2;
            }

            wdoc += cpos / (1 + noise);
        }

        return wdoc;
    }

    /// <summary>The query words' positions in the document, in position order (then weight, then word).</summary>
    private int Layout()
    {
        var count = 0;
        for (var k = 0; k < documentPositions.Length; k++)
        {
            count += documentPositions[k].Length;
        }

        if (entryPosition.Length < count)
        {
            var size = Math.Max(count, entryPosition.Length * 2);
            entryPosition = new int[size];
            entryWeight = new int[size];
            entryWord = new int[size];
        }

        var n = 0;
        for (var k = 0; k < documentPositions.Length; k++)
        {
            foreach (var packed in documentPositions[k].Span)
            {
                // Insertion into the sorted run: the lists are short (a few occurrences per word).
                var position = packed & 0x3FFF;
                var weight = packed >> 14;
                var i = n - 1;
                while (i >= 0 && (entryPosition[i] > position || (entryPosition[i] == position && (entryWeight[i] > weight || (entryWeight[i] == weight && string.CompareOrdinal(query.Words[entryWord[i]], query.Words[k]) > 0)))))
                {
                    entryPosition[i + 1] = entryPosition[i];
                    entryWeight[i + 1] = entryWeight[i];
                    entryWord[i + 1] = entryWord[i];
                    i--;
                }

                entryPosition[i + 1] = position;
                entryWeight[i + 1] = weight;
                entryWord[i + 1] = k;
                n++;
            }
        }

        return n;
    }

    /// <summary>
    /// The next cover from entry <paramref name="start"/>: scanning right until the query holds gives its
    /// end; scanning left from there until it holds again gives its beginning. Then the next search starts
    /// after the beginning.
    /// </summary>
    private bool NextCover(int count, ref int start, out int begin, out int end, out int p, out int q)
    {
        begin = end = 0;
        while (true)
        {
            p = int.MaxValue;
            q = 0;
            var found = false;
            var last = start;
            Reset();
            for (var i = start; i < count; i++)
            {
                See(i);
                if (Holds(query.Root))
                {
                    if (entryPosition[i] > q)
                    {
                        q = entryPosition[i];
                        end = i;
                        last = i;
                        found = true;
                    }

                    break;
                }
            }

            if (!found)
            {
                return false;
            }

            Reset();
            var at = last;
            for (; at >= start; at--)
            {
                See(at);
                if (Holds(query.Root))
                {
                    if (entryPosition[at] < p)
                    {
                        begin = at;
                        p = entryPosition[at];
                    }

                    break;
                }
            }

            if (p <= q)
            {
                start = at + 1;
                return true;
            }

            start++;
        }
    }

    private void Reset()
    {
        foreach (var list in seen)
        {
            list.Clear();
        }
    }

    private void See(int entry)
    {
        var list = seen[entryWord[entry]];
        if (list.Count == 0 || list[^1] != entryPosition[entry])
        {
            list.Add(entryPosition[entry]);
        }
    }

    /// <summary>Whether the query holds for the positions seen so far.</summary>
    private bool Holds(QueryNode node) => node switch
    {
        WordNode w => seen[w.Word].Count > 0,
        AndNode a => Holds(a.Left) && Holds(a.Right),
        OrNode o => Holds(o.Left) || Holds(o.Right),
        PhraseNode p => PhraseHolds(p),
        _ => false,
    };

    /// <summary>Whether the phrase ends somewhere: its last word stands Distance after an end of the rest.</summary>
    private bool PhraseHolds(PhraseNode phrase)
    {
        foreach (var position in seen[phrase.RightWord])
        {
            if (EndsAt(phrase.Left, position - phrase.Distance))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a word, or a phrase of words, ends at <paramref name="position"/> (no allocation: this runs per entry of a cover scan).</summary>
    private bool EndsAt(QueryNode node, int position) => node switch
    {
        WordNode word => seen[word.Word].Contains(position),
        PhraseNode phrase => seen[phrase.RightWord].Contains(position) && EndsAt(phrase.Left, position - phrase.Distance),
        _ => false,
    };
}
