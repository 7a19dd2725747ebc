using System.Globalization;
using BaliProcess.Web.Features.Search;
using BaliProcess.Web.Features.Search.Index;
using NpgsqlTypes;

namespace BaliProcess.Web.UnitTests.Search;

/// <summary>
/// An index updated with changed paragraphs (decision 0027) must answer every search exactly as an index built from
/// scratch over the same paragraphs: the same matches, ranks and ties (by paragraph id), the same totals and facet
/// cells, the same newest-first browsing and the same first pages. Checked on a generated corpus (few words, so ranks
/// tie often; statements with and without dates and years) through a chain of updates of every kind: a statement
/// published, paragraphs rewritten and re-tagged, hidden, removed and published again, a statement re-dated.
/// </summary>
public sealed class ParagraphIndexUpdateTests
{
    private static readonly string[] Words = [.. Enumerable.Range(0, 24).Select(i => "w" + i.ToString("00", CultureInfo.InvariantCulture))];

    [Fact]
    public void An_index_updated_step_by_step_answers_every_search_as_a_full_build_of_the_same_paragraphs()
    {
        var random = new Random(27);
        var corpus = new Corpus(random);
        for (var s = 0; s < 40; s++)
        {
            corpus.AddStatement(random.Next(3, 25));
        }

        // Drafts inserted before the last published statements: their ids fall among the published ones.
        var drafts = corpus.AddStatement(20, draft: true);
        corpus.AddStatement(12);
        var index = ParagraphIndex.Build(corpus.Published);
        AssertSameAnswers(ParagraphIndex.Build(corpus.Published), index, random);

        // 1. The draft statement is published: 20 new paragraphs, ids below others.
        index = index.Update(corpus.Publish(drafts), [], null);
        AssertSameAnswers(ParagraphIndex.Build(corpus.Published), index, random);

        // 2. Paragraphs rewritten and re-tagged (some of them appended by the last update), some hidden, some removed.
        var published = corpus.Published.ToList();
        var rewritten = published.Where((_, i) => i % 9 == 0).Select(p => corpus.Rewrite(p.Id)).ToList();
        var hidden = published.Where((_, i) => i % 13 == 5).Select(p => corpus.Hide(p.Id)).ToList();
        var removed = published.Where((_, i) => i % 17 == 3).Select(p => corpus.Remove(p.Id)).ToList();
        index = index.Update(rewritten, [.. hidden, .. removed, 999_999], null); // an id it never held is ignored
        AssertSameAnswers(ParagraphIndex.Build(corpus.Published), index, random);

        // 3. A statement re-dated (all of its paragraphs), and some hidden ones published again with new text.
        var redated = corpus.Redate(corpus.Published.First().StatementId, new DateOnly(2030, 1, 1));
        var again = hidden.Take(3).Select(corpus.Unhide).ToList();
        index = index.Update([.. redated, .. again], [], null);
        AssertSameAnswers(ParagraphIndex.Build(corpus.Published), index, random);

        Assert.Equal(corpus.Published.Count(), index.ParagraphCount);
        Assert.True(index.RemovedCount > 40, $"{index.RemovedCount} tombstones: the updates replaced documents rather than rebuilding");
    }

    [Fact]
    public void An_update_is_declined_for_many_changes_or_many_tombstones()
    {
        var random = new Random(5);
        var corpus = new Corpus(random);
        for (var s = 0; s < 200; s++)
        {
            corpus.AddStatement(10);
        }

        var index = ParagraphIndex.Build(corpus.Published);
        Assert.True(index.TakesUpdateOf(20));     // one new statement
        Assert.True(index.TakesUpdateOf(1_000));  // at least a thousand, and one in twenty of a large index
        Assert.False(index.TakesUpdateOf(1_001)); // a seed reload: build again

        // Tombstones: once they would be more than a tenth of the documents (at least a thousand), a full build
        // hands their memory back.
        index = index.Update([.. corpus.Published.Take(1_000).Select(p => corpus.Rewrite(p.Id))], [], null);
        Assert.Equal(1_000, index.RemovedCount);
        Assert.False(index.TakesUpdateOf(1));
    }

    /// <summary>Searches of every shape the index answers, each with several filters and result caps.</summary>
    private static void AssertSameAnswers(ParagraphIndex expected, ParagraphIndex actual, Random random)
    {
        Assert.Equal(expected.ParagraphCount, actual.ParagraphCount);
        var queries = new List<string?> { null };
        queries.AddRange(Words.Select(w => $"'{w}'"));
        for (var i = 0; i < 12; i++)
        {
            string W() => $"'{Words[random.Next(Words.Length)]}'";
            queries.Add($"{W()} & {W()}");
            queries.Add($"{W()} | {W()}");
            queries.Add($"{W()} <-> {W()}");
            queries.Add($"{W()} <2> {W()} & {W()}");
            queries.Add($"( {W()} | {W()} ) & {W()}");
        }

        queries.Add("'nowhere'");
        IndexFilters[] filters =
        [
            new(null, null, null, null, null), new(2, null, null, null, null), new(null, 2015, null, null, null),
            new(null, null, "Workshop", null, null), new(null, null, null, 1, null), new(null, null, null, null, 12),
            new(1, 2010, null, null, null), new(3, null, "MinisterialConference", 2, 14), new(null, 2030, null, null, null),
        ];
        foreach (var printed in queries)
        {
            var query = printed is null ? null : TextQuery.TryParse(printed) ?? throw new InvalidOperationException(printed);
            foreach (var filter in filters)
            {
                foreach (var cap in new[] { int.MaxValue, SearchService.PageSize })
                {
                    var a = expected.Answer(query, filter, cap);
                    var b = actual.Answer(query, filter, cap);
                    var what = $"{printed ?? "(browse)"} {filter} cap {cap}";
                    Assert.True(a.RankedIds.SequenceEqual(b.RankedIds), $"{what}: {string.Join(',', a.RankedIds.Take(10))}… against {string.Join(',', b.RankedIds.Take(10))}…");
                    Assert.Equal(a.Total, b.Total);
                    Assert.Equal(Cells(a), Cells(b));
                }
            }
        }
    }

