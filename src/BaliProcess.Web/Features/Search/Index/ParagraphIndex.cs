using System.Data.Common;
using System.Numerics;
using NpgsqlTypes;

namespace BaliProcess.Web.Features.Search.Index;

/// <summary>
/// An immutable in-memory copy of what a first search reads from <c>paragraphs</c>: each paragraph's stored
/// tsvector (as postings: for every lexeme the paragraphs and positions it has) and its facet values, so
/// that the total, all five facets and the top ranked ids of a search come from one pass in memory instead
/// of two passes over the matching rows in PostgreSQL (decision 0013).
///
/// It answers exactly what the SQL path answers: which paragraphs match is decided as PostgreSQL's
/// <c>@@</c> decides it, rank is <c>ts_rank_cd(search_vector, query, 1)</c> computed the same way (see
/// <see cref="CoverDensity"/>), ties by id, browsing in the SQL's newest-first order (taken from PostgreSQL
/// when the index is built), and the facet cells are those of the SQL's grouped pass.
/// </summary>
public sealed class ParagraphIndex
{
    private readonly int[] paragraphIds;   // by document number; documents are in paragraph id order
    private readonly int[] lengths;        // number of positions (PostgreSQL's cnt_length), for normalisation
    private readonly int[] cellOf;         // document -> facet cell
    private readonly int[] browseOrder;    // documents, newest first, as the SQL orders browsing
    private readonly FacetValues[] cells;  // distinct facet values
    private readonly int[] cellSizes;      // documents per cell
    private readonly Dictionary<string, Postings> postings;

    private ParagraphIndex(int[] paragraphIds, int[] lengths, int[] cellOf, int[] browseOrder, FacetValues[] cells, Dictionary<string, Postings> postings)
    {
        this.paragraphIds = paragraphIds;
        this.lengths = lengths;
        this.cellOf = cellOf;
        this.browseOrder = browseOrder;
        this.cells = cells;
        this.postings = postings;
        cellSizes = new int[cells.Length];
        foreach (var cell in cellOf)
        {
            cellSizes[cell]++;
        }
    }

    public int ParagraphCount => paragraphIds.Length;

    public int WordCount => postings.Count;

    /// <summary>The bytes held by the arrays (the largest part of the index's memory).</summary>
    public long ApproximateBytes =>
        (paragraphIds.Length * 4L * 4) + (cells.Length * 64L) +
        postings.Sum(p => 48L + (p.Key.Length * 2L) + (p.Value.Documents.Length * 8L) + 4 + (p.Value.Positions.Length * 2L));

    /// <summary>Reads every paragraph once. The connection must be open.</summary>
    public static async Task<ParagraphIndex> BuildAsync(DbConnection connection, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        // The newest-first order is PostgreSQL's own (NULLs first under DESC, as the browse query sorts).
        command.CommandText = """
            SELECT p.id, p.search_vector, p.year, p.meeting_kind, p.mechanism_id, p.theme_ids, p.member_ids,
                   (row_number() OVER (ORDER BY p.year DESC, s.date DESC, p.statement_id, p.sequence))::int - 1 AS browse
            FROM paragraphs AS p JOIN statements AS s ON s.id = p.statement_id
            WHERE NOT p.is_draft
            ORDER BY p.id
            """;
        command.CommandTimeout = 0;

        var ids = new List<int>();
        var lengths = new List<int>();
        var cellOf = new List<int>();
        var browseRank = new List<int>();
        var cellIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var cells = new List<FacetValues>();
        var builders = new Dictionary<string, PostingsBuilder>(StringComparer.Ordinal);

        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var document = ids.Count;
                ids.Add(reader.GetInt32(0));
                var vector = reader.GetFieldValue<NpgsqlTsVector>(1);
                var length = 0;
                foreach (var lexeme in vector)
                {
                    length += Math.Max(1, lexeme.Count);
                    if (!builders.TryGetValue(lexeme.Text, out var builder))
                    {
                        builder = new PostingsBuilder();
                        builders.Add(lexeme.Text, builder);
                    }

                    builder.Add(document, lexeme);
                }

                lengths.Add(length);
                var values = new FacetValues(
                    reader.IsDBNull(2) ? null : reader.GetInt32(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetInt32(4),
                    reader.IsDBNull(5) ? [] : reader.GetFieldValue<int[]>(5),
                    reader.IsDBNull(6) ? [] : reader.GetFieldValue<int[]>(6));
                var key = values.Key;
                if (!cellIndex.TryGetValue(key, out var cell))
                {
                    cell = cells.Count;
                    cellIndex.Add(key, cell);
                    cells.Add(values);
                }

                cellOf.Add(cell);
                browseRank.Add(reader.GetInt32(7));
            }
        }

        var browseOrder = new int[ids.Count];
        for (var document = 0; document < browseRank.Count; document++)
        {
            browseOrder[browseRank[document]] = document;
        }

