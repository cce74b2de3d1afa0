using Lucene.Net.Util;

namespace Atlas.Search.Export;

/// <summary>One term of one field with its postings in document order (positions per posting).</summary>
internal sealed record TermPostings(string Field, string Term, int[] Docs, int[] Freqs, int[][] Positions);

/// <summary>
/// The postings of one field as flat arrays (compressed sparse rows): millions of postings as a handful of arrays
/// instead of one small object each, which is what kept the export's memory above a gigabyte at 1,000 programmes.
/// Term <c>r</c> (ordinal order) owns postings <c>TermStart[r] .. TermStart[r + 1]</c> (document order), and the
/// frequencies and positions of its postings of first copies (<see cref="Rep"/>), posting after posting, from
/// <c>FreqStart[r]</c> and <c>PositionBase[r]</c>: a copy's are its first copy's (the export lists first copies only;
/// at 1,000 programmes nine passages in ten are copies).
/// </summary>
internal sealed class FieldPostings
{
    public required string Field { get; init; }
    public required string[] Terms { get; init; }
    public required int[] TermStart { get; init; }
    public required int[] Docs { get; init; }
    /// <summary>Frequencies of the postings of first copies, term <c>r</c>'s from <c>FreqStart[r]</c>.</summary>
    public required int[] FreqStart { get; init; }
    public required int[] Freqs { get; init; }
    public required int[] PositionBase { get; init; }
    public required int[] Positions { get; init; }
    /// <summary>Per passage its first copy (<see cref="ExportCorpus.Rep"/>): only first copies' frequencies and positions are stored.</summary>
    public required int[] Rep { get; init; }

    public int DocFreq(int term) => TermStart[term + 1] - TermStart[term];

    public ReadOnlySpan<int> DocsOf(int term) => Docs.AsSpan(TermStart[term], DocFreq(term));

    /// <summary>The term's postings as separate arrays (for checks; the export reads the flat arrays).</summary>
    public TermPostings Postings(int term)
    {
        int start = TermStart[term], n = DocFreq(term), at = PositionBase[term], f = FreqStart[term];
        var positions = new int[n][];
        var freqs = new int[n];
        var ofFirstCopies = new Dictionary<int, int[]>();
        for (int i = 0; i < n; i++)
        {
            int d = Docs[start + i];
            if (Rep[d] != d)
            {
                positions[i] = ofFirstCopies[Rep[d]];
                freqs[i] = positions[i].Length;
                continue;
            }
            freqs[i] = Freqs[f++];
            positions[i] = ofFirstCopies[d] = Positions.AsSpan(at, freqs[i]).ToArray();
            at += freqs[i];
        }
        return new TermPostings(Field, Terms[term], Docs.AsSpan(start, n).ToArray(), freqs, positions);
    }
}

/// <summary>
/// What the browser export needs of the index — every term's postings with positions, Lucene's norm byte per passage,
/// the collection statistics and which passages hold each adjacent pair of folded words — computed straight from the
/// passages with the analyzer's rules (<see cref="VietnameseText.Words"/>, <see cref="VietnameseText.Fold"/>), exactly
/// as <see cref="PassageIndex"/> would hold them. The build therefore needs no Lucene index at all;
/// <c>ExportCorpusSpec</c> checks that every posting, norm and statistic equals the Lucene index's.
/// </summary>
internal sealed class ExportCorpus
{
    public required int MaxDoc { get; init; }
    /// <summary>Lucene's norm byte (BM25Similarity: 1/√length, SmallFloat 3.15); both fields have the same length.</summary>
    public required byte[] Norms { get; init; }
    public required long SumTotalTermFreq { get; init; }
    /// <summary>Field "f": folded words.</summary>
    public required FieldPostings Folded { get; init; }
    /// <summary>Field "t": exact words (diacritics kept).</summary>
    public required FieldPostings Exact { get; init; }
    /// <summary>Exact term → its folded term (indices into <see cref="Exact"/> and <see cref="Folded"/>).</summary>
    public required int[] FoldedOf { get; init; }
    /// <summary>
    /// Adjacent folded word pairs (first, second folded term) with the passages holding them and how often the pair
    /// occurs (its two-word phrase frequency) in each first copy (<see cref="Rep"/>) among them, in pair order.
    /// </summary>
    public required List<(int First, int Second, int[] Docs, int[] Freqs)> Pairs { get; init; }
    /// <summary>
    /// Per passage the lowest-numbered passage with the very same words at the very same positions (itself when it is
    /// the first): such passages have the same postings, norm and score for every query, so the export lists only
    /// the first of them in the impact pages (provincial programmes repeat a resolution's wording word for word).
    /// </summary>
    public required int[] Rep { get; init; }

