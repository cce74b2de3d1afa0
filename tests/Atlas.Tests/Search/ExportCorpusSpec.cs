using Atlas.Search;
using Atlas.Search.Export;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Atlas.Tests.Search;

/// <summary>The export reads the passages without Lucene: it must see exactly the postings, norms and statistics Lucene holds.</summary>
public class ExportCorpusSpec
{
    private static IReadOnlyList<PassageRecord> Passages()
    {
        var edge = SearchFixtures.Programme("zz-edge", "Hà Nội",
            "— … —",                                                        // no word at all: no norm
            "Công nghiệp hóa, hiện đại hoá; thuỷ lợi và thủy sản",           // both tone placements
            "Cong nghie\u0323\u0302p hoa\u0301 NFD " + new string('x', 80) + " sau từ quá dài", // NFD input, an over-long word
            "Đà Nẵng đà nẵng ĐÀ NẴNG đa nang");
        var seeds = SearchFixtures.SeedLines();
        var model = SearchFixtures.Model(seeds.Programmes.Select(p => p.Programme).Append(edge));
        return PassageIndex.Records(model);
    }

    [Fact]
    public void Every_posting_norm_and_statistic_equals_the_lucene_index()
    {
        var passages = Passages();
        var corpus = ExportCorpus.Of(passages);
        using var index = PassageIndex.Build(passages);
        var segment = index.Segment;
        Assert.Equal(index.Passages.Count, corpus.MaxDoc);
        Assert.Equal(index.Searcher.CollectionStatistics(PassageFields.Text).SumTotalTermFreq, corpus.SumTotalTermFreq);
        Assert.Equal(index.Searcher.CollectionStatistics(PassageFields.Folded).SumTotalTermFreq, corpus.SumTotalTermFreq);
        var textNorms = segment.GetNormValues(PassageFields.Text);
        var foldedNorms = segment.GetNormValues(PassageFields.Folded);
        for (int d = 0; d < corpus.MaxDoc; d++)
        {
            Assert.Equal((byte)textNorms.Get(d), corpus.Norms[d]);
            Assert.Equal((byte)foldedNorms.Get(d), corpus.Norms[d]);
        }
        int checkedTerms = 0;
        foreach (var (field, tag) in new[] { (PassageFields.Folded, "f"), (PassageFields.Text, "t") })
        {
            var ours = corpus.Terms.Where(t => t.Field == tag).ToDictionary(t => t.Term, StringComparer.Ordinal);
            var te = segment.GetTerms(field).GetEnumerator();
            DocsAndPositionsEnum? dpe = null;
            int count = 0;
            while (te.MoveNext())
            {
                var term = te.Term.Utf8ToString();
                Assert.True(ours.TryGetValue(term, out var mine), $"{tag}:{term} missing");
                dpe = te.DocsAndPositions(null, dpe);
                int i = 0;
                while (dpe.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    Assert.Equal(dpe.DocID, mine!.Docs[i]);
                    Assert.Equal(dpe.Freq, mine.Freqs[i]);
                    for (int k = 0; k < dpe.Freq; k++) Assert.Equal(dpe.NextPosition(), mine.Positions[i][k]);
                    i++;
                }
                Assert.Equal(mine!.Docs.Length, i);
                count++;
            }
            Assert.Equal(ours.Count, count);
            checkedTerms += count;
        }
        Assert.True(checkedTerms > 1000);
        Assert.Contains(corpus.Terms, t => t.Field == "t" && t.Term == "hoá");
        Assert.DoesNotContain(corpus.Terms, t => t.Term == "hóa");
        Assert.Equal(255, corpus.Norms[passages.Single(p => p.Text.StartsWith("— …", StringComparison.Ordinal)).Doc]);
    }

    [Fact]
    public void Adjacent_pairs_are_every_pair_of_folded_words_at_consecutive_positions_in_pair_text_order()
    {
        var passages = Passages();
        var corpus = ExportCorpus.Of(passages);
        // The pairs rebuilt the slow way from the positions of the folded postings.
        var expected = new SortedDictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        var byDoc = new Dictionary<int, SortedDictionary<int, string>>();
        foreach (var t in corpus.Terms.Where(t => t.Field == "f"))
            for (int i = 0; i < t.Docs.Length; i++)
                foreach (var pos in t.Positions[i])
                {
                    if (!byDoc.TryGetValue(t.Docs[i], out var words)) byDoc[t.Docs[i]] = words = [];
                    words[pos] = t.Term;
                }
        foreach (var (doc, words) in byDoc)
            foreach (var (pos, word) in words)
                if (words.TryGetValue(pos + 1, out var next))
                {
                    var pair = word + " " + next;
                    if (!expected.TryGetValue(pair, out var docs)) expected[pair] = docs = [];
                    docs.Add(doc);
                }
        var actual = corpus.Pairs.Select(p => (Pair: corpus.Folded.Terms[p.First] + " " + corpus.Folded.Terms[p.Second], p.Docs)).ToList();
        Assert.Equal(expected.Keys, actual.Select(p => p.Pair));
        foreach (var (pair, docs) in actual) Assert.Equal(expected[pair], docs);
        // The over-long word breaks adjacency: the words around it are no pair.
        Assert.DoesNotContain("nfd sau", expected.Keys);
        Assert.Contains("hoa nfd", expected.Keys);
    }
}
