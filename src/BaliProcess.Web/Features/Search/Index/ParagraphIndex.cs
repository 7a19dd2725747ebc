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
/// <see cref="CoverDensity"/>), ties by paragraph id, browsing newest first in the SQL's order (year, date,
/// statement, sequence, then id), and the facet cells are those of the SQL's grouped pass.
///
/// After a change it is not rebuilt from every paragraph but <see cref="Update">updated</see> with the paragraphs
/// changed since its database snapshot (decision 0027): their old documents are marked removed, their new versions
/// appended as new documents, and the answers are exactly those of a full build over the same rows (ties and
/// browsing go by paragraph id and browse place, never by document number).
/// </summary>
public sealed class ParagraphIndex
{
    /// <summary>The cell of a document whose paragraph has since been changed, hidden or removed (a tombstone).</summary>
    private const int Removed = -1;

    private readonly int[] paragraphIds;   // by document number
    private readonly int sortedDocuments;  // documents [0, sortedDocuments) are in id order (the full build); later ones were appended
    private readonly int[] lengths;        // number of positions (PostgreSQL's cnt_length), for normalisation
    private readonly int[] cellOf;         // document -> facet cell, or Removed
    private readonly BrowsePlace[] places; // document -> its place in the newest-first order of browsing
    private readonly int[] browseOrder;    // live documents, newest first, as the SQL orders browsing
    private readonly FacetValues[] cells;  // distinct facet values
    private readonly int[] cellSizes;      // live documents per cell
    private readonly Dictionary<string, Postings> postings;      // the documents of the full build
    private readonly Dictionary<string, Postings> addedPostings; // the documents appended since, by updates

    private ParagraphIndex(
        int[] paragraphIds, int sortedDocuments, int[] lengths, int[] cellOf, BrowsePlace[] places, int[] browseOrder,
        FacetValues[] cells, Dictionary<string, Postings> postings, Dictionary<string, Postings> addedPostings, string? snapshot)
    {
        this.paragraphIds = paragraphIds;
        this.sortedDocuments = sortedDocuments;
        this.lengths = lengths;
        this.cellOf = cellOf;
        this.places = places;
        this.browseOrder = browseOrder;
        this.cells = cells;
        this.postings = postings;
        this.addedPostings = addedPostings;
        Snapshot = snapshot;
        cellSizes = new int[cells.Length];
        foreach (var cell in cellOf)
        {
            if (cell != Removed)
            {
                cellSizes[cell]++;
            }
        }
    }

    /// <summary>Paragraphs the index answers for (published, as they are now).</summary>
    public int ParagraphCount => browseOrder.Length;

    /// <summary>Documents kept only as tombstones: earlier versions of changed paragraphs, and removed or hidden ones.</summary>
    public int RemovedCount => paragraphIds.Length - browseOrder.Length;

    public int WordCount => postings.Count + addedPostings.Keys.Count(word => !postings.ContainsKey(word));

    /// <summary>
    /// The PostgreSQL snapshot (<c>pg_current_snapshot()</c>, as text) whose rows this index holds: what changed since is
    /// what that snapshot does not see (<see cref="ParagraphRows.ReadChangesAsync"/>). Null for an index of rows given by hand.
    /// </summary>
    public string? Snapshot { get; }

    /// <summary>The bytes held by the arrays (the largest part of the index's memory).</summary>
    public long ApproximateBytes =>
        (paragraphIds.Length * 4L * 4) + (places.Length * 16L) + (cells.Length * 64L) +
        postings.Concat(addedPostings).Sum(p => 48L + (p.Key.Length * 2L) + (p.Value.Documents.Length * 8L) + 4 + (p.Value.Positions.Length * 2L));

    /// <summary>Reads every published paragraph once, in one snapshot. The connection must be open.</summary>
    public static Task<ParagraphIndex> BuildAsync(DbConnection connection, CancellationToken ct = default) =>
        ParagraphRows.BuildAsync(connection, ct);

    /// <summary>An index of the given paragraphs (any order), as of <paramref name="snapshot"/>.</summary>
    public static ParagraphIndex Build(IEnumerable<IndexedParagraph> paragraphs, string? snapshot = null)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var writer = new Writer();
        foreach (var paragraph in paragraphs.OrderBy(p => p.Id))
        {
            writer.Add(paragraph);
        }