        var frozen = new Dictionary<string, Postings>(builders.Count, StringComparer.Ordinal);
        foreach (var (word, builder) in builders)
        {
            frozen.Add(word, builder.Freeze());
        }

        return new ParagraphIndex([.. ids], [.. lengths], [.. cellOf], browseOrder, [.. cells], frozen);
    }

    /// <summary>
    /// The total, the facet cells of the grouped pass (every cell that misses at most one filter, with the
    /// filters it misses) and the first <paramref name="cap"/> result ids in order. No query: browsing.
    /// </summary>
    internal IndexAnswer Answer(TextQuery? query, IndexFilters filters, int cap)
    {
        var cellMisses = new int[cells.Length];
        for (var c = 0; c < cells.Length; c++)
        {
            cellMisses[c] = filters.Misses(cells[c]);
        }

        var cellCounts = new int[cells.Length];
        List<int> ranked;
        int total;
        if (query is null)
        {
            total = 0;
            for (var c = 0; c < cells.Length; c++)
            {
                cellCounts[c] = cellSizes[c];
                total += cellMisses[c] == 0 ? cellSizes[c] : 0;
            }

            ranked = new List<int>(Math.Min(cap, total));
            for (var i = 0; i < browseOrder.Length && ranked.Count < cap; i++)
            {
                var document = browseOrder[i];
                if (cellMisses[cellOf[document]] == 0)
                {
                    ranked.Add(paragraphIds[document]);
                }
            }
        }
        else
        {
            (ranked, total) = Rank(query, cellMisses, cellCounts, cap);
        }

        var facetCells = new List<FacetCell>();
        for (var c = 0; c < cells.Length; c++)
        {
            if (cellCounts[c] > 0 && BitOperations.PopCount((uint)cellMisses[c]) <= 1)
            {
                var v = cells[c];
                facetCells.Add(new FacetCell(v.Year, v.Kind, v.GroupId, v.ThemeIds, v.MemberIds, cellMisses[c], cellCounts[c]));
            }
        }

        return new IndexAnswer(total, ranked, facetCells);
    }

    private (List<int> Ranked, int Total) Rank(TextQuery query, int[] cellMisses, int[] cellCounts, int cap)
    {
        var words = query.Words.Select(w => postings.GetValueOrDefault(w) ?? Postings.Empty).ToArray();
        var candidates = Candidates(query.Root, words);
        var needsPositions = ContainsPhrase(query.Root); // words, & and |: the candidates are the matches
        var cursors = new int[words.Length];
        var scorer = new CoverDensity(query, words.Length);
        // Rank descending, then id ascending (document order is id order), as one number where smaller is
        // better. Only the best `cap` are kept (a bounded heap whose top is the worst kept), so a word found
        // in half a million paragraphs costs one comparison per paragraph, not a sort of all of them.
        var best = new PriorityQueue<ulong, ulong>(Math.Min(cap, candidates.Length) + 1, Comparer<ulong>.Create((a, b) => b.CompareTo(a)));
        var worstKept = ulong.MaxValue;
        var count = 0;
        for (var c = 0; c < candidates.Length; c++)
        {
            var document = candidates[c];
            var cell = cellOf[document];
            var misses = cellMisses[cell];
            if (misses != 0 && !needsPositions)
            {
                // Fails a filter: counted for that filter's facet only, and never ranked.
                if (BitOperations.PopCount((uint)misses) == 1)
                {
                    cellCounts[cell]++;
                }

                continue;
            }

            if (query.IsSingleWord)
            {
                scorer.SetPositions(0, words[0].PositionsAt(c)); // the candidates are that word's documents
            }
            else
            {
                for (var k = 0; k < words.Length; k++)
                {
                    var docs = words[k].Documents;
                    var cursor = cursors[k];
                    while (cursor < docs.Length && docs[cursor] < document)
                    {
                        cursor++;
                    }

                    cursors[k] = cursor;
                    scorer.SetPositions(k, cursor < docs.Length && docs[cursor] == document ? words[k].PositionsAt(cursor) : default);
                }

                if (needsPositions && !scorer.MatchesDocument())
                {
                    continue;
                }

                if (misses != 0)
                {
                    if (BitOperations.PopCount((uint)misses) == 1)
                    {
                        cellCounts[cell]++;
                    }

                    continue;
                }
            }

            cellCounts[cell]++;
            count++;
            var rank = scorer.Rank(lengths[document]);
            var key = ((ulong)(uint.MaxValue - BitConverter.SingleToUInt32Bits(rank)) << 32) | (uint)document;
            if (best.Count < cap)
            {
                best.Enqueue(key, key);
                worstKept = best.Peek();
            }
            else if (key < worstKept)
            {
                best.DequeueEnqueue(key, key);
                worstKept = best.Peek();
            }
        }

        var kept = new ulong[best.Count];
        for (var i = kept.Length - 1; i >= 0; i--)
        {
            kept[i] = best.Dequeue();
        }

        var ranked = new List<int>(kept.Length);
        foreach (var key in kept)
        {
            ranked.Add(paragraphIds[(int)(uint)key]);
        }

        return (ranked, count);
    }

    private static bool ContainsPhrase(QueryNode node) => node switch
    {
        PhraseNode => true,
        AndNode a => ContainsPhrase(a.Left) || ContainsPhrase(a.Right),
        OrNode o => ContainsPhrase(o.Left) || ContainsPhrase(o.Right),
        _ => false,
    };

    /// <summary>Documents that can match, ascending: exact for words, &amp; and |; a phrase's words all present (positions checked later).</summary>
    private static int[] Candidates(QueryNode node, Postings[] words) => node switch
    {
        WordNode w => words[w.Word].Documents,
        AndNode a => Intersect(Candidates(a.Left, words), Candidates(a.Right, words)),
        OrNode o => Union(Candidates(o.Left, words), Candidates(o.Right, words)),
        PhraseNode p => Intersect(Candidates(p.Left, words), words[p.RightWord].Documents),
        _ => throw new InvalidOperationException("Unknown query node."),
    };

    private static int[] Intersect(int[] a, int[] b)
    {
        var result = new List<int>(Math.Min(a.Length, b.Length));
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] < b[j])
            {
                i++;
            }
            else if (a[i] > b[j])
            {
                j++;
            }
            else
            {
                result.Add(a[i]);
                i++;
                j++;
            }
        }

        return [.. result];
    }

    private static int[] Union(int[] a, int[] b)
    {
        var result = new List<int>(a.Length + b.Length);
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            if (j >= b.Length || (i < a.Length && a[i] < b[j]))
            {
                result.Add(a[i++]);
            }
            else if (i >= a.Length || b[j] < a[i])
            {
                result.Add(b[j++]);
            }
            else
            {
                result.Add(a[i]);
                i++;
                j++;
            }
        }

        return [.. result];
    }

    /// <summary>One lexeme's documents (ascending) and, for each, its positions as PostgreSQL packs them (weight in the top two bits).</summary>
    internal sealed class Postings(int[] documents, int[] starts, ushort[] positions)
    {
        public static readonly Postings Empty = new([], [0], []);

        public int[] Documents { get; } = documents;

        public ushort[] Positions { get; } = positions;

        public ReadOnlyMemory<ushort> PositionsAt(int index) => Positions.AsMemory(starts[index], starts[index + 1] - starts[index]);
    }

    private sealed class PostingsBuilder
    {
        private readonly List<int> documents = [];
        private readonly List<int> starts = [0];
        private readonly List<ushort> positions = [];

        public void Add(int document, NpgsqlTsVector.Lexeme lexeme)
        {
            documents.Add(document);
            for (var i = 0; i < lexeme.Count; i++)
            {
                var entry = lexeme[i];
                positions.Add((ushort)(((int)entry.Weight << 14) | (entry.Pos & 0x3FFF)));
            }

            starts.Add(positions.Count);
        }

        public Postings Freeze() => new([.. documents], [.. starts], [.. positions]);
    }
}

