using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Atlas.Model;
using Lucene.Net.Util;

namespace Atlas.Search.Export;

/// <summary>
/// Sizes of the browser export. A query's first load is: meta, one small dictionary shard per word, one match set
/// per word, the first impact page of each term, and the stored text of the few passages it shows or must score.
/// </summary>
/// <param name="DictionaryShardBytes">Target size of a dictionary shard (all variants of one folded word stay together).</param>
/// <param name="ChunkBytes">Match sets and impact pages are packed, in term order, into files of about this size.</param>
/// <param name="FirstPage">Postings in a term's first impact page; each further page is twice as long (up to <see cref="MaxPage"/>).</param>
/// <param name="StoredBlock">Passages per file of what a result shows but its text (programme, passage id, section trail, themes).</param>
/// <param name="TextBlock">First copies per text file (<c>x/</c>: what a result shows and what scoring from text reads), at least.</param>
/// <param name="MaxTextFiles">
/// Most files <c>x/</c> may hold: with more first copies, each file holds several (consecutive ones). Each file created
/// costs the build 150–300 µs of kernel time here, and an atlas of distinct programmes has a first copy per passage
/// (76,000 one-text files at 1,000 programmes, two thirds of <c>search/</c>); 4 texts a file cost its first queries
/// about 23 KB (median 243 → 266 KB), 8 a file 61 KB, so the cap only bites when texts are that many.
/// </param>
/// <param name="ThemeBlock">Passages per theme-mask file (facets and the theme filter).</param>
/// <param name="UnionBytes">A prefix whose expansions' match sets weigh more than this gets a precomputed union.</param>
/// <param name="PairPages">An adjacent word pair in at least this many first copies also gets impact pages (phrase bounds).</param>
/// <param name="CopyTier">Copies of a first copy listed with its text in <c>x/</c> (all of them are in <c>e/</c>).</param>
/// <param name="RepBlock">Passages per file of the passage → first copy table (<c>r/</c>: filters map passages to their copies' postings).</param>
public sealed record ExportLayout(int DictionaryShardBytes = 3_000, int ChunkBytes = 2_000, int FirstPage = 64, int MaxPage = 512,
    int StoredBlock = 16, int ThemeBlock = 512, int UnionBytes = 4_000, int PairPages = 256, int RepBlock = 2048,
    int CopyTier = 15, int TextBlock = 1, int MaxTextFiles = 20_000);

/// <summary>
/// Writes the Lucene passage index as self-registering script files under <c>search/</c>
/// (<c>AtlasSearch._register(name, data)</c>), readable from file:// and http(s):// (format 4):
/// <list type="bullet">
/// <item><c>meta.js</c>: BM25 parameters, collection statistics, query constants, tone table, programme → first
/// document and province, provinces, themes, the first folded word of every dictionary shard;</item>
/// <item><c>d/N.js</c>: dictionary shards, a range of folded words in ordinal order (a prefix is a contiguous range):
/// per field (<c>f</c> folded, <c>t</c> exact) term → <c>[docFreq, match-set chunk, (page chunk, freq, norm)…]</c>
/// where (freq, norm) is the first posting of that page, i.e. the highest impact left; <c>u</c>: prefix →
/// chunk of the precomputed union of its expansions' match sets (only for costly prefixes);</item>
/// <item><c>m/N.js</c>: match sets (which passages contain a folded word; compressed bitmaps, see <see cref="DocSets"/>);</item>
/// <item><c>i/N.js</c>: impact pages: a term's postings sorted by BM25 impact (freq and norm, best first), each with
/// its document, frequency, norm byte and positions, so the client scores the best documents without reading a
/// whole list (top-k with upper bounds). An exact form's posting also says whether it is the passage's only form of
/// its folded word (then the folded posting is the same: one list decides both). An adjacent pair in at least
/// <see cref="ExportLayout.PairPages"/> passages has impact pages too (key <c>p:first second:page</c>, no positions):
/// its frequency is the two-word phrase frequency, so phrases and the adjacency clause get bounds — and two-word
/// phrases exact frequencies — without reading every word's positions;</item>
/// <item><c>b/N.js</c>: adjacent folded word pairs by hash bucket: pair → <c>[docFreq, match-set chunk, (page chunk, freq, norm)…]</c>
/// (pages only for pairs with impact pages);</item>
/// <item><c>s/N.js</c>: what a result shows and what exact scoring needs, for <see cref="ExportLayout.StoredBlock"/>
/// consecutive passages: <c>p</c> programmes (index, slug, title), <c>c</c> section trails, <c>d</c> rows (programme,
/// passage id, index in <c>c</c>, text, Lucene's norm byte, theme mask);</item>
/// <item><c>t/N.js</c>: per passage the theme bit mask (facets, theme filter).</item>
/// </list>
/// Everything is ordinal-sorted and integer-valued, so the same index gives the same bytes.
/// </summary>
public sealed class BrowserIndexWriter(ExportLayout? layout = null)
{
    // 3: stored files of 4 passages with shared section trails; 4: pair impact pages, sole-form flags;
    // 5: impact pages list first copies only (passages with the same words share one posting), copies in c/ and r/
    public const int Format = 5;

    private readonly ExportLayout layout = layout ?? new ExportLayout();


    /// <summary>
    /// One term of one field and where its data went. The postings stay in the corpus's flat arrays; only the page
    /// locations and their first (freq, norm) are kept once its pages are written.
    /// </summary>
    private sealed class TermData(FieldPostings postings, int index, string folded)
    {
        public FieldPostings Postings { get; } = postings;
        public int Index { get; } = index;
        public string Field => Postings.Field;
        public string Term => Postings.Terms[Index];
        public string Folded { get; } = folded;
        public int DocFreq => Postings.DocFreq(Index);
        public string? DocSet { get; set; }
        public int DocSetChunk { get; set; } = -1;
        public List<(int Chunk, int Freq, int Norm)> Pages { get; } = [];
    }

    public void Write(PassageIndex index, AtlasModel model, string searchDir) => Write(index.Passages, model.Themes, searchDir);

    public void Write(PassageIndex index, IReadOnlyList<Theme> themeRegistry, string searchDir) => Write(index.Passages, themeRegistry, searchDir);