        return writer.Finish(snapshot);
    }

    /// <summary>
    /// This index with the paragraphs written or removed since its <see cref="Snapshot"/> (itself when there are none),
    /// read from the database in a new snapshot; null when a full build is the way: no snapshot, too many changes, or
    /// changes that cannot be known (decision 0027). The connection must be open.
    /// </summary>
    public async Task<ParagraphIndex?> UpdatedAsync(DbConnection connection, CancellationToken ct = default)
    {
        if (Snapshot is null)
        {
            return null;
        }

        var changes = await ParagraphRows.ReadChangesAsync(connection, Snapshot, UpdateLimit, ct);
        if (changes is null || !TakesUpdateOf(changes.Count))
        {
            return null;
        }

        return changes.Count == 0 ? this : Update(changes.Changed, changes.Gone, changes.Snapshot);
    }

    /// <summary>
    /// Whether <see cref="Update"/> is the cheaper way to take in <paramref name="changes"/> changed or removed
    /// paragraphs: not when they are many (a seed reload, a bulk correction), and not when tombstones would make up
    /// more than a tenth of the documents (a full build then hands their memory back).
    /// </summary>
    public bool TakesUpdateOf(int changes) =>
        changes <= UpdateLimit && RemovedCount + changes <= Math.Max(MinUpdateLimit, paragraphIds.Length / 10);

    /// <summary>The most changed or removed paragraphs an update takes (one in twenty, at least <see cref="MinUpdateLimit"/>).</summary>
    public int UpdateLimit => Math.Max(MinUpdateLimit, ParagraphCount / 20);

    /// <summary>Below this many changes an update is always taken (small corpora).</summary>
    private const int MinUpdateLimit = 1_000;

    /// <summary>
    /// A new index: this one with <paramref name="changed"/> (paragraphs as they are now, published) in place of their
    /// earlier versions, and without <paramref name="gone"/> (ids of paragraphs removed, hidden or withdrawn; ids the
    /// index does not hold are ignored). This index is not modified: searches keep using it until the new one is
    /// installed. Costs the postings of the words the changed paragraphs contain, not a pass over every paragraph.
    /// </summary>
    public ParagraphIndex Update(IReadOnlyCollection<IndexedParagraph> changed, IEnumerable<int> gone, string? snapshot)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(gone);
        var goneIds = gone.ToHashSet();
        changed = [.. changed.Where(p => !goneIds.Contains(p.Id))]; // gone wins: it cannot be both as of one snapshot
        var live = FindLiveDocuments();
        var newCellOf = new int[paragraphIds.Length + changed.Count];
        Array.Copy(cellOf, newCellOf, cellOf.Length);
        var newlyRemoved = 0;
        foreach (var id in changed.Select(p => p.Id).Concat(goneIds))
        {
            if (live(id) is { } document)
            {
                newCellOf[document] = Removed;
                newlyRemoved++;
            }
        }

        var newIds = new int[newCellOf.Length];
        var newLengths = new int[newCellOf.Length];
        var newPlaces = new BrowsePlace[newCellOf.Length];
        Array.Copy(paragraphIds, newIds, paragraphIds.Length);
        Array.Copy(lengths, newLengths, lengths.Length);
        Array.Copy(places, newPlaces, places.Length);
        var newCells = new List<FacetValues>(cells);
        var cellIndex = new Dictionary<string, int>(cells.Length, StringComparer.Ordinal);
        for (var c = 0; c < cells.Length; c++)
        {
            cellIndex.Add(cells[c].Key, c);
        }

        // Appended in id order, so that a word's postings stay in document order and the same rows give the same index.
        var appended = new Dictionary<string, List<(int Document, NpgsqlTsVector.Lexeme Lexeme)>>(StringComparer.Ordinal);
        var newDocument = paragraphIds.Length;
        var added = new List<int>(changed.Count);
        foreach (var paragraph in changed.OrderBy(p => p.Id))
        {
            newIds[newDocument] = paragraph.Id;
            newPlaces[newDocument] = paragraph.Place;
            newCellOf[newDocument] = CellFor(paragraph.Facets, cellIndex, newCells);
            var length = 0;
            foreach (var lexeme in paragraph.Vector)
            {
                length += Math.Max(1, lexeme.Count);
                if (!appended.TryGetValue(lexeme.Text, out var list))
                {
                    list = [];
                    appended.Add(lexeme.Text, list);
                }

                list.Add((newDocument, lexeme));
            }

            newLengths[newDocument] = length;
            added.Add(newDocument);
            newDocument++;
        }

        // The full build's postings are shared as they are (copying a common word's would cost more than the rest of
        // the update at a million paragraphs); the appended documents have postings of their own, searched after them.
        var newAddedPostings = new Dictionary<string, Postings>(addedPostings, StringComparer.Ordinal);
        foreach (var (word, entries) in appended)
        {
            newAddedPostings[word] = (addedPostings.GetValueOrDefault(word) ?? Postings.Empty).Append(entries);
        }

        // The browse order: the old one without the removed documents, with the added ones where the same order puts
        // them (found by binary search: the old order is sorted by the same comparer, removed documents keep their places).
        var comparer = new BrowseComparer(newPlaces, newIds);
        added.Sort(comparer);
        var insertAt = added.Select(d => Array.BinarySearch(browseOrder, d, comparer)).Select(i => i < 0 ? ~i : i).ToArray();
        var newBrowse = new int[browseOrder.Length - newlyRemoved + added.Count];
        int next = 0, at = 0;
        for (var k = 0; k <= browseOrder.Length; k++)
        {
            while (next < added.Count && insertAt[next] == k)
            {
                newBrowse[at++] = added[next++];
            }

            if (k < browseOrder.Length && newCellOf[browseOrder[k]] != Removed)
            {
                newBrowse[at++] = browseOrder[k];
            }
        }

        return new ParagraphIndex(newIds, sortedDocuments, newLengths, newCellOf, newPlaces, newBrowse, [.. newCells], postings, newAddedPostings, snapshot);
    }

    /// <summary>
    /// The live document of a paragraph id, if any: by binary search over the documents of the full build (in id order),
    /// then among the few appended since.
    /// </summary>
    private Func<int, int?> FindLiveDocuments()
    {
        var appended = new Dictionary<int, int>();
        for (var d = sortedDocuments; d < paragraphIds.Length; d++)
        {
            if (cellOf[d] != Removed)
            {
                appended[paragraphIds[d]] = d;
            }
        }

        return id =>
        {
            var found = Array.BinarySearch(paragraphIds, 0, sortedDocuments, id);
            if (found >= 0 && cellOf[found] != Removed)
            {
                return found;
            }

            return appended.TryGetValue(id, out var d) ? d : null;
        };
    }

    private static int CellFor(FacetValues values, Dictionary<string, int> cellIndex, List<FacetValues> cells)
    {
        var key = values.Key;
        if (!cellIndex.TryGetValue(key, out var cell))
        {
            cell = cells.Count;
            cellIndex.Add(key, cell);
            cells.Add(values);
        }

        return cell;
    }

    /// <summary>Collects paragraphs in ascending id order (a full build) and freezes them into an index.</summary>
    internal sealed class Writer
    {
        private readonly List<int> ids = [];
        private readonly List<int> lengths = [];
        private readonly List<int> cellOf = [];
        private readonly List<BrowsePlace> places = [];
        private readonly Dictionary<string, int> cellIndex = new(StringComparer.Ordinal);
        private readonly List<FacetValues> cells = [];
        private readonly Dictionary<string, PostingsBuilder> builders = new(StringComparer.Ordinal);

        public void Add(IndexedParagraph paragraph)
        {
            if (ids.Count > 0 && paragraph.Id <= ids[^1])
            {
                throw new ArgumentException("Paragraphs must come in ascending id order.", nameof(paragraph));
            }

            var document = ids.Count;
            ids.Add(paragraph.Id);
            var length = 0;
            foreach (var lexeme in paragraph.Vector)
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
            cellOf.Add(CellFor(paragraph.Facets, cellIndex, cells));
            places.Add(paragraph.Place);
        }

        public ParagraphIndex Finish(string? snapshot)
        {
            int[] idArray = [.. ids];
            BrowsePlace[] placeArray = [.. places];
            var browseOrder = new int[idArray.Length];
            for (var d = 0; d < browseOrder.Length; d++)
            {
                browseOrder[d] = d;
            }

            Array.Sort(browseOrder, new BrowseComparer(placeArray, idArray));
            var frozen = new Dictionary<string, Postings>(builders.Count, StringComparer.Ordinal);
            foreach (var (word, builder) in builders)
            {
                frozen.Add(word, builder.Freeze());
            }

            return new ParagraphIndex(idArray, idArray.Length, [.. lengths], [.. cellOf], placeArray, browseOrder, [.. cells], frozen, [], snapshot);
        }
    }

    /// <summary>
    /// Newest first, as the SQL browses: <c>ORDER BY p.year DESC, s.date DESC, p.statement_id, p.sequence, p.id</c>
    /// (PostgreSQL puts NULLs first in a descending order).
    /// </summary>
    private sealed class BrowseComparer(BrowsePlace[] places, int[] ids) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            ref readonly var a = ref places[x];
            ref readonly var b = ref places[y];
            var c = b.YearKey.CompareTo(a.YearKey);
            if (c == 0)
            {
                c = b.DateKey.CompareTo(a.DateKey);
            }

            if (c == 0)
            {
                c = a.StatementId.CompareTo(b.StatementId);
            }

            if (c == 0)
            {
                c = a.Sequence.CompareTo(b.Sequence);
            }

            return c != 0 ? c : ids[x].CompareTo(ids[y]);
        }
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
        // Rank descending, then paragraph id ascending (not document order: updates append), as one number where smaller is
        // better. Only the best `cap` are kept (a bounded heap whose top is the worst kept), so a word found
        // in half a million paragraphs costs one comparison per paragraph, not a sort of all of them.
        var best = new TopRanked(cap);
        var count = RankIn(postings, query, cellMisses, cellCounts, best);
        if (addedPostings.Count > 0)
        {
            count += RankIn(addedPostings, query, cellMisses, cellCounts, best); // the documents updates appended
        }

        return (best.IdsInOrder(), count);
    }

    /// <summary>Matches, counts and ranks the documents of one set of postings; returns how many matched every filter.</summary>
    private int RankIn(Dictionary<string, Postings> segment, TextQuery query, int[] cellMisses, int[] cellCounts, TopRanked best)
    {
        var words = query.Words.Select(w => segment.GetValueOrDefault(w) ?? Postings.Empty).ToArray();
        var candidates = Candidates(query.Root, words);
        var needsPositions = ContainsPhrase(query.Root); // words, & and |: the candidates are the matches
        var cursors = new int[words.Length];
        var scorer = new CoverDensity(query, words.Length);
        var count = 0;
        for (var c = 0; c < candidates.Length; c++)
        {
            var document = candidates[c];
            var cell = cellOf[document];
            if (cell == Removed)
            {
                continue; // an earlier version of a changed paragraph, or one removed since
            }

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
            best.Offer(((ulong)(uint.MaxValue - BitConverter.SingleToUInt32Bits(rank)) << 32) | (uint)paragraphIds[document]);
        }

        return count;
    }

    /// <summary>The best <c>cap</c> keys (rank, then paragraph id; smaller is better) offered, in a heap whose top is the worst kept.</summary>
    private sealed class TopRanked(int cap)
    {
        private readonly PriorityQueue<ulong, ulong> heap = new(Math.Min(cap, 4096) + 1, Comparer<ulong>.Create((a, b) => b.CompareTo(a)));
        private ulong worstKept = ulong.MaxValue;

        public void Offer(ulong key)
        {
            if (heap.Count < cap)
            {
                heap.Enqueue(key, key);
                worstKept = heap.Peek();
            }
            else if (key < worstKept)
            {
                heap.DequeueEnqueue(key, key);
                worstKept = heap.Peek();
            }
        }

        public List<int> IdsInOrder()
        {
            var kept = new ulong[heap.Count];
            for (var i = kept.Length - 1; i >= 0; i--)
            {
                kept[i] = heap.Dequeue();
            }

            return [.. kept.Select(key => (int)(uint)key)];
        }
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

        public int[] Documents => documents;

        public ushort[] Positions => positions;

        public ReadOnlyMemory<ushort> PositionsAt(int index) => Positions.AsMemory(starts[index], starts[index + 1] - starts[index]);

        /// <summary>A copy with <paramref name="entries"/> (documents after every one held, ascending) at the end.</summary>
        public Postings Append(List<(int Document, NpgsqlTsVector.Lexeme Lexeme)> entries)
        {
            var builder = new PostingsBuilder(documents.Length + entries.Count, positions.Length + (entries.Count * 2));
            builder.AddAll(documents, starts, positions);
            foreach (var (document, lexeme) in entries)
            {
                builder.Add(document, lexeme);
            }

            return builder.Freeze();
        }
    }

    private sealed class PostingsBuilder(int documentCapacity = 0, int positionCapacity = 0)
    {
        private readonly List<int> documents = new(documentCapacity);
        private readonly List<int> starts = new(documentCapacity + 1) { 0 };
        private readonly List<ushort> positions = new(positionCapacity);

        public void AddAll(int[] documents, int[] starts, ushort[] positions)
        {
            this.documents.AddRange(documents);
            for (var i = 1; i < starts.Length; i++)
            {
                this.starts.Add(starts[i]);
            }

            this.positions.AddRange(positions);
        }

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

/// <summary>One published paragraph as the index takes it: its stored tsvector, facet values and place in browsing.</summary>
public sealed record IndexedParagraph(int Id, NpgsqlTsVector Vector, FacetValues Facets, DateOnly? Date, int StatementId, int Sequence)
{
    internal BrowsePlace Place => new(Facets.Year ?? int.MaxValue, Date?.DayNumber ?? int.MaxValue, StatementId, Sequence);
}

/// <summary>The columns browsing sorts by; a missing year or date as the largest value (first, newest first, as in PostgreSQL).</summary>
internal readonly record struct BrowsePlace(int YearKey, int DateKey, int StatementId, int Sequence);

/// <summary>A paragraph's facet values, as the columns kept by the database (decision 0008).</summary>
public sealed record FacetValues(int? Year, string? Kind, int? GroupId, int[] ThemeIds, int[] MemberIds)
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
