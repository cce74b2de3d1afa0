using Atlas.Model;

namespace Atlas.Analysis.Similarity;

/// <summary>
/// For each passage, up to three of the most similar passages of OTHER programmes: TF-IDF cosine over folded words and
/// word pairs. Not all pairs: candidates come from an inverted index on each passage's most telling terms (highest
/// weight, not too common), then the exact cosine ranks them. Deterministic: terms numbered in model order, ties
/// broken by programme and passage order, scores rounded.
/// </summary>
/// <remarks>
/// Speed (a thousand programmes hold ~80,000 passages): hashing, weighting, querying and scoring run in parallel per
/// passage with per-thread buffers and no LINQ; only the numbering of terms (first occurrence in model order, which
/// fixes tie-breaks and summation order) and the postings are built in one sequential pass. Hashes are numbered by an
/// open-addressing table (<see cref="HashIds"/>, ten million lookups at a thousand programmes), not a Dictionary.
/// </remarks>
public sealed class RelatedPassages
{
    public const int MaxRelated = 3;
    public const double MinScore = 0.2;
    private const int QueryTerms = 10;
    private const int MaxPostings = 400;
    private const int Candidates = 40;
    /// <summary>Shorter passages (headings in disguise, "Thường xuyên") get no related passages.</summary>
    public const int MinWords = 6;

    /// <summary>A passage taking part: its terms sorted by id and its normalised TF-IDF weights, in parallel arrays.</summary>
    private sealed class Doc(int programme, int passage)
    {
        public readonly int Programme = programme;
        public readonly int Passage = passage;
        public ulong[] Hashes = [];
        public int[] Counts = [];
        public int[] Terms = [];
        public float[] Weights = [];
        /// <summary>A passage with the very same text read before by the same worker: its vector is that passage's.</summary>
        public Doc? CopyOf;
    }