    /// <summary>Terms whose pages are built (in parallel) before they are packed and their finished files written.</summary>
    private const int PageBatch = 256;

    /// <summary>
    /// Exports these passages (document numbers = positions in the list) without building a Lucene index. Files are
    /// written as soon as they are complete, so the export holds the corpus's flat postings and a batch of pages, never
    /// the whole output at once.
    /// </summary>
    public void Write(IReadOnlyList<PassageRecord> passages, IReadOnlyList<Theme> themeRegistry, string searchDir)
    {
        Directory.CreateDirectory(searchDir);
        foreach (var dir in new[] { "b", "d", "e", "i", "m", "r", "s", "t", "x" }) Directory.CreateDirectory(Path.Combine(searchDir, dir));
        var corpus = ExportCorpus.Of(passages);
        int maxDoc = passages.Count;
        var rep = corpus.Rep;
        var repDocs = new List<int>();
        for (int d = 0; d < maxDoc; d++) if (rep[d] == d) repDocs.Add(d);
        // Each programme's first passage, in document order (plain loops here and below: few LINQ instantiations to JIT).
        var programmes = new List<PassageRecord>();
        var programmeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in passages)
            if (programmeIndex.TryAdd(p.Slug, programmes.Count)) programmes.Add(p);
        var programmeStarts = new int[programmes.Count];
        for (int i = 0; i < programmes.Count; i++) programmeStarts[i] = programmes[i].Doc;
        // Match sets are written relative to earlier programmes with the same passages (CopyTemplates).
        var templates = CopyTemplates.Of(rep, programmeStarts);
        var norms = corpus.Norms;
        var kCache = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var tag in new[] { "t", "f" }) kCache[tag] = LengthCache(corpus.SumTotalTermFreq, maxDoc);

        // Both fields in one order: by folded word, its folded term first, then its exact forms (ordinal).
        var folded = new List<TermData>(corpus.Folded.Terms.Length);
        for (int r = 0; r < corpus.Folded.Terms.Length; r++) folded.Add(new TermData(corpus.Folded, r, corpus.Folded.Terms[r]));
        var exactByFolded = new List<int>?[folded.Count];
        for (int r = 0; r < corpus.Exact.Terms.Length; r++) (exactByFolded[corpus.FoldedOf[r]] ??= []).Add(r);
        var terms = new List<TermData>(folded.Count + corpus.Exact.Terms.Length);
        foreach (var f in folded)
        {
            terms.Add(f);
            if (exactByFolded[f.Index] is { } forms) foreach (var r in forms) terms.Add(new TermData(corpus.Exact, r, f.Term));
        }
        exactByFolded = null;

        // Impact pages, in term order: a batch of terms at a time is built in parallel, packed, and every file it
        // completes is written and dropped.
        var pageChunks = new ChunkPacker(layout.ChunkBytes, "i");
        for (int from = 0; from < terms.Count; from += PageBatch)
        {
            var batch = terms.GetRange(from, Math.Min(PageBatch, terms.Count - from));
            var built = new List<(string Data, int Freq, int Norm)>[batch.Count];
            Parallel.For(0, batch.Count, i => built[i] = BuildPages(batch[i].Postings, batch[i].Index, norms, kCache[batch[i].Field],
                batch[i].Postings == corpus.Exact ? corpus.Folded : null, corpus.FoldedOf, rep));
            for (int i = 0; i < batch.Count; i++)
            {
                var t = batch[i];
                for (int p = 0; p < built[i].Count; p++)
                    t.Pages.Add((pageChunks.Add($"{t.Field}:{t.Term}:{p}", built[i][p].Data), built[i][p].Freq, built[i][p].Norm));
            }
            WriteScripts(searchDir, pageChunks.TakeCompleted());
        }

        Parallel.ForEach(folded, t => t.DocSet = templates.Encode(corpus.Folded.DocsOf(t.Index)));
        // Precomputed unions for prefixes whose expansions would be costly to load one by one.
        var unions = PrefixUnions(folded, corpus.Folded, maxDoc, templates);

        // Match sets: packed in term order into chunks.
        var docSetChunks = new ChunkPacker(layout.ChunkBytes, "m");
        var unionChunk = new Dictionary<string, int>(StringComparer.Ordinal);
        int unionNext = 0;
        foreach (var t in folded)
        {
            // A union is placed just before the first term it belongs to, so it usually shares that term's chunk.
            while (unionNext < unions.Count && string.CompareOrdinal(unions[unionNext].Prefix, t.Term) <= 0)
            {
                var u = unions[unionNext++];
                unionChunk[u.Prefix] = docSetChunks.Add("u:" + u.Prefix, u.DocSet);
            }
            t.DocSetChunk = docSetChunks.Add("f:" + t.Term, t.DocSet!);
            t.DocSet = null;
            WriteScripts(searchDir, docSetChunks.TakeCompleted());
        }
        while (unionNext < unions.Count)
        {
            var u = unions[unionNext++];
            unionChunk[u.Prefix] = docSetChunks.Add("u:" + u.Prefix, u.DocSet);
        }
        unions = null;

        // Adjacent folded word pairs (decide phrases and the adjacency clause): in buckets by hash of the pair (FNV-1a
        // over UTF-16 units, as the client computes it); a bucket maps the pair to the chunk of its set, sets packed in
        // bucket order.
        var pairs = corpus.Pairs;
        int bucketCount = Math.Max(1, pairs.Count / 64);
        // Per bucket its pairs with their entries, in ordinal order (pairs are taken bucket by bucket in that order).
        var buckets = new List<(string Pair, int[] Entry)>[bucketCount];
        for (int i = 0; i < bucketCount; i++) buckets[i] = [];
        var pairText = new string[pairs.Count];
        var pairBucket = new int[pairs.Count];
        for (int i = 0; i < pairs.Count; i++)
        {
            pairText[i] = corpus.Folded.Terms[pairs[i].First] + " " + corpus.Folded.Terms[pairs[i].Second];
            pairBucket[i] = (int)(PairHash(pairText[i]) % (uint)bucketCount);
        }
        var pairOrder = new int[pairs.Count];
        for (int i = 0; i < pairOrder.Length; i++) pairOrder[i] = i;
        Array.Sort(pairOrder, (x, y) => pairBucket[x] != pairBucket[y] ? pairBucket[x].CompareTo(pairBucket[y]) : string.CompareOrdinal(pairText[x], pairText[y]));
        var byBucket = new List<(int Bucket, string Pair, int Index)>(pairs.Count);
        foreach (var i in pairOrder) byBucket.Add((pairBucket[i], pairText[i], i));
        pairText = null;
        for (int from = 0; from < byBucket.Count; from += PageBatch)
        {
            var batch = byBucket.GetRange(from, Math.Min(PageBatch, byBucket.Count - from));
            var sets = new string[batch.Count];
            var pairPages = new List<(string Data, int Freq, int Norm)>?[batch.Count];
            Parallel.For(0, batch.Count, i =>
            {
                var pair = pairs[batch[i].Index];
                sets[i] = templates.Encode(pair.Docs);
                if (pair.Freqs.Length >= layout.PairPages) pairPages[i] = BuildPages(FirstCopies(pair.Docs, rep), pair.Freqs, null, null, norms, kCache["f"]);
            });
            for (int i = 0; i < batch.Count; i++)
            {
                var entry = new List<int> { pairs[batch[i].Index].Docs.Length, docSetChunks.Add("b:" + batch[i].Pair, sets[i]) };
                var built = pairPages[i] ?? [];
                for (int p = 0; p < built.Count; p++)
                    entry.AddRange([pageChunks.Add($"p:{batch[i].Pair}:{p}", built[p].Data), built[p].Freq, built[p].Norm]);
                buckets[batch[i].Bucket].Add((batch[i].Pair, entry.ToArray()));
            }
            WriteScripts(searchDir, docSetChunks.TakeCompleted());
            WriteScripts(searchDir, pageChunks.TakeCompleted());
        }
        WriteScripts(searchDir, docSetChunks.Finish());
        WriteScripts(searchDir, pageChunks.Finish());
        byBucket = null;
        Parallel.For(0, bucketCount, i => WriteScript(searchDir, $"b/{i}", w =>
        {
            w.WriteStartObject();
            foreach (var (pair, entry) in buckets[i])
            {
                w.WritePropertyName(pair);
                WriteNumbers(w, entry);
            }
            w.WriteEndObject();
        }));
        buckets = null;

        // Dictionary shards: whole folded words, packed up to the shard size. A shard covers the folded words from its
        // first one up to the next shard's first (the first shard from ""): a prefix's union sits in the shard the
        // client reads for the prefix itself.
        var shards = new List<List<TermData>>();
        var shard = new List<TermData>();
        int shardBytes = 0;
        foreach (var group in GroupByFolded(terms))
        {
            int bytes = 0;
            foreach (var e in group) bytes += Encoding.UTF8.GetByteCount(e.Term) + 12 + 12 * e.Pages.Count;
            if (shard.Count > 0 && shardBytes + bytes > layout.DictionaryShardBytes)
            {
                shards.Add(shard);
                shard = [];
                shardBytes = 0;
            }
            shard.AddRange(group);
            shardBytes += bytes;
        }
        if (shard.Count > 0 || shards.Count == 0) shards.Add(shard);
        var shardStarts = new List<string>(shards.Count);
        var shardUnions = new List<List<KeyValuePair<string, int>>>(shards.Count);
        for (int i = 0; i < shards.Count; i++)
        {
            shardStarts.Add(i == 0 || shards[i].Count == 0 ? "" : shards[i][0].Folded);
            shardUnions.Add([]);
        }
        var unionsByPrefix = unionChunk.ToArray();
        Array.Sort(unionsByPrefix, (x, y) => string.CompareOrdinal(x.Key, y.Key));
        foreach (var u in unionsByPrefix)
        {
            int lo = 0, hi = shardStarts.Count - 1;
            while (lo < hi)
            {
                int mid = (lo + hi + 1) / 2;
                if (string.CompareOrdinal(shardStarts[mid], u.Key) <= 0) lo = mid; else hi = mid - 1;
            }
            shardUnions[lo].Add(u);
        }
        Parallel.For(0, shards.Count, i => WriteScript(searchDir, $"d/{i}", w => WriteDictionary(w, shards[i], shardUnions[i])));

        var themes = ThemeList(themeRegistry, passages);
        var themeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < themes.Count; i++) themeIndex[themes[i][0]] = i;
        int themeWidth = Math.Max(1, (themes.Count + 5) / 6);
        int themeBlocks = (maxDoc + layout.ThemeBlock - 1) / layout.ThemeBlock;
        Parallel.For(0, themeBlocks, block => WriteScript(searchDir, $"t/{block}", w => w.WriteStringValue(ThemeBlock(passages, block, themeIndex, themeWidth))));
        // Provinces (slug, the name of its first passage) in ordinal order of the slug.
        var provinceNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in passages) provinceNames.TryAdd(p.ProvinceSlug, p.ProvinceName);
        var provinces = new List<string[]>(provinceNames.Count);
        foreach (var (slug, name) in provinceNames) provinces.Add([slug, name]);
        provinces.Sort((x, y) => string.CompareOrdinal(x[0], y[0]));
        var provinceIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < provinces.Count; i++) provinceIndex[provinces[i][0]] = i;
        int storedBlocks = (maxDoc + layout.StoredBlock - 1) / layout.StoredBlock;
        Parallel.For(0, storedBlocks, block =>
            WriteScript(searchDir, $"s/{block}", w => WriteStoredBlock(w, passages, block, programmeIndex, rep, themeIndex, themeWidth)));

        // Copies (ExportCorpus.Rep): per block of passages each one's first copy (r/), per first copy its other copies (x/, e/).
        int repBlocks = (maxDoc + layout.RepBlock - 1) / layout.RepBlock;
        Parallel.For(0, repBlocks, block => WriteScript(searchDir, $"r/{block}", w => w.WriteStringValue(RepBlock(rep, block))));
        var copies = new List<int>[maxDoc];
        for (int d = 0; d < maxDoc; d++) if (rep[d] != d) (copies[rep[d]] ??= []).Add(d);
        // e/: all other copies of a first copy with more than CopyTier of them (x/ lists the first CopyTier).
        var moreChunks = new ChunkPacker(layout.ChunkBytes, "e");
        var copyEntries = new string?[maxDoc];
        for (int d = 0; d < maxDoc; d++)
        {
            if (copies[d] is not { } others) continue;
            var entry = new StringBuilder();
            Base64Varint.Write(entry, others.Count);
            if (others.Count > layout.CopyTier)
                Base64Varint.Write(entry, moreChunks.Add(d.ToString(System.Globalization.CultureInfo.InvariantCulture), CopyGaps(d, others, others.Count)));
            entry.Append(CopyGaps(d, others, layout.CopyTier));
            copyEntries[d] = entry.ToString();
            WriteScripts(searchDir, moreChunks.TakeCompleted());
        }
        WriteScripts(searchDir, moreChunks.Finish());
        copies = null;
        // The text of first copies only (copies have the same words), in files of TextBlock first copies: [text, norm
        // byte, copies (when it has any): their count, the e/ file of all of them when more than CopyTier, the first
        // CopyTier as gaps] — a result's group is read with its text.
        int textBlock = Math.Max(layout.TextBlock, (repDocs.Count + layout.MaxTextFiles - 1) / layout.MaxTextFiles);
        int textBlocks = (repDocs.Count + textBlock - 1) / textBlock;
        Parallel.For(0, textBlocks, block => WriteScript(searchDir, $"x/{block}", w =>
        {
            w.WriteStartArray();
            for (int i = block * textBlock; i < Math.Min(repDocs.Count, (block + 1) * textBlock); i++)
            {
                w.WriteStartArray();
                w.WriteStringValue(passages[repDocs[i]].Text);
                w.WriteNumberValue(norms[repDocs[i]]);
                if (copyEntries[repDocs[i]] is { } entry) w.WriteStringValue(entry);
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }));

        // Programme table: first document (delta) and province index, as varints.
        var programmeTable = new StringBuilder();
        int lastStart = 0;
        foreach (var p in programmes)
        {
            Base64Varint.Write(programmeTable, p.Doc - lastStart);
            Base64Varint.Write(programmeTable, provinceIndex[p.ProvinceSlug]);
            lastStart = p.Doc;
        }
        // meta.js, written field by field (once per build: the serializer's reflection would cost more than writing it).
        WriteScript(searchDir, "meta", w =>
        {
            w.WriteStartObject();
            w.WriteNumber("format", Format);
            w.WriteString("similarity", "BM25");
            w.WriteNumber("k1", PassageIndex.Similarity.K1);
            w.WriteNumber("b", PassageIndex.Similarity.B);
            w.WriteNumber("maxDoc", maxDoc);
            w.WriteStartObject("fields");
            foreach (var field in new[] { PassageFields.Text, PassageFields.Folded })
            {
                w.WriteStartObject(field);
                w.WriteNumber("maxDoc", maxDoc);
                w.WriteNumber("sumTotalTermFreq", corpus.SumTotalTermFreq);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteNumber("exactBoost", SearchQuery.ExactBoost);
            w.WriteNumber("prefixBoost", SearchQuery.PrefixBoost);
            w.WriteNumber("adjacencyBoost", SearchQuery.AdjacencyBoost);
            w.WriteNumber("maxPrefixTerms", SearchQuery.MaxPrefixTerms);
            w.WriteNumber("minPrefixLength", SearchQuery.MinPrefixLength);
            w.WriteNumber("maxWordLength", VietnameseText.MaxWordLength);
            w.WriteStartArray("tones");
            foreach (var (old, canonical) in VietnameseText.ToneTable) WriteStrings(w, [old, canonical]);
            w.WriteEndArray();
            w.WriteStartArray("dictionary");
            foreach (var start in shardStarts) w.WriteStringValue(start);
            w.WriteEndArray();
            w.WriteNumber("containerBits", DocSets.ContainerBits);
            w.WriteNumber("pairBuckets", bucketCount);
            w.WriteNumber("storedBlock", layout.StoredBlock);
            w.WriteNumber("textBlock", textBlock);
            w.WriteNumber("themeBlock", layout.ThemeBlock);
            w.WriteNumber("themeWidth", themeWidth);
            w.WriteString("programmes", programmeTable.ToString());
            if (repDocs.Count == maxDoc) w.WriteNull("reps");
            else w.WriteString("reps", templates.Encode(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(repDocs)));
            if (templates.Any) w.WriteString("templates", templates.Table);
            else w.WriteNull("templates");
            w.WriteNumber("repBlock", layout.RepBlock);
            w.WriteNumber("copyTier", layout.CopyTier);
            w.WriteStartArray("provinces");
            foreach (var p in provinces) WriteStrings(w, p);
            w.WriteEndArray();
            w.WriteStartArray("themes");
            foreach (var t in themes) WriteStrings(w, t);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>BM25's length part per norm byte, k1 · (1 − b + b · length / avgdl), as Lucene computes it (float).</summary>
    private static double[] LengthCache(long sumTotalTermFreq, long maxDoc)
    {
        float k1 = PassageIndex.Similarity.K1, b = PassageIndex.Similarity.B;
        float avgdl = sumTotalTermFreq <= 0 ? 1f : (float)(sumTotalTermFreq / (double)maxDoc);
        var cache = new double[256];
        for (int i = 0; i < 256; i++)
        {
            float f = SmallSingle(i);
            float length = 1f / (f * f);
            cache[i] = k1 * ((1 - b) + b * length / avgdl);
        }
        return cache;
    }

    private static float SmallSingle(int b)
    {
        if (b == 0) return 0f;
        int bits = ((b & 0xff) << 21) + ((63 - 15) << 24);
        return BitConverter.Int32BitsToSingle(bits);
    }

    /// <summary>
    /// The term's postings by impact (BM25's freq / (freq + length part): best first; ties by document) in pages of
    /// growing size, each with the (freq, norm) of its first posting. A page: runs of postings with the same
    /// (freq, norm): freq, norm, count, then per posting the document (first absolute, then the gap) and its positions (gaps).
    /// </summary>
    private List<(string Data, int Freq, int Norm)> BuildPages(FieldPostings postings, int term, byte[] norms, double[] lengthCache,
        FieldPostings? folded, int[] foldedOf, int[] rep)
    {
        int start = postings.TermStart[term], n = postings.DocFreq(term);
        // Only first copies (ExportCorpus.Rep) are listed: a copy's posting is its first copy's. Their frequencies and
        // positions are the only ones stored (FieldPostings), in posting order.
        int reps = postings.FreqStart[term + 1] - postings.FreqStart[term];
        var docs = new int[reps];
        var freqs = postings.Freqs.AsSpan(postings.FreqStart[term], reps).ToArray();
        var positionAt = new int[reps];
        int at = postings.PositionBase[term], r = 0;
        for (int i = start; i < start + n; i++)
        {
            int d = postings.Docs[i];
            if (rep[d] != d) continue;
            docs[r] = d;
            positionAt[r] = at;
            at += freqs[r++];
        }
        bool[]? sole = null;
        if (folded is not null)
        {
            // Exact form: per posting, whether it is the passage's only form of its folded word (same frequency), so the
            // client knows the folded posting (frequency and positions) from this one. Both lists are in document order;
            // fr follows k among the folded word's postings of first copies.
            sole = new bool[reps];
            int f = foldedOf[term], fStart = folded.TermStart[f], fEnd = fStart + folded.DocFreq(f), k = fStart, fr = folded.FreqStart[f];
            for (int i = 0; i < reps; i++)
            {
                while (k < fEnd && folded.Docs[k] < docs[i])
                {
                    if (rep[folded.Docs[k]] == folded.Docs[k]) fr++;
                    k++;
                }
                sole[i] = k < fEnd && folded.Docs[k] == docs[i] && folded.Freqs[fr] == freqs[i];
            }
        }
        return BuildPages(docs, freqs, postings.Positions, positionAt, norms, lengthCache, sole);
    }

    /// <summary>A pair's first copies (see <see cref="ExportCorpus.Rep"/>) among its passages; its frequencies are theirs already.</summary>
    private static int[] FirstCopies(int[] docs, int[] rep)
    {
        int n = 0;
        foreach (var d in docs) if (rep[d] == d) n++;
        if (n == docs.Length) return docs;
        var outDocs = new int[n];
        for (int i = 0, k = 0; i < docs.Length; i++) if (rep[docs[i]] == docs[i]) outDocs[k++] = docs[i];
        return outDocs;
    }

    /// <summary>
    /// Pages of postings by impact (see above); <paramref name="positions"/> null for a pair's postings, which carry no
    /// positions (a pair's frequency is its two-word phrase frequency).
    /// </summary>
    private List<(string Data, int Freq, int Norm)> BuildPages(int[] docs, int[] freqs, int[]? positions, int[]? positionAt, byte[] norms,
        double[] lengthCache, bool[]? sole = null)
    {
        int n = docs.Length;
        var order = ImpactOrder(docs, freqs, norms, lengthCache);
        var pages = new List<(string Data, int Freq, int Norm)>();
        var sb = new StringBuilder();
        int at = 0, size = layout.FirstPage;
        while (at < n)
        {
            int end = Math.Min(n, at + size);
            sb.Clear();
            int i = at;
            while (i < end)
            {
                int freq = freqs[order[i]], norm = norms[docs[order[i]]];
                int j = i;
                while (j < end && freqs[order[j]] == freq && norms[docs[order[j]]] == norm) j++;
                Base64Varint.Write(sb, freq);
                Base64Varint.Write(sb, norm);
                Base64Varint.Write(sb, j - i);
                int lastDoc = 0;
                for (int k = i; k < j; k++)
                {
                    int doc = docs[order[k]];
                    int gap = k == i ? doc : doc - lastDoc - 1;
                    Base64Varint.Write(sb, sole is null ? gap : gap * 2 + (sole[order[k]] ? 1 : 0));
                    lastDoc = doc;
                    if (positions is null) continue;
                    int lastPos = 0, from = positionAt![order[k]];
                    for (int p = from; p < from + freqs[order[k]]; p++)
                    {
                        Base64Varint.Write(sb, positions[p] - lastPos);
                        lastPos = positions[p];
                    }
                }
                i = j;
            }
            pages.Add((sb.ToString(), freqs[order[at]], norms[docs[order[at]]]));
            at = end;
            size = Math.Min(layout.MaxPage, size * 2);
        }
        return pages;
    }

    /// <summary>
    /// Posting indices best impact first: BM25's freq / (freq + length part) descending, then freq descending, norm
    /// ascending, document ascending. The impact depends only on (freq, norm), and a list holds few distinct pairs: they
    /// are ranked once with that comparison, and the postings (in document order) are placed by rank in one pass.
    /// </summary>
    private static int[] ImpactOrder(int[] docs, int[] freqs, byte[] norms, double[] lengthCache)
    {
        int n = docs.Length;
        var order = new int[n];
        if (n <= 1) return order;
        var codes = new long[n];
        for (int i = 0; i < n; i++) codes[i] = ((long)freqs[i] << 8) | norms[docs[i]];
        var distinct = (long[])codes.Clone();
        Array.Sort(distinct);
        int m = 0;
        for (int i = 0; i < n; i++) if (m == 0 || distinct[m - 1] != distinct[i]) distinct[m++] = distinct[i];
        var ranked = distinct.AsSpan(0, m).ToArray();
        static double Impact(long code, double[] lengthCache) => (code >> 8) / ((code >> 8) + lengthCache[code & 0xff]);
        Array.Sort(ranked, (x, y) =>
        {
            int c = Impact(y, lengthCache).CompareTo(Impact(x, lengthCache));
            if (c == 0) c = (y >> 8).CompareTo(x >> 8);
            return c != 0 ? c : (x & 0xff).CompareTo(y & 0xff);
        });
        var rankOfDistinct = new int[m];
        for (int r = 0; r < m; r++) rankOfDistinct[Array.BinarySearch(distinct, 0, m, ranked[r])] = r;
        // Counting sort by rank: postings of one rank stay in document order.
        var rank = new int[n];
        var start = new int[m + 1];
        for (int i = 0; i < n; i++) start[(rank[i] = rankOfDistinct[Array.BinarySearch(distinct, 0, m, codes[i])]) + 1]++;
        for (int r = 0; r < m; r++) start[r + 1] += start[r];
        for (int i = 0; i < n; i++) order[start[rank[i]]++] = i;
        return order;
    }

    private static IEnumerable<List<TermData>> GroupByFolded(List<TermData> sorted)
    {
        var group = new List<TermData>();
        foreach (var t in sorted)
        {
            if (group.Count > 0 && group[0].Folded != t.Folded)
            {
                yield return group;
                group = [];
            }
            group.Add(t);
        }
        if (group.Count > 0) yield return group;
    }

    /// <summary>
    /// For every prefix the client may expand (at least <see cref="SearchQuery.MinPrefixLength"/> code points), the union
    /// of the match sets of its expansions (the same choice as <see cref="SearchQuery.PrefixTerms"/>; not the prefix
    /// itself, whose own set the client has: a passage outside the union holds none of the expansions) — kept only where
    /// loading the expansions' sets one by one would cost more than <see cref="ExportLayout.UnionBytes"/>.
    /// </summary>
    private List<(string Prefix, string DocSet)> PrefixUnions(List<TermData> folded, FieldPostings postings, int maxDoc, CopyTemplates templates)
    {
        var prefixes = new List<string>();
        foreach (var t in folded)
        {
            var cps = CodePointEnds(t.Term);
            for (int k = SearchQuery.MinPrefixLength; k < cps.Count; k++) prefixes.Add(t.Term[..cps[k - 1]]);
        }
        prefixes.Sort(StringComparer.Ordinal);
        var candidates = new List<(string Prefix, List<TermData> Members)>();
        int from = 0;
        var expansions = new List<TermData>();
        for (int n = 0; n < prefixes.Count; n++)
        {
            var p = prefixes[n];
            if (n > 0 && p == prefixes[n - 1]) continue;
            while (from < folded.Count && string.CompareOrdinal(folded[from].Term, p) < 0) from++;
            expansions.Clear();
            for (int i = from; i < folded.Count && folded[i].Term.StartsWith(p, StringComparison.Ordinal); i++)
                if (folded[i].Term != p) expansions.Add(folded[i]);
            // The client's choice: highest document frequency first, then ordinal order (terms are distinct: a total order).
            expansions.Sort((x, y) => x.DocFreq != y.DocFreq ? y.DocFreq.CompareTo(x.DocFreq) : string.CompareOrdinal(x.Term, y.Term));
            int take = Math.Min(SearchQuery.MaxPrefixTerms, expansions.Count), bytes = 0;
            for (int i = 0; i < take; i++) bytes += expansions[i].DocSet!.Length;
            if (bytes <= layout.UnionBytes) continue;
            candidates.Add((p, expansions.GetRange(0, take)));
        }
        var result = new List<(string, string)>(candidates.Count);
        result.AddRange(new (string, string)[candidates.Count]);
        Parallel.For(0, candidates.Count, i =>
        {
            int words = (maxDoc + 63) >> 6;
            var bits = System.Buffers.ArrayPool<ulong>.Shared.Rent(words);
            var docs = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(1, maxDoc));
            try
            {
                Array.Clear(bits, 0, words);
                foreach (var m in candidates[i].Members) foreach (var d in postings.DocsOf(m.Index)) bits[d >> 6] |= 1UL << (d & 63);
                int count = 0;
                for (int w = 0; w < words; w++)
                    for (ulong x = bits[w]; x != 0; x &= x - 1) docs[count++] = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(x);
                result[i] = (candidates[i].Prefix, templates.Encode(docs.AsSpan(0, count)));
            }
            finally
            {
                System.Buffers.ArrayPool<ulong>.Shared.Return(bits);
                System.Buffers.ArrayPool<int>.Shared.Return(docs);
            }
        });
        return result;
    }

    /// <summary>FNV-1a (32 bits) over the UTF-16 code units: the pair's bucket, computed the same way by the client.</summary>
    public static uint PairHash(string pair)
    {
        uint h = 2166136261;
        foreach (var c in pair) { h ^= c; h *= 16777619; }
        return h;
    }

    private static List<int> CodePointEnds(string s)
    {
        var ends = new List<int>();
        for (int i = 0; i < s.Length; i += char.IsSurrogatePair(s, i) ? 2 : 1) ends.Add(i + (char.IsSurrogatePair(s, i) ? 2 : 1));
        return ends;
    }

    /// <summary>
    /// A dictionary shard: <c>{"f":{term:[docFreq, match-set chunk, (page chunk, freq, norm)…]…},"t":{…},"u":{prefix:
    /// chunk…}}</c>, terms and prefixes in ordinal order, a field only when it has terms, <c>u</c> only with unions.
    /// </summary>
    private static void WriteDictionary(Utf8JsonWriter w, List<TermData> entries, List<KeyValuePair<string, int>> unions)
    {
        w.WriteStartObject();
        foreach (var field in new[] { "f", "t" })
        {
            var ofField = entries.FindAll(e => e.Field == field);
            if (ofField.Count == 0) continue;
            ofField.Sort((x, y) => string.CompareOrdinal(x.Term, y.Term));
            w.WriteStartObject(field);
            foreach (var e in ofField)
            {
                w.WriteStartArray(e.Term);
                w.WriteNumberValue(e.DocFreq);
                w.WriteNumberValue(e.DocSetChunk);
                foreach (var page in e.Pages)
                {
                    w.WriteNumberValue(page.Chunk);
                    w.WriteNumberValue(page.Freq);
                    w.WriteNumberValue(page.Norm);
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        if (unions.Count > 0)
        {
            var sorted = unions.ToArray();
            Array.Sort(sorted, (x, y) => string.CompareOrdinal(x.Key, y.Key));
            w.WriteStartObject("u");
            foreach (var (prefix, chunk) in sorted) w.WriteNumber(prefix, chunk);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string[] values)
    {
        w.WriteStartArray();
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static List<string[]> ThemeList(IReadOnlyList<Theme> registry, IReadOnlyList<PassageRecord> passages)
    {
        // The registry's themes and any other theme id a passage has ([id, id, id]), ordinal order of the id.
        var themes = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var t in registry) themes.TryAdd(t.Id, [t.Id, t.NameVi, t.NameEn]);
        foreach (var p in passages) foreach (var id in p.Themes) themes.TryAdd(id, [id, id, id]);
        var list = new List<string[]>(themes.Values);
        list.Sort((x, y) => string.CompareOrdinal(x[0], y[0]));
        return list;
    }

    private static string ThemeMask(PassageRecord passage, Dictionary<string, int> themeIndex, int themeWidth) =>
        string.Create(themeWidth, (passage, themeIndex), static (into, state) => ThemeMask(state.passage, state.themeIndex, into));

    /// <summary>The passage's theme bit mask, 6 themes per base64 character, into <paramref name="into"/> (the mask's width).</summary>
    private static void ThemeMask(PassageRecord passage, Dictionary<string, int> themeIndex, Span<char> into)
    {
        into.Clear();
        foreach (var t in passage.Themes)
        {
            int i = themeIndex[t];
            into[i / 6] = (char)(into[i / 6] | (1 << (i % 6)));
        }
        for (int c = 0; c < into.Length; c++) into[c] = Base64Varint.Alphabet[into[c]];
    }

    /// <summary>The first <paramref name="count"/> copies of a first copy as gaps (varints).</summary>
    private static string CopyGaps(int first, List<int> copies, int count)
    {
        var sb = new StringBuilder();
        int last = first;
        for (int i = 0; i < Math.Min(count, copies.Count); i++) { Base64Varint.Write(sb, copies[i] - last - 1); last = copies[i]; }
        return sb.ToString();
    }

    /// <summary>
    /// Per passage of the block its first copy, as varints: zigzag(first copy − previous passage's first copy − 1)
    /// (the block's first passage counts from −1), so runs of copies of consecutive passages are one character each.
    /// </summary>
    private string RepBlock(int[] rep, int block)
    {
        var sb = new StringBuilder();
        int end = Math.Min(rep.Length, (block + 1) * layout.RepBlock), previous = -1;
        for (int doc = block * layout.RepBlock; doc < end; doc++)
        {
            long delta = rep[doc] - previous - 1L;
            Base64Varint.Write(sb, delta >= 0 ? delta * 2 : -delta * 2 - 1);
            previous = rep[doc];
        }
        return sb.ToString();
    }

    /// <summary>Per passage of the block its theme bit mask, 6 themes per base64 character.</summary>
    private string ThemeBlock(IReadOnlyList<PassageRecord> passages, int block, Dictionary<string, int> themeIndex, int themeWidth)
    {
        int from = block * layout.ThemeBlock, end = Math.Min(passages.Count, (block + 1) * layout.ThemeBlock);
        return string.Create((end - from) * themeWidth, (passages, from, themeIndex, themeWidth), static (into, state) =>
        {
            for (int i = 0; i < into.Length / state.themeWidth; i++)
                ThemeMask(state.passages[state.from + i], state.themeIndex, into.Slice(i * state.themeWidth, state.themeWidth));
        });
    }

    /// <summary>
    /// The stored block's file: <c>{"p":[[programme, slug, title]…],"c":[section trail…],"d":[[programme, passage id,
    /// trail index, theme mask, passage − its first copy]…]}</c> (the text is its first copy's, in <c>x/</c>).
    /// </summary>
    private void WriteStoredBlock(Utf8JsonWriter w, IReadOnlyList<PassageRecord> passages, int block, Dictionary<string, int> programmeIndex,
        int[] rep, Dictionary<string, int> themeIndex, int themeWidth)
    {
        int from = block * layout.StoredBlock, to = Math.Min(passages.Count, from + layout.StoredBlock);
        w.WriteStartObject();
        w.WriteStartArray("p");
        for (int i = from; i < to; i++)
        {
            var r = passages[i];
            bool seen = false;
            for (int j = from; j < i && !seen; j++) seen = passages[j].Slug == r.Slug;
            if (seen) continue;
            w.WriteStartArray();
            w.WriteNumberValue(programmeIndex[r.Slug]);
            w.WriteStringValue(r.Slug);
            w.WriteStringValue(r.Title);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        // Consecutive passages mostly share their section trail: each trail once per file, rows point to it.
        var sections = new List<string>();
        for (int i = from; i < to; i++) if (!sections.Contains(passages[i].Section, StringComparer.Ordinal)) sections.Add(passages[i].Section);
        w.WriteStartArray("c");
        foreach (var section in sections) w.WriteStringValue(section);
        w.WriteEndArray();
        w.WriteStartArray("d");
        for (int i = from; i < to; i++)
        {
            var r = passages[i];
            w.WriteStartArray();
            w.WriteNumberValue(programmeIndex[r.Slug]);
            w.WriteStringValue(r.PassageId);
            w.WriteNumberValue(sections.IndexOf(r.Section));
            w.WriteStringValue(ThemeMask(r, themeIndex, themeWidth));
            w.WriteNumberValue(r.Doc - rep[r.Doc]);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteScripts(string dir, List<PackedChunk> files)
    {
        if (files.Count == 1) WriteChunk(dir, files[0]);
        else if (files.Count > 1) Parallel.For(0, files.Count, i => WriteChunk(dir, files[i]));
    }

    /// <summary>A chunk of match sets or impact pages: key → encoded string, keys in ordinal order.</summary>
    private static void WriteChunk(string dir, PackedChunk chunk)
    {
        var keys = chunk.Keys.ToArray();
        var values = chunk.Values.ToArray();
        Array.Sort(keys, values, StringComparer.Ordinal);
        WriteScript(dir, chunk.Name, w =>
        {
            w.WriteStartObject();
            for (int i = 0; i < keys.Length; i++) w.WriteString(keys[i], values[i]);
            w.WriteEndObject();
        });
    }

    private static void WriteNumbers(Utf8JsonWriter w, int[] values)
    {
        w.WriteStartArray();
        foreach (var v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>
    /// Writes <c>AtlasSearch._register("name",data);</c> (the folders exist: created once by <see cref="Write"/>), the data
    /// written straight as UTF-8 JSON (relaxed escaping, as the serializer was set to write it): tens of thousands of files are written,
    /// so no object graph or intermediate string is built for them.
    /// </summary>
    private static void WriteScript(string dir, string name, Action<Utf8JsonWriter> data)
    {
        using var buffer = new PooledBytes(16 * 1024);
        buffer.Write("AtlasSearch._register(\""u8);
        Encoding.UTF8.GetBytes(name, buffer);
        buffer.Write("\","u8);
        using (var w = new Utf8JsonWriter(buffer, Writer)) data(w);
        buffer.Write(");\n"u8);
        File.WriteAllBytes(Path.Combine(dir, name + ".js"), buffer.WrittenSpan);
    }

}

/// <summary>
/// Packs named strings, in the order given, into numbered chunks of about a target size (a large one alone). A chunk
/// is complete when the next one opens: <see cref="TakeCompleted"/> hands it over to be written, so finished chunks are
/// not kept.
/// </summary>
internal sealed class ChunkPacker(int target, string folder)
{
    private int bytes;
    private int count;
    private PackedChunk? current;
    private readonly List<PackedChunk> completed = [];

    public int Add(string key, string data)
    {
        int size = data.Length + key.Length + 6;
        if (current is null || (bytes > 0 && bytes + size > target))
        {
            if (current is not null) completed.Add(current);
            current = new PackedChunk($"{folder}/{count}");
            count++;
            bytes = 0;
        }
        current.Keys.Add(key);
        current.Values.Add(data);
        bytes += size;
        return count - 1;
    }

    public List<PackedChunk> TakeCompleted()
    {
        var done = new List<PackedChunk>(completed);
        completed.Clear();
        return done;
    }

    /// <summary>Every chunk not yet taken, the last one included.</summary>
    public List<PackedChunk> Finish()
    {
        if (current is not null) completed.Add(current);
        current = null;
        return TakeCompleted();
    }
}

/// <summary>One chunk file's named strings, in the order added (each key once); written in ordinal order of the keys.</summary>
internal sealed class PackedChunk(string name)
{
    public string Name { get; } = name;
    public List<string> Keys { get; } = [];
    public List<string> Values { get; } = [];
}

/// <summary>
/// Sets of document numbers as compact strings (a simple Roaring bitmap): documents in containers of 2^<see cref="ContainerBits"/>;
/// per non-empty container: the gap from the previous container, then count·2 + kind, then either the documents as gaps
/// (kind 0: first from the container start, then the distance − 1) or a bitmap (kind 1: 6 documents per character),
/// whichever is shorter. All numbers are <see cref="Base64Varint"/>s.
/// </summary>
public static class DocSets
{
    public const int ContainerBits = 12;
    private const int ContainerSize = 1 << ContainerBits;
    private const int BitmapChars = (ContainerSize + 5) / 6;

    public static string Encode(ReadOnlySpan<int> sortedDocs)
    {
        var sink = new CharSink(256);
        try
        {
            Encode(sortedDocs, ref sink);
            return sink.ToString();
        }
        finally
        {
            sink.Dispose();
        }
    }

    /// <summary>The length of <see cref="Encode(ReadOnlySpan{int})"/>'s string, without writing it.</summary>
    internal static int EncodedLength(ReadOnlySpan<int> sortedDocs)
    {
        int i = 0, lastContainer = -1, length = 0;
        while (i < sortedDocs.Length)
        {
            int container = sortedDocs[i] >> ContainerBits, start = i;
            int last = (container << ContainerBits) - 1, listChars = 0;
            while (i < sortedDocs.Length && sortedDocs[i] >> ContainerBits == container)
            {
                listChars += Base64Varint.Length(sortedDocs[i] - last - 1);
                last = sortedDocs[i++];
            }
            int count = i - start;
            length += Base64Varint.Length(container - lastContainer - 1);
            lastContainer = container;
            length += listChars <= BitmapChars ? Base64Varint.Length(count * 2) + listChars : Base64Varint.Length(count * 2 + 1) + BitmapChars;
        }
        return length;
    }

    /// <summary>Appends the encoded set to <paramref name="sink"/>.</summary>
    internal static void Encode(ReadOnlySpan<int> sortedDocs, ref CharSink sink)
    {
        int i = 0, lastContainer = -1;
        while (i < sortedDocs.Length)
        {
            int container = sortedDocs[i] >> ContainerBits, start = i;
            // The list form's length decides between the two forms before either is written.
            int baseDoc = container << ContainerBits, last = baseDoc - 1, listChars = 0;
            while (i < sortedDocs.Length && sortedDocs[i] >> ContainerBits == container)
            {
                listChars += Base64Varint.Length(sortedDocs[i] - last - 1);
                last = sortedDocs[i++];
            }
            int count = i - start;
            Base64Varint.Write(ref sink, container - lastContainer - 1);
            lastContainer = container;
            if (listChars <= BitmapChars)
            {
                Base64Varint.Write(ref sink, count * 2);
                last = baseDoc - 1;
                for (int k = start; k < i; k++) { Base64Varint.Write(ref sink, sortedDocs[k] - last - 1); last = sortedDocs[k]; }
            }
            else
            {
                Base64Varint.Write(ref sink, count * 2 + 1);
                var chars = sink.Reserve(BitmapChars);
                chars.Clear();
                for (int k = start; k < i; k++)
                {
                    int off = sortedDocs[k] - baseDoc;
                    chars[off / 6] = (char)(chars[off / 6] | (1 << (off % 6)));
                }
                for (int c = 0; c < chars.Length; c++) chars[c] = Base64Varint.Alphabet[chars[c]];
                sink.Advance(BitmapChars);
            }
        }
    }

    public static List<int> Decode(string s)
    {
        var docs = new List<int>();
        int at = 0, container = -1;
        while (at < s.Length)
        {
            container += (int)Next(s, ref at) + 1;
            int header = (int)Next(s, ref at), count = header >> 1, baseDoc = container << ContainerBits;
            if ((header & 1) == 0)
            {
                int last = baseDoc - 1;
                for (int k = 0; k < count; k++) { last += (int)Next(s, ref at) + 1; docs.Add(last); }
            }
            else
            {
                for (int c = 0; c < BitmapChars; c++)
                {
                    int v = Base64Varint.Alphabet.IndexOf(s[at + c]);
                    for (int bit = 0; bit < 6; bit++) if ((v & (1 << bit)) != 0) docs.Add(baseDoc + c * 6 + bit);
                }
                at += BitmapChars;
            }
        }
        return docs;
    }

    private static long Next(string s, ref int at)
    {
        long value = 0;
        int shift = 0;
        while (true)
        {
            int d = Base64Varint.Alphabet.IndexOf(s[at++]);
            value |= (long)(d & 31) << shift;
            if ((d & 32) == 0) return value;
            shift += 5;
        }
    }
}
