using Lucene.Net.Util;

namespace Atlas.Search.Export;

/// <summary>One term of one field with its postings in document order (positions per posting).</summary>
internal sealed record TermPostings(string Field, string Term, int[] Docs, int[] Freqs, int[][] Positions);

/// <summary>
/// What the browser export needs of the index — every term's postings with positions, Lucene's norm byte per passage
/// and the collection statistics — computed straight from the passages with the analyzer's rules
/// (<see cref="AnalysedPassage"/>), exactly as <see cref="PassageIndex"/> would hold them. The build therefore needs no
/// Lucene index at all (it was half of the export's time at 1,000 programmes); <c>ExportCorpusSpec</c> checks that
/// every posting, norm and statistic equals the Lucene index's.
/// </summary>
internal sealed class ExportCorpus
{
    public required int MaxDoc { get; init; }
    /// <summary>Lucene's norm byte (BM25Similarity: 1/√length, SmallFloat 3.15); both fields have the same length.</summary>
    public required byte[] Norms { get; init; }
    public required long SumTotalTermFreq { get; init; }
    /// <summary>Field "f" (folded) and "t" (exact) terms, each field's terms in ordinal order.</summary>
    public required List<TermPostings> Terms { get; init; }

    public static ExportCorpus Of(IReadOnlyList<PassageRecord> passages)
    {
        int maxDoc = passages.Count;
        var analysed = new AnalysedPassage[maxDoc];
        Parallel.For(0, maxDoc, () => new Dictionary<string, string>(StringComparer.Ordinal), (i, _, folds) =>
        {
            analysed[i] = AnalysedPassage.Of(passages[i].Text, folds);
            return folds;
        }, _ => { });
        var norms = new byte[maxDoc];
        long sum = 0;
        for (int d = 0; d < maxDoc; d++)
        {
            int length = analysed[d].Exact.Length;
            sum += length;
            // As BM25Similarity.ComputeNorm (a field without tokens: 1/√0 = ∞ → 255, as Lucene stores it).
            norms[d] = SmallSingle.SingleToByte315(1f / (float)Math.Sqrt(length));
        }
        var terms = new List<TermPostings>();
        // The two fields are independent: built side by side.
        var fields = new[] { "f", "t" };
        var perField = new List<TermPostings>[2];
        Parallel.For(0, 2, f => perField[f] = Collect(analysed, fields[f] == "f", fields[f]));
        terms.AddRange(perField[0]);
        terms.AddRange(perField[1]);
        return new ExportCorpus { MaxDoc = maxDoc, Norms = norms, SumTotalTermFreq = sum, Terms = terms };
    }

    private sealed class Builder
    {
        public readonly List<int> Docs = [];
        public readonly List<int> Freqs = [];
        public readonly List<int[]> Positions = [];
        public readonly List<int> Current = [];
        public int CurrentDoc = -1;

        public void Flush()
        {
            if (CurrentDoc < 0) return;
            Docs.Add(CurrentDoc);
            Freqs.Add(Current.Count);
            Positions.Add(Current.ToArray());
            Current.Clear();
            CurrentDoc = -1;
        }
    }

    private static List<TermPostings> Collect(AnalysedPassage[] analysed, bool folded, string tag)
    {
        var builders = new Dictionary<string, Builder>(StringComparer.Ordinal);
        var touched = new List<Builder>();
        for (int d = 0; d < analysed.Length; d++)
        {
            var a = analysed[d];
            var words = folded ? a.Folded : a.Exact;
            int position = -1;
            touched.Clear();
            for (int i = 0; i < words.Length; i++)
            {
                position += a.Increments[i];
                if (!builders.TryGetValue(words[i], out var b)) builders[words[i]] = b = new Builder();
                if (b.CurrentDoc != d) { b.CurrentDoc = d; touched.Add(b); }
                b.Current.Add(position);
            }
            foreach (var b in touched) b.Flush();
        }
        return builders.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new TermPostings(tag, kv.Key, kv.Value.Docs.ToArray(), kv.Value.Freqs.ToArray(), kv.Value.Positions.ToArray()))
            .ToList();
    }
}