    private static List<string> Cells(IndexAnswer answer) =>
        [.. answer.Cells.Select(c => $"{c.Year}|{c.Kind}|{c.GroupId}|{string.Join(',', c.ThemeIds)}|{string.Join(',', c.MemberIds)}|{c.Misses}={c.Count}").Order(StringComparer.Ordinal)];

    /// <summary>Statements and their paragraphs as the database would hold them, with ids given in insertion order.</summary>
    private sealed class Corpus(Random random)
    {
        private readonly Dictionary<int, Row> rows = [];
        private readonly Dictionary<int, DateOnly?> dates = [];
        private int nextId = 100;
        private int nextStatement = 1;

        public IEnumerable<IndexedParagraph> Published =>
            rows.Values.Where(r => !r.Draft && !r.Removed).OrderBy(r => r.Paragraph.Id).Select(r => r.Paragraph with { Date = dates[r.Paragraph.StatementId] });

        public List<int> AddStatement(int paragraphs, bool draft = false)
        {
            var statement = nextStatement++;
            int? year = random.Next(12) == 0 ? null : 2005 + random.Next(20);
            dates[statement] = year is null || random.Next(8) == 0 ? null : new DateOnly(year.Value, 1 + random.Next(12), 1 + random.Next(28));
            var facets = new FacetValues(year, random.Next(3) switch { 0 => null, 1 => "Workshop", _ => "MinisterialConference" }, random.Next(4) == 0 ? null : 1 + random.Next(3), [], []);
            var ids = new List<int>();
            for (var sequence = 1; sequence <= paragraphs; sequence++)
            {
                var id = nextId;
                nextId += 1 + random.Next(3);
                // Now and then two paragraphs share a place (the id decides between them, in SQL and here).
                var place = random.Next(15) == 0 ? Math.Max(1, sequence - 1) : sequence;
                rows[id] = new Row(new IndexedParagraph(id, Text(), facets with { ThemeIds = Some(1, 6), MemberIds = Some(10, 16) }, null, statement, place), draft, false);
                ids.Add(id);
            }

            return ids;
        }

        public List<IndexedParagraph> Publish(List<int> ids) => [.. ids.Select(Unhide)];

        public IndexedParagraph Rewrite(int id)
        {
            var row = rows[id];
            rows[id] = row with { Paragraph = row.Paragraph with { Vector = Text(), Facets = row.Paragraph.Facets with { ThemeIds = Some(1, 6) } } };
            return Current(id);
        }

        public int Hide(int id)
        {
            rows[id] = rows[id] with { Draft = true };
            return id;
        }

        public IndexedParagraph Unhide(int id)
        {
            rows[id] = rows[id] with { Draft = false };
            return Rewrite(id);
        }

        public int Remove(int id)
        {
            rows[id] = rows[id] with { Removed = true };
            return id;
        }

        /// <summary>A statement's date changed: every published paragraph of it, as the change query reads them.</summary>
        public List<IndexedParagraph> Redate(int statement, DateOnly date)
        {
            dates[statement] = date;
            return [.. Published.Where(p => p.StatementId == statement)];
        }

        private IndexedParagraph Current(int id) => rows[id].Paragraph with { Date = dates[rows[id].Paragraph.StatementId] };

        /// <summary>A few words, frequent ones more often, some repeated: "'w03':1,7 'w11':2".</summary>
        private NpgsqlTsVector Text()
        {
            var positions = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
            var length = 3 + random.Next(18);
            for (var position = 1; position <= length; position++)
            {
                var word = Words[Math.Min(Words.Length - 1, (int)(Words.Length * Math.Pow(random.NextDouble(), 2)))];
                if (!positions.TryGetValue(word, out var list))
                {
                    positions[word] = list = [];
                }

                list.Add(position);
            }

            // Obsolete for text PostgreSQL would parse (stemming, stop words); these vectors are already PostgreSQL's
            // output form, which is all the client parser has to read, and NpgsqlTsVector has no public constructor.
#pragma warning disable CS0618
            return NpgsqlTsVector.Parse(string.Join(' ', positions.Select(p => $"'{p.Key}':{string.Join(',', p.Value)}")));
#pragma warning restore CS0618
        }

        private int[] Some(int from, int to) => [.. Enumerable.Range(from, to - from + 1).Where(_ => random.Next(3) == 0)];

        private sealed record Row(IndexedParagraph Paragraph, bool Draft, bool Removed);
    }
}
