using Atlas.Model;

namespace Atlas.Analysis.Similarity;

/// <summary>
/// For each passage, up to three of the most similar passages of OTHER programmes: TF-IDF cosine over folded words and
/// word pairs. Not all pairs: candidates come from an inverted index on each passage's most telling terms (highest
/// weight, not too common), then the exact cosine ranks them. Deterministic: terms numbered in model order, ties
/// broken by programme and passage order, scores rounded.
/// </summary>
public sealed class RelatedPassages
{
    public const int MaxRelated = 3;
    public const double MinScore = 0.2;
    private const int QueryTerms = 10;
    private const int MaxPostings = 400;
    private const int Candidates = 40;
    /// <summary>Shorter passages (headings in disguise, "Thường xuyên") get no related passages.</summary>
    public const int MinWords = 6;

    private readonly record struct Doc(int Programme, int Passage, int[] Terms, float[] Weights);

    public static IReadOnlyList<IReadOnlyList<RelatedPassage>> Analyse(IReadOnlyList<Programme> programmes)
    {
        // Terms per passage: words and word pairs, hashed (FNV, stable) and numbered in model order, so ids and
        // tie-breaks do not depend on threads. Hashes rather than strings keep a thousand programmes in memory.
        var termIds = new Dictionary<ulong, int>();
        var docs = new List<Doc>();
        var freqs = new List<int[]>();
        var ids = new List<int>();
        for (int p = 0; p < programmes.Count; p++)
        {
            var passages = programmes[p].Passages;
            for (int i = 0; i < passages.Count; i++)
            {
                var words = Words.Of(passages[i].Text);
                if (words.Count < MinWords) continue;
                ids.Clear();
                for (int w = 0; w < words.Count; w++)
                {
                    ids.Add(Id(termIds, Words.Hash(words, w, 1)));
                    if (w + 1 < words.Count) ids.Add(Id(termIds, Words.Hash(words, w, 2)));
                }
                ids.Sort();
                var terms = new List<int>();
                var tf = new List<int>();
                foreach (var id in ids)
                {
                    if (terms.Count > 0 && terms[^1] == id) tf[^1]++;
                    else { terms.Add(id); tf.Add(1); }
                }
                docs.Add(new Doc(p, i, terms.ToArray(), new float[terms.Count]));
                freqs.Add(tf.ToArray());
            }
        }
        int n = docs.Count;
        var df = new int[termIds.Count];
        foreach (var doc in docs) foreach (var t in doc.Terms) df[t]++;

        // Normalised TF-IDF vectors; terms stay sorted by id for merge-style dot products.
        for (int d = 0; d < n; d++)
        {
            var (terms, weights, tf) = (docs[d].Terms, docs[d].Weights, freqs[d]);
            double norm = 0;
            for (int k = 0; k < terms.Length; k++)
            {
                double w = (1 + Math.Log(tf[k])) * Math.Log(1 + (double)n / df[terms[k]]);
                weights[k] = (float)w;
                norm += w * w;
            }
            norm = Math.Sqrt(norm);
            if (norm > 0) for (int k = 0; k < weights.Length; k++) weights[k] = (float)(weights[k] / norm);
        }
        freqs.Clear();

        // Inverted index over the telling terms only: a term in more than maxDf passages says little and costs much.
        int maxDf = Math.Clamp(n / 50, 50, MaxPostings);
        var postings = new List<int>?[termIds.Count];
        var queries = new (int Term, float Weight)[n][];
        for (int d = 0; d < n; d++)
        {
            var doc = docs[d];
            queries[d] = Enumerable.Range(0, doc.Terms.Length)
                .Where(k => df[doc.Terms[k]] is > 1 && df[doc.Terms[k]] <= maxDf)
                .OrderByDescending(k => doc.Weights[k]).ThenBy(k => doc.Terms[k])
                .Take(QueryTerms).Select(k => (doc.Terms[k], doc.Weights[k])).ToArray();
            foreach (var (t, _) in queries[d]) (postings[t] ??= []).Add(d);
        }

        var related = new List<RelatedPassage>[n];
        Parallel.For(0, n, () => new float[n], (d, _, acc) =>
        {
            var touched = new List<int>();
            var doc = docs[d];
            foreach (var (t, w) in queries[d])
                foreach (var other in postings[t]!)
                {
                    if (docs[other].Programme == doc.Programme) continue;
                    if (acc[other] == 0) touched.Add(other);
                    acc[other] += w;
                }
            var pool = touched;
            if (touched.Count > Candidates)
            {
                // Only the best partial scores go on to the exact cosine (ties kept, ordered by passage below).
                var cut = touched.Select(o => acc[o]).OrderDescending().ElementAt(Candidates - 1);
                pool = touched.Where(o => acc[o] >= cut).ToList();
            }
            var best = pool.OrderByDescending(o => acc[o]).ThenBy(o => o).Take(Candidates)
                .Select(o => (Other: o, Score: Math.Round(Cosine(doc, docs[o]), 4)))
                .Where(x => x.Score >= MinScore)
                .OrderByDescending(x => x.Score).ThenBy(x => x.Other)
                .Take(MaxRelated)
                .Select(x => new RelatedPassage(programmes[doc.Programme].Passages[doc.Passage].Id,
                    programmes[docs[x.Other].Programme].Slug, programmes[docs[x.Other].Programme].Passages[docs[x.Other].Passage].Id, x.Score))
                .ToList();
            foreach (var o in touched) acc[o] = 0;
            related[d] = best;
            return acc;
        }, _ => { });

        var perProgramme = new List<RelatedPassage>[programmes.Count];
        for (int p = 0; p < programmes.Count; p++) perProgramme[p] = [];
        for (int d = 0; d < n; d++) perProgramme[docs[d].Programme].AddRange(related[d]);
        return perProgramme;
    }

    private static int Id(Dictionary<ulong, int> ids, ulong term)
    {
        if (!ids.TryGetValue(term, out var id)) ids[term] = id = ids.Count;
        return id;
    }

    private static double Cosine(Doc a, Doc b)
    {
        double dot = 0;
        int i = 0, j = 0;
        while (i < a.Terms.Length && j < b.Terms.Length)
        {
            if (a.Terms[i] == b.Terms[j]) dot += a.Weights[i++] * b.Weights[j++];
            else if (a.Terms[i] < b.Terms[j]) i++;
            else j++;
        }
        return dot;
    }
}