    public static IReadOnlyList<IReadOnlyList<RelatedPassage>> Analyse(IReadOnlyList<Programme> programmes)
    {
        var docs = Hash(programmes);
        int n = docs.Length;

        // Terms numbered by first occurrence in model order (as one pass over every passage's words would number them).
        // A copy's hashes are its original's, so numbering either at whichever comes first in model order is the same.
        var termIds = new HashIds(1 << 16);
        foreach (var doc in docs)
        {
            var source = doc.CopyOf ?? doc;
            if (source.Hashes.Length == 0) continue; // numbered already (copies have at least MinWords words)
            var terms = new int[source.Hashes.Length];
            for (int k = 0; k < terms.Length; k++) terms[k] = termIds.Id(source.Hashes[k], out _);
            source.Terms = terms;
            source.Hashes = [];
        }
        int termCount = termIds.Count;
        termIds = null;
        var df = new int[termCount];
        foreach (var doc in docs) foreach (var t in (doc.CopyOf ?? doc).Terms) df[t]++;

        // Normalised TF-IDF vectors; terms sorted by id for merge-style dot products.
        var idf = new double[termCount];
        for (int t = 0; t < termCount; t++) idf[t] = Math.Log(1 + (double)n / df[t]);
        var logTf = new double[64];
        for (int k = 1; k < logTf.Length; k++) logTf[k] = 1 + Math.Log(k);
        Parallel.For(0, n, d =>
        {
            var doc = docs[d];
            if (doc.CopyOf is not null) return; // takes its original's vector below
            var (terms, tf) = (doc.Terms, doc.Counts);
            SortByTerm(terms, tf);
            var weights = new float[terms.Length];
            double norm = 0;
            for (int k = 0; k < terms.Length; k++)
            {
                double w = (tf[k] < logTf.Length ? logTf[tf[k]] : 1 + Math.Log(tf[k])) * idf[terms[k]];
                weights[k] = (float)w;
                norm += w * w;
            }
            norm = Math.Sqrt(norm);
            if (norm > 0) for (int k = 0; k < weights.Length; k++) weights[k] = (float)(weights[k] / norm);
            doc.Weights = weights;
            doc.Counts = [];
        });
        foreach (var doc in docs) if (doc.CopyOf is { } original) (doc.Terms, doc.Weights) = (original.Terms, original.Weights); // read only from here on

        // Inverted index over the telling terms only: a term in more than maxDf passages says little and costs much.
        int maxDf = Math.Clamp(n / 50, 50, MaxPostings);
        var same = SameVectors(docs);
        var queries = new (int Term, float Weight)[n][];
        Parallel.For(0, n, d => { if (same[d] == d) queries[d] = Query(docs[d], df, maxDf); });
        for (int d = 0; d < n; d++) queries[d] ??= queries[same[d]]; // one vector, one query
        var postingStart = new int[termCount + 1];
        foreach (var q in queries) foreach (var (t, _) in q) postingStart[t + 1]++;
        for (int t = 0; t < termCount; t++) postingStart[t + 1] += postingStart[t];
        var postings = new int[postingStart[termCount]];
        var fill = new int[termCount];
        for (int d = 0; d < n; d++)
            foreach (var (t, _) in queries[d]) postings[postingStart[t] + fill[t]++] = d; // ascending passage order
        fill = null;

        var programmeOf = new int[n];
        for (int d = 0; d < n; d++) programmeOf[d] = docs[d].Programme;
        // Passages with one vector (copies of one text) ask one query: its candidates are ranked once for all of them, and
        // each copy takes the best of those outside its own programme. Groups in order of their first passage.
        var groupStart = new int[n + 1];
        foreach (var v in same) groupStart[v + 1]++;
        for (int d = 0; d < n; d++) groupStart[d + 1] += groupStart[d];
        var members = new int[n];
        var filled = new int[n];
        for (int d = 0; d < n; d++) members[groupStart[same[d]] + filled[same[d]]++] = d; // ascending passage order
        filled = null;
        var groups = new List<int>();
        for (int d = 0; d < n; d++) if (same[d] == d) groups.Add(d);
        var related = new RelatedPassage[n][];
        // One scorer per worker (each allocates its buffers once); groups handed out dynamically, as their sizes differ.
        if (groups.Count > 0) Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, groups.Count, 16), () => new Scorer(n, termCount, programmes.Count),
            (range, _, scorer) =>
            {
                for (int g = range.Item1; g < range.Item2; g++)
                {
                    int v = groups[g];
                    scorer.Group(v, members.AsSpan(groupStart[v], groupStart[v + 1] - groupStart[v]), docs, programmeOf, same, queries[v],
                        postings, postingStart, programmes, related);
                }
                return scorer;
            }, _ => { });

        var perProgramme = new List<RelatedPassage>[programmes.Count];
        for (int p = 0; p < programmes.Count; p++) perProgramme[p] = [];
        for (int d = 0; d < n; d++) perProgramme[docs[d].Programme].AddRange(related[d]);
        return perProgramme;
    }

    /// <summary>
    /// Per passage, the first passage with the very same vector (same terms, same weights to the bit): itself unless its
    /// text was copied word for word. A task copied by many provinces fills a candidate list with copies, and a query's
    /// cosine with each copy is the same sum of the same products, so it is computed once.
    /// </summary>
    private static int[] SameVectors(Doc[] docs)
    {
        var digests = new ulong[docs.Length];
        Parallel.For(0, docs.Length, d =>
        {
            ulong h = WordScan.Basis;
            foreach (var t in docs[d].Terms) h = (h ^ (uint)t) * 1099511628211UL;
            foreach (var w in docs[d].Weights) h = (h ^ BitConverter.SingleToUInt32Bits(w)) * 1099511628211UL;
            digests[d] = h;
        });
        var first = new Dictionary<ulong, int>(docs.Length);
        var same = new int[docs.Length];
        for (int d = 0; d < docs.Length; d++)
        {
            same[d] = d;
            if (!first.TryAdd(digests[d], d) && Same(docs[first[digests[d]]], docs[d])) same[d] = first[digests[d]]; // a digest clash of different vectors stays apart
        }
        return same;

        static bool Same(Doc a, Doc b) => a.Terms.AsSpan().SequenceEqual(b.Terms)
            && System.Runtime.InteropServices.MemoryMarshal.Cast<float, uint>(a.Weights.AsSpan()).SequenceEqual(System.Runtime.InteropServices.MemoryMarshal.Cast<float, uint>(b.Weights.AsSpan()));
    }

    /// <summary>Sorts terms ascending with their counts: one array of (term, count) packed in a long sorts faster than two arrays in step.</summary>
    private static void SortByTerm(int[] terms, int[] counts)
    {
        var packed = terms.Length <= 512 ? stackalloc long[terms.Length] : new long[terms.Length];
        for (int k = 0; k < terms.Length; k++) packed[k] = (long)terms[k] << 32 | (uint)counts[k];
        packed.Sort();
        for (int k = 0; k < terms.Length; k++) (terms[k], counts[k]) = ((int)(packed[k] >> 32), (int)packed[k]);
    }

    /// <summary>Per passage with enough words: its distinct word and word-pair hashes in first-occurrence order, with counts.</summary>
    private static Doc[] Hash(IReadOnlyList<Programme> programmes)
    {
        var perProgramme = new List<Doc>[programmes.Count];
        // A text met again (a passage copied word for word) has the same hashes and counts: read once per worker, and the
        // copy takes its original's vector (numbered, weighted and queried once).
        Parallel.For(0, programmes.Count, () => (Scan: new WordScan(), Seen: new HashIds(), Counts: new List<int>(), Texts: new Dictionary<string, Doc?>(StringComparer.Ordinal)),
            (p, _, local) =>
            {
                var list = new List<Doc>();
                var passages = programmes[p].Passages;
                for (int i = 0; i < passages.Count; i++)
                {
                    if (local.Texts.TryGetValue(passages[i].Text, out var known))
                    {
                        if (known is not null) list.Add(new Doc(p, i) { CopyOf = known });
                        continue;
                    }
                    var scan = local.Scan;
                    scan.Read(passages[i].Text);
                    if (scan.Count < MinWords)
                    {
                        local.Texts[passages[i].Text] = null;
                        continue;
                    }
                    local.Seen.Clear();
                    local.Counts.Clear();
                    for (int w = 0; w < scan.Count; w++)
                    {
                        var single = scan.Hash(w, 1);
                        Add(single);
                        if (w + 1 < scan.Count) Add(scan.Continue(single, w + 1)); // the pair: the same FNV chain, one word on
                    }
                    var doc = new Doc(p, i) { Hashes = local.Seen.Keys.ToArray(), Counts = local.Counts.ToArray() };
                    list.Add(doc);
                    local.Texts[passages[i].Text] = doc;
                }
                perProgramme[p] = list;
                return local;

                void Add(ulong h)
                {
                    int at = local.Seen.Id(h, out var added);
                    if (added) local.Counts.Add(1);
                    else local.Counts[at]++;
                }
            }, _ => { });
        return perProgramme.SelectMany(l => l).ToArray();
    }

    /// <summary>The passage's most telling terms: known to another passage, not too common; by weight, then term id.</summary>
    private static (int Term, float Weight)[] Query(Doc doc, int[] df, int maxDf)
    {
        var eligible = new List<(int Term, float Weight)>();
        for (int k = 0; k < doc.Terms.Length; k++)
            if (df[doc.Terms[k]] is > 1 && df[doc.Terms[k]] <= maxDf) eligible.Add((doc.Terms[k], doc.Weights[k]));
        eligible.Sort(static (a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : a.Term.CompareTo(b.Term));
        if (eligible.Count > QueryTerms) eligible.RemoveRange(QueryTerms, eligible.Count - QueryTerms);
        return eligible.ToArray();
    }

    /// <summary>One thread's scoring buffers: partial scores per passage, the query's weights per term, touches per programme.</summary>
    private sealed class Scorer(int docs, int terms, int programmeCount)
    {
        private readonly float[] acc = new float[docs];
        private readonly float[] dense = new float[terms];
        private readonly int[] perProgramme = new int[programmeCount];
        private readonly List<int> touched = [];
        /// <summary>The ranked candidates as sort keys (see <see cref="RankKey"/>): a primitive sort, no comparer delegate.</summary>
        private ulong[] ranked = new ulong[256];
        private readonly List<(double Score, int Other)> scored = [];
        private readonly Dictionary<int, double> dots = [];
        private float[] values = new float[256];

        private void Accumulate(ReadOnlySpan<int> others, float w)
        {
            var a = acc;
            foreach (var other in others)
            {
                if (a[other] == 0) touched.Add(other);
                a[other] += w;
            }
        }

        /// <summary>The value that would stand at <paramref name="k"/> (0-based) if <paramref name="a"/> were sorted descending; reorders <paramref name="a"/>.</summary>
        private static float NthLargest(Span<float> a, int k)
        {
            int lo = 0, hi = a.Length - 1;
            while (lo < hi)
            {
                float pivot = a[(lo + hi) >>> 1];
                int i = lo, j = hi;
                while (i <= j)
                {
                    while (a[i] > pivot) i++;
                    while (a[j] < pivot) j--;
                    if (i <= j) { (a[i], a[j]) = (a[j], a[i]); i++; j--; }
                }
                if (k <= j) hi = j;
                else if (k >= i) lo = i;
                else return a[k];
            }
            return a[k];
        }

        /// <summary>
        /// The related passages of every passage with vector <paramref name="v"/> (<paramref name="copies"/>, ascending).
        /// A passage's candidates are the <see cref="Candidates"/> best partial scores (ties by passage order) among the
        /// passages of other programmes its query touches; their exact cosines rank them.
        /// </summary>
        /// <remarks>
        /// The partial scores are summed over the whole postings once (a passage's own programme adds nothing to the scores
        /// of the others, so leaving it out changes no sum); the touched passages are ranked once, as far as the copy whose
        /// own programme holds most of them needs, and each copy takes the first ones outside its own programme: the same
        /// candidates, in the same order, as a query per copy. A cosine is the same sum of the same products in the same
        /// order whichever copies meet, so each pair of vectors is summed once.
        /// </remarks>
        public void Group(int v, ReadOnlySpan<int> copies, Doc[] docs, int[] programmeOf, int[] same, (int Term, float Weight)[] query,
            int[] postings, int[] postingStart, IReadOnlyList<Programme> programmes, RelatedPassage[][] related)
        {
            touched.Clear();
            foreach (var (t, w) in query) Accumulate(postings.AsSpan(postingStart[t], postingStart[t + 1] - postingStart[t]), w);

            // How far the ranking must go: Candidates past the most passages one copy's own programme holds among those touched.
            foreach (var o in touched) perProgramme[programmeOf[o]]++;
            int ownMost = 0;
            foreach (var d in copies) ownMost = Math.Max(ownMost, perProgramme[programmeOf[d]]);
            foreach (var o in touched) perProgramme[programmeOf[o]] = 0;
            int need = Candidates + ownMost;

            // Thousands of passages can be touched (a common task copied by every province): select the cut-off value,
            // then sort only what passes it, by partial score, then passage order.
            if (ranked.Length < touched.Count) ranked = new ulong[Math.Max(touched.Count, ranked.Length * 2)];
            int rankedCount = 0;
            if (touched.Count > need)
            {
                if (values.Length < touched.Count) values = new float[Math.Max(touched.Count, values.Length * 2)];
                for (int k = 0; k < touched.Count; k++) values[k] = acc[touched[k]];
                float cut = NthLargest(values.AsSpan(0, touched.Count), need - 1);
                foreach (var o in touched) if (acc[o] >= cut) ranked[rankedCount++] = RankKey(acc[o], o);
            }
            else foreach (var o in touched) ranked[rankedCount++] = RankKey(acc[o], o);
            foreach (var o in touched) acc[o] = 0;
            ranked.AsSpan(0, rankedCount).Sort();

            var doc = docs[v];
            for (int k = 0; k < doc.Terms.Length; k++) dense[doc.Terms[k]] = doc.Weights[k];
            dots.Clear();
            double dot;
            foreach (var d in copies)
            {
                int self = programmeOf[d];
                scored.Clear();
                int taken = 0;
                for (int r = 0; r < rankedCount && taken < Candidates; r++)
                {
                    int other = (int)(uint)ranked[r];
                    if (programmeOf[other] == self) continue;
                    taken++;
                    int vector = same[other];
                    // Only copies of one text share cosines: a single passage (the general case) skips the memo.
                    if (copies.Length == 1) dot = Dot(docs[vector]);
                    else if (!dots.TryGetValue(vector, out dot)) dots[vector] = dot = Dot(docs[vector]);
                    var score = Math.Round(dot, 4);
                    if (score >= MinScore) scored.Add((score, other));
                }
                related[d] = Best(d, docs, programmes);
            }
            for (int k = 0; k < doc.Terms.Length; k++) dense[doc.Terms[k]] = 0;
        }

        /// <summary>
        /// Ranks by partial score descending, then passage ascending, as one unsigned key: a positive float's bits order
        /// as its value, so their complement in the high half puts higher scores first and the passage breaks ties.
        /// </summary>
        private static ulong RankKey(float acc, int other) => (ulong)~BitConverter.SingleToUInt32Bits(acc) << 32 | (uint)other;

        /// <summary>
        /// The cosine of the query's vector (in <see cref="dense"/>) with <paramref name="other"/>'s: products summed in
        /// ascending term order, as a merge of the two sorted vectors would sum them. A term the query lacks adds
        /// 0 * w = +0, which leaves the sum unchanged: no branch needed.
        /// </summary>
        private double Dot(Doc other)
        {
            var (terms, weights) = (other.Terms, other.Weights);
            double dot = 0;
            for (int k = 0; k < terms.Length; k++) dot += dense[terms[k]] * weights[k];
            return dot;
        }

        private RelatedPassage[] Best(int d, Doc[] docs, IReadOnlyList<Programme> programmes)
        {
            if (scored.Count == 0) return [];
            scored.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Other.CompareTo(b.Other));
            var best = new RelatedPassage[Math.Min(MaxRelated, scored.Count)];
            var doc = docs[d];
            var selfId = programmes[doc.Programme].Passages[doc.Passage].Id;
            for (int r = 0; r < best.Length; r++)
            {
                var other = docs[scored[r].Other];
                var programme = programmes[other.Programme];
                best[r] = new RelatedPassage(selfId, programme.Slug, programme.Passages[other.Passage].Id, scored[r].Score);
            }
            return best;
        }
    }
}