    /// <summary>Both fields' terms with their postings, folded first (for checks).</summary>
    public IEnumerable<TermPostings> Terms =>
        Enumerable.Range(0, Folded.Terms.Length).Select(Folded.Postings)
            .Concat(Enumerable.Range(0, Exact.Terms.Length).Select(Exact.Postings));

    /// <summary>Passages analysed at a time: their words (one string each) are garbage as soon as they are numbered.</summary>
    private const int Batch = 2048;

    public static ExportCorpus Of(IReadOnlyList<PassageRecord> passages)
    {
        int maxDoc = passages.Count;
        // Every passage's tokens as word ids (first-seen order): the words are analysed in parallel a batch at a time and
        // numbered in passage order, so the ids do not depend on scheduling. One exact-size array per passage: no list
        // of millions of tokens growing (and copied) in memory.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        // Words are looked up by their place in the passage's normalised text: a string is made once per distinct word,
        // not once per token (millions at 1,000 programmes).
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        var words = new List<string>();
        var doc = new Tokens(new int[maxDoc][], new int[]?[maxDoc]);
        long tokenCount = 0;
        // A passage with the very same text as an earlier one has its words: it is analysed once and the copies share
        // its arrays (provincial programmes repeat a resolution's wording word for word).
        var sameText = new int[maxDoc];
        var firstWithText = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int d = 0; d < maxDoc; d++)
        {
            ref int slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(firstWithText, passages[d].Text, out bool exists);
            if (!exists) slot = d;
            sameText[d] = slot;
        }
        firstWithText = null;
        var batch = new Analysed[Math.Min(Batch, Math.Max(1, maxDoc))];
        for (int from = 0; from < maxDoc; from += Batch)
        {
            int n = Math.Min(Batch, maxDoc - from), first = from;
            // In parallel: the words of each passage, numbered where the word is known from earlier batches (the dictionary
            // is only read here); words new in this batch (-1) are numbered below in passage order, so the numbers do not
            // depend on scheduling.
            Parallel.For(0, n, () => new Scratch(), (i, _, scratch) =>
            {
                if (sameText[first + i] == first + i) batch[i] = Analyse(passages[first + i].Text, lookup, scratch);
                return scratch;
            }, _ => { });
            for (int i = 0; i < n; i++)
            {
                int d = first + i;
                if (sameText[d] != d)
                {
                    doc.Ids[d] = doc.Ids[sameText[d]];
                    doc.Gapped[d] = doc.Gapped[sameText[d]];
                    tokenCount += doc.Ids[d].Length;
                    continue;
                }
                var (tokens, gapped, norm, unknown) = batch[i];
                if (unknown is not null)
                {
                    for (int u = 0; u < unknown.Length; u += 3)
                    {
                        var term = norm.AsSpan(unknown[u + 1], unknown[u + 2]);
                        if (!lookup.TryGetValue(term, out int id))
                        {
                            var word = term.ToString();
                            ids[word] = id = words.Count;
                            words.Add(word);
                        }
                        tokens[unknown[u]] = id;
                    }
                }
                doc.Ids[d] = tokens;
                doc.Gapped[d] = gapped;
                tokenCount += tokens.Length;
                batch[i] = default;
            }
        }
        ids = null;

        var norms = new byte[maxDoc];
        for (int d = 0; d < maxDoc; d++)
            // As BM25Similarity.ComputeNorm (a field without tokens: 1/√0 = ∞ → 255, as Lucene stores it).
            norms[d] = SmallSingle.SingleToByte315(1f / (float)Math.Sqrt(doc.Ids[d].Length));

        // Terms of each field in ordinal order; a word id maps to its exact term and its folded term.
        var exactTerms = words.ToArray();
        words = null;
        var exactRank = OrdinalRanks(exactTerms);
        var sortedExact = new string[exactTerms.Length];
        for (int id = 0; id < exactTerms.Length; id++) sortedExact[exactRank[id]] = exactTerms[id];
        var foldedForms = new string[sortedExact.Length];
        Parallel.For(0, sortedExact.Length, r => foldedForms[r] = VietnameseText.Fold(sortedExact[r]));
        var distinctFolded = new HashSet<string>(foldedForms, StringComparer.Ordinal);
        var foldedTerms = new string[distinctFolded.Count];
        distinctFolded.CopyTo(foldedTerms);
        Array.Sort(foldedTerms, StringComparer.Ordinal);
        var foldedIndex = new Dictionary<string, int>(foldedTerms.Length, StringComparer.Ordinal);
        for (int r = 0; r < foldedTerms.Length; r++) foldedIndex[foldedTerms[r]] = r;
        var foldedOf = new int[foldedForms.Length];
        for (int r = 0; r < foldedForms.Length; r++) foldedOf[r] = foldedIndex[foldedForms[r]];
        var foldedRank = new int[exactTerms.Length];
        for (int id = 0; id < exactTerms.Length; id++) foldedRank[id] = foldedOf[exactRank[id]];