/// <summary>A paragraph's facet values, as the columns kept by the database (decision 0008).</summary>
internal sealed record FacetValues(int? Year, string? Kind, int? GroupId, int[] ThemeIds, int[] MemberIds)
{
    public string Key => $"{Year}|{Kind}|{GroupId}|{string.Join(',', ThemeIds)}|{string.Join(',', MemberIds)}";
}

/// <summary>The filters in force, resolved to ids; <see cref="Misses"/> gives the <see cref="FacetBits"/> a paragraph fails.</summary>
internal sealed record IndexFilters(int? ThemeId, int? Year, string? Kind, int? GroupId, int? MemberId)
{
    public int Misses(FacetValues v)
    {
        // As in SQL, a missing value (NULL) fails an equality filter.
        var misses = 0;
        if (ThemeId is { } theme && Array.IndexOf(v.ThemeIds, theme) < 0)
        {
            misses |= (int)FacetBits.Theme;
        }

        if (Year is { } year && v.Year != year)
        {
            misses |= (int)FacetBits.Year;
        }

        if (Kind is { } kind && !string.Equals(v.Kind, kind, StringComparison.Ordinal))
        {
            misses |= (int)FacetBits.Kind;
        }

        if (GroupId is { } group && v.GroupId != group)
        {
            misses |= (int)FacetBits.Group;
        }

        if (MemberId is { } member && Array.IndexOf(v.MemberIds, member) < 0)
        {
            misses |= (int)FacetBits.Member;
        }

        return misses;
    }
}

internal sealed record IndexAnswer(int Total, List<int> RankedIds, List<FacetCell> Cells);