        var rep = Representatives(doc);
        FieldPostings exact = null!, folded = null!;
        Parallel.Invoke(
            () => exact = Invert("t", sortedExact, exactRank, doc, rep),
            () => folded = Invert("f", foldedTerms, foldedRank, doc, rep));
        return new ExportCorpus
        {
            MaxDoc = maxDoc, Norms = norms, SumTotalTermFreq = tokenCount,
            Folded = folded, Exact = exact, FoldedOf = foldedOf,
            Pairs = AdjacentPairs(foldedRank, doc, rep),
            Rep = rep,
        };
    }

    /// <summary>
    /// One passage's words: ids (−1 for a word not numbered yet), positions when they are not simply 0, 1, 2…, and for
    /// the words not numbered yet the normalised text with (token index, start, length) triples.
    /// </summary>
    private readonly record struct Analysed(int[] Tokens, int[]? Gapped, string? Norm, int[]? Unknown);

    /// <summary>One worker's buffers, reused from passage to passage.</summary>
    private sealed class Scratch
    {
        public char[] Chars = new char[1024];
        public int[] Tokens = new int[256];
        public int[] Positions = new int[256];
        public List<int> Unknown = [];
    }

    private static Analysed Analyse(string text, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup, Scratch scratch)
    {
        var nfc = VietnameseText.ToNfc(text);
        if (scratch.Chars.Length < nfc.Length) scratch.Chars = new char[Math.Max(nfc.Length, scratch.Chars.Length * 2)];
        var norm = scratch.Chars.AsSpan(0, nfc.Length);
        VietnameseText.LowerAndRetone(nfc, norm);
        scratch.Unknown.Clear();
        int count = 0, at = 0, position = 0;
        bool gap = false;
        while (VietnameseText.NextWord(norm, ref at, ref position, out var word))
        {
            if (count == scratch.Tokens.Length)
            {
                Array.Resize(ref scratch.Tokens, count * 2);
                Array.Resize(ref scratch.Positions, count * 2);
            }
            int length = word.End - word.Start;
            if (!lookup.TryGetValue(norm.Slice(word.Start, length), out int id))
            {
                id = -1;
                scratch.Unknown.Add(count);
                scratch.Unknown.Add(word.Start);
                scratch.Unknown.Add(length);
            }
            scratch.Tokens[count] = id;
            scratch.Positions[count] = word.Position;
            gap |= word.Position != count;
            count++;
        }
        return new Analysed(
            scratch.Tokens.AsSpan(0, count).ToArray(),
            // Positions are the token indices unless an over-long word was skipped: only then are they kept.
            gap ? scratch.Positions.AsSpan(0, count).ToArray() : null,
            scratch.Unknown.Count > 0 ? norm.ToString() : null,
            scratch.Unknown.Count > 0 ? scratch.Unknown.ToArray() : null);
    }

    /// <summary>Each passage's word ids, and its positions where they are not simply 0, 1, 2…</summary>
    private sealed record Tokens(int[][] Ids, int[]?[] Gapped)
    {
        public int Position(int doc, int k) => Gapped[doc] is { } p ? p[k] : k;
    }

    /// <summary>Each passage's first copy: the lowest-numbered passage with the same word ids and positions.</summary>
    private static int[] Representatives(Tokens tokens)
    {
        int maxDoc = tokens.Ids.Length;
        var rep = new int[maxDoc];
        var first = new Dictionary<int, int>(maxDoc);
        var chains = new List<int>[maxDoc];
        for (int d = 0; d < maxDoc; d++)
        {
            rep[d] = d;
            int h = Hash(tokens.Ids[d], tokens.Gapped[d]);
            ref int slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(first, h, out bool exists);
            if (!exists) { slot = d; continue; }
            // Same hash: compare with every distinct passage of that hash seen so far (almost always one).
            var candidates = chains[slot] ??= [slot];
            bool found = false;
            foreach (var c in candidates)
                if (tokens.Ids[c].AsSpan().SequenceEqual(tokens.Ids[d]) && GapsEqual(tokens.Gapped[c], tokens.Gapped[d]))
                {
                    rep[d] = c;
                    found = true;
                    break;
                }
            if (!found) candidates.Add(d);
        }
        return rep;

        static bool GapsEqual(int[]? a, int[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

        static int Hash(int[] ids, int[]? gapped)
        {
            var h = new HashCode();
            h.Add(ids.Length);
            foreach (var id in ids) h.Add(id);
            if (gapped is not null) foreach (var p in gapped) h.Add(p);
            return h.ToHashCode();
        }
    }

    /// <summary>Rank of each string in ordinal order.</summary>
    private static int[] OrdinalRanks(string[] values)
    {
        var order = Enumerable.Range(0, values.Length).ToArray();
        Array.Sort(order, (a, b) => string.CompareOrdinal(values[a], values[b]));
        var rank = new int[values.Length];
        for (int r = 0; r < order.Length; r++) rank[order[r]] = r;
        return rank;
    }

    /// <summary>
    /// Two passes over the tokens: count each term's postings and positions, then fill the flat arrays. A copy (same
    /// words at the same positions as its first copy, <see cref="Rep"/>) has its first copy's terms, listed from a short
    /// list of them, and no frequencies or positions of its own.
    /// </summary>
    private static FieldPostings Invert(string field, string[] terms, int[] termOf, Tokens tokens, int[] rep)
    {
        int termCount = terms.Length, maxDoc = tokens.Ids.Length;
        var postings = new int[termCount + 1];
        var repPostings = new int[termCount + 1];
        var positionCount = new int[termCount + 1];
        var lastDoc = new int[termCount];
        Array.Fill(lastDoc, -1);
        // Per first copy with copies: its distinct terms, which each copy then counts and lists once.
        var hasCopies = new bool[maxDoc];
        for (int d = 0; d < maxDoc; d++) if (rep[d] != d) hasCopies[rep[d]] = true;
        var distinctOf = new int[maxDoc][];
        var distinct = new List<int>();
        for (int d = 0; d < maxDoc; d++)
        {
            if (rep[d] != d)
            {
                foreach (var r in distinctOf[rep[d]]) postings[r]++;
                continue;
            }
            distinct.Clear();
            foreach (var id in tokens.Ids[d])
            {
                int r = termOf[id];
                positionCount[r]++;
                if (lastDoc[r] != d) { lastDoc[r] = d; postings[r]++; repPostings[r]++; distinct.Add(r); }
            }
            if (hasCopies[d]) distinctOf[d] = distinct.ToArray();
        }
        var termStart = new int[termCount + 1];
        var freqStart = new int[termCount + 1];
        var positionBase = new int[termCount + 1];
        for (int r = 0; r < termCount; r++)
        {
            termStart[r + 1] = termStart[r] + postings[r];
            freqStart[r + 1] = freqStart[r] + repPostings[r];
            positionBase[r + 1] = positionBase[r] + positionCount[r];
        }
        postings = repPostings = positionCount = null;
        var docs = new int[termStart[termCount]];
        var freqs = new int[freqStart[termCount]];
        var flat = new int[positionBase[termCount]];
        var next = (int[])termStart.Clone();      // next posting of each term
        var nextFreq = (int[])freqStart.Clone();  // next posting of a first copy
        var nextPosition = (int[])positionBase.Clone();
        Array.Fill(lastDoc, -1);
        for (int d = 0; d < maxDoc; d++)
        {
            if (rep[d] != d)
            {
                foreach (var r in distinctOf[rep[d]]) docs[next[r]++] = d;
                continue;
            }
            var ids = tokens.Ids[d];
            var gapped = tokens.Gapped[d];
            for (int k = 0; k < ids.Length; k++)
            {
                int r = termOf[ids[k]];
                if (lastDoc[r] != d)
                {
                    lastDoc[r] = d;
                    docs[next[r]++] = d;
                    nextFreq[r]++;
                }
                // A term's postings are filled in document order, so its current posting is the last one opened.
                freqs[nextFreq[r] - 1]++;
                flat[nextPosition[r]++] = gapped is null ? k : gapped[k];
            }
        }
        return new FieldPostings
        {
            Field = field, Terms = terms, TermStart = termStart, Docs = docs, FreqStart = freqStart, Freqs = freqs,
            PositionBase = positionBase, Positions = flat, Rep = rep,
        };
    }

    /// <summary>Every pair of folded words at adjacent positions ("nong nghiep"), with the passages that have it and its frequency there.</summary>
    /// <remarks>
    /// Two passes (count, then fill exact-size arrays): lists growing per pair would double the memory. The first pass
    /// looks each pair up once and notes its number at every token, so the second pass only reads those numbers.
    /// </remarks>
    private static List<(int First, int Second, int[] Docs, int[] Freqs)> AdjacentPairs(int[] foldedOf, Tokens tokens, int[] rep)
    {
        int maxDoc = tokens.Ids.Length;
        var index = new Dictionary<long, int>(PairKeys.Instance);
        var count = new List<int>();      // per pair: passages holding it
        var repCount = new List<int>();   // per pair: first copies holding it
        var pairAt = new int[maxDoc][];
        // A copy (same words at the same positions as its first copy) has its first copy's pairs: per first copy with
        // copies, its distinct pairs, which each copy then counts and lists once instead of token by token.
        var hasCopies = new bool[maxDoc];
        for (int d = 0; d < maxDoc; d++) if (rep[d] != d) hasCopies[rep[d]] = true;
        var distinctOf = new int[maxDoc][];
        var seen = new List<bool>();     // per pair: met in the current passage
        var distinct = new List<int>();
        for (int d = 0; d < maxDoc; d++)
        {
            if (rep[d] != d)
            {
                var counts = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(count);
                foreach (var p in distinctOf[rep[d]]) counts[p]++;
                continue;
            }
            var ids = tokens.Ids[d];
            var gapped = tokens.Gapped[d];
            var at = ids.Length > 1 ? new int[ids.Length - 1] : [];
            distinct.Clear();
            for (int k = 0; k + 1 < ids.Length; k++)
            {
                // A skipped over-long word leaves a gap in the positions: the words around it are not adjacent.
                if (gapped is not null && gapped[k + 1] != gapped[k] + 1) { at[k] = -1; continue; }
                long key = ((long)foldedOf[ids[k]] << 32) | (uint)foldedOf[ids[k + 1]];
                ref int slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(index, key, out bool exists);
                if (!exists)
                {
                    slot = count.Count;
                    count.Add(0);
                    repCount.Add(0);
                    seen.Add(false);
                }
                int p = slot;
                at[k] = p;
                if (!seen[p]) { seen[p] = true; distinct.Add(p); count[p]++; repCount[p]++; }
            }
            foreach (var p in distinct) seen[p] = false;
            if (hasCopies[d]) distinctOf[d] = distinct.ToArray();
            pairAt[d] = at;
        }
        // Docs: every passage holding the pair; Freqs: the pair's frequency in each first copy among them, in order (a
        // copy's is its first copy's: only first copies get impact pages).
        var docs = new int[count.Count][];
        var freqs = new int[count.Count][];
        var lastDoc = new int[count.Count];
        for (int p = 0; p < docs.Length; p++) { docs[p] = new int[count[p]]; freqs[p] = new int[repCount[p]]; lastDoc[p] = -1; }
        var fill = new int[docs.Length];
        var repFill = new int[docs.Length];
        for (int d = 0; d < maxDoc; d++)
        {
            if (rep[d] != d)
            {
                foreach (var p in distinctOf[rep[d]]) docs[p][fill[p]++] = d;
                continue;
            }
            foreach (var p in pairAt[d])
            {
                if (p < 0) continue;
                if (lastDoc[p] != d) { lastDoc[p] = d; docs[p][fill[p]++] = d; repFill[p]++; }
                freqs[p][repFill[p] - 1]++;
            }
            pairAt[d] = null!;
        }
        // Ordered by (first, second) term index, which is the ordinal order of the pair text "first second": words hold
        // no character below the space, so a shorter first word sorts first either way.
        var keys = new long[index.Count];
        var numbers = new int[index.Count];
        int i = 0;
        foreach (var (key, p) in index) { keys[i] = key; numbers[i++] = p; }
        Array.Sort(keys, numbers);
        var pairs = new List<(int First, int Second, int[] Docs, int[] Freqs)>(keys.Length);
        for (i = 0; i < keys.Length; i++) pairs.Add(((int)(keys[i] >> 32), (int)(keys[i] & 0xffffffff), docs[numbers[i]], freqs[numbers[i]]));
        return pairs;
    }

    /// <summary>
    /// Pair keys (first &lt;&lt; 32 | second) hashed by multiplication: long's own hash is first XOR second, so every pair
    /// with the same XOR of its two word numbers collided (the pair count took a second at 1,000 programmes).
    /// </summary>
    private sealed class PairKeys : IEqualityComparer<long>
    {
        public static readonly PairKeys Instance = new();

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32);
    }
}
