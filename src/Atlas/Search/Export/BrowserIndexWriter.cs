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
/// <param name="StoredBlock">Passages per stored-text file (a result loads only its own file).</param>
/// <param name="ThemeBlock">Passages per theme-mask file (facets and the theme filter).</param>
/// <param name="UnionBytes">A prefix whose expansions' match sets weigh more than this gets a precomputed union.</param>
public sealed record ExportLayout(int DictionaryShardBytes = 3_000, int ChunkBytes = 2_000, int FirstPage = 64, int MaxPage = 512,
    int StoredBlock = 4, int ThemeBlock = 512, int UnionBytes = 4_000);

/// <summary>
/// Writes the Lucene passage index as self-registering script files under <c>search/</c>
/// (<c>AtlasSearch._register(name, data)</c>), readable from file:// and http(s):// (format 3):
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
/// whole list (top-k with upper bounds);</item>
/// <item><c>s/N.js</c>: what a result shows and what exact scoring needs, for <see cref="ExportLayout.StoredBlock"/>
/// consecutive passages: <c>p</c> programmes (index, slug, title), <c>c</c> section trails, <c>d</c> rows (programme,
/// passage id, index in <c>c</c>, text, Lucene's norm byte, theme mask);</item>
/// <item><c>t/N.js</c>: per passage the theme bit mask (facets, theme filter).</item>
/// </list>
/// Everything is ordinal-sorted and integer-valued, so the same index gives the same bytes.
/// </summary>
public sealed class BrowserIndexWriter(ExportLayout? layout = null)
{
    public const int Format = 3; // 3: stored files of 4 passages with shared section trails

    private readonly ExportLayout layout = layout ?? new ExportLayout();

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>One term of one field with its postings (document order) and where its data went.</summary>
    private sealed class TermData(string field, string term, int[] docs, int[] freqs, int[][] positions)
    {
        public string Field { get; } = field;
        public string Term { get; } = term;
        public string Folded { get; } = field == "f" ? term : VietnameseText.Fold(term);
        public int[] Docs { get; } = docs;
        public int[] Freqs { get; } = freqs;
        public int[][] Positions { get; } = positions;
        public string? DocSet { get; set; }
        public int DocSetChunk { get; set; } = -1;
        public List<(string Data, int Freq, int Norm)> Pages { get; } = [];
        public List<int> PageChunks { get; } = [];
    }

    public void Write(PassageIndex index, AtlasModel model, string searchDir) => Write(index.Passages, model.Themes, searchDir);

    public void Write(PassageIndex index, IReadOnlyList<Theme> themeRegistry, string searchDir) => Write(index.Passages, themeRegistry, searchDir);

    /// <summary>Exports these passages (document numbers = positions in the list) without building a Lucene index.</summary>
    public void Write(IReadOnlyList<PassageRecord> passages, IReadOnlyList<Theme> themeRegistry, string searchDir)
    {
        Directory.CreateDirectory(searchDir);
        var corpus = ExportCorpus.Of(passages);
        int maxDoc = passages.Count;
        var norms = corpus.Norms;
        var stats = new Dictionary<string, object>(StringComparer.Ordinal);
        var kCache = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (field, tag) in new[] { (PassageFields.Text, "t"), (PassageFields.Folded, "f") })
        {
            stats[field] = new { maxDoc, sumTotalTermFreq = corpus.SumTotalTermFreq };
            kCache[tag] = LengthCache(corpus.SumTotalTermFreq, maxDoc);
        }

        // Read both fields; every term's pages and match set are independent, so they are built in parallel and
        // then placed in files in one fixed (ordinal) order.
        var terms = corpus.Terms.Select(t => new TermData(t.Field, t.Term, t.Docs, t.Freqs, t.Positions)).ToList();
        terms.Sort((a, b) =>
        {
            int c = string.CompareOrdinal(a.Folded, b.Folded);
            if (c == 0) c = string.CompareOrdinal(a.Field, b.Field);
            return c != 0 ? c : string.CompareOrdinal(a.Term, b.Term);
        });
        Parallel.ForEach(terms, t =>
        {
            if (t.Field == "f") t.DocSet = DocSets.Encode(t.Docs);
            BuildPages(t, norms, kCache[t.Field]);
        });

        // Adjacent folded word pairs: which passages have them side by side (decides phrases and the adjacency clause).
        var pairs = Bigrams(terms.Where(t => t.Field == "f").ToList(), maxDoc);

        // Precomputed unions for prefixes whose expansions would be costly to load one by one.
        var folded = terms.Where(t => t.Field == "f").ToList();
        var unions = PrefixUnions(folded, maxDoc);

        // Match sets and pages: packed in term order into chunks.
        var docSetChunks = new ChunkPacker(layout.ChunkBytes);
        var unionChunk = new Dictionary<string, int>(StringComparer.Ordinal);
        var unionsByPrefix = unions.ToDictionary(u => u.Prefix, u => u.DocSet, StringComparer.Ordinal);
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
        }
        while (unionNext < unions.Count)
        {
            var u = unions[unionNext++];
            unionChunk[u.Prefix] = docSetChunks.Add("u:" + u.Prefix, u.DocSet);
        }
        var pageChunks = new ChunkPacker(layout.ChunkBytes);
        foreach (var t in terms)
            for (int p = 0; p < t.Pages.Count; p++)
                t.PageChunks.Add(pageChunks.Add($"{t.Field}:{t.Term}:{p}", t.Pages[p].Data));

        // Pair sets: in buckets by hash of the pair (FNV-1a over UTF-16 units, as the client computes it); a bucket maps
        // the pair to the chunk of its set, sets packed in bucket order.
        int bucketCount = Math.Max(1, pairs.Count / 64);
        var buckets = new SortedDictionary<string, int>[bucketCount];
        for (int i = 0; i < bucketCount; i++) buckets[i] = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byBucket = pairs.Select(p => (Bucket: (int)(PairHash(p.Pair) % (uint)bucketCount), p.Pair, p.DocSet))
            .OrderBy(p => p.Bucket).ThenBy(p => p.Pair, StringComparer.Ordinal).ToList();
        foreach (var p in byBucket) buckets[p.Bucket][p.Pair] = docSetChunks.Add("b:" + p.Pair, p.DocSet);

        var writes = new List<(string Name, object Data)>();
        for (int i = 0; i < bucketCount; i++) writes.Add(($"b/{i}", buckets[i]));
        writes.AddRange(docSetChunks.Chunks.Select((c, i) => ($"m/{i}", (object)c)));
        writes.AddRange(pageChunks.Chunks.Select((c, i) => ($"i/{i}", (object)c)));

        // Dictionary shards: whole folded words, packed up to the shard size. A shard covers the folded words from its
        // first one up to the next shard's first (the first shard from ""): a prefix's union sits in the shard the
        // client reads for the prefix itself.
        var shards = new List<List<TermData>>();
        var shard = new List<TermData>();
        int shardBytes = 0;
        foreach (var group in GroupByFolded(terms))
        {
            int bytes = group.Sum(e => Encoding.UTF8.GetByteCount(e.Term) + 12 + 12 * e.Pages.Count);
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
        var shardStarts = shards.Select((s, i) => i == 0 || s.Count == 0 ? "" : s[0].Folded).ToList();
        var shardUnions = shards.Select(_ => new List<KeyValuePair<string, int>>()).ToList();
        foreach (var u in unionChunk.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            int lo = 0, hi = shardStarts.Count - 1;
            while (lo < hi)
            {
                int mid = (lo + hi + 1) / 2;
                if (string.CompareOrdinal(shardStarts[mid], u.Key) <= 0) lo = mid; else hi = mid - 1;
            }
            shardUnions[lo].Add(u);
        }
        for (int i = 0; i < shards.Count; i++) writes.Add(($"d/{i}", Dictionary(shards[i], shardUnions[i])));

        var themes = ThemeList(themeRegistry, passages);
        var themeIndex = themes.Select((t, i) => (t[0], i)).ToDictionary(x => x.Item1, x => x.i, StringComparer.Ordinal);
        int themeWidth = Math.Max(1, (themes.Count + 5) / 6);
        writes.AddRange(ThemeBlocks(passages, themeIndex, themeWidth));
        var provinces = passages.GroupBy(p => p.ProvinceSlug).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new[] { g.Key, g.First().ProvinceName }).ToList();
        var provinceIndex = provinces.Select((p, i) => (p[0], i)).ToDictionary(x => x.Item1, x => x.i, StringComparer.Ordinal);
        var programmes = passages.GroupBy(p => p.Slug).Select(g => g.First()).OrderBy(p => p.Doc).ToList();
        var programmeIndex = programmes.Select((p, i) => (p.Slug, i)).ToDictionary(x => x.Slug, x => x.i, StringComparer.Ordinal);
        writes.AddRange(StoredBlocks(passages, programmeIndex, norms, themeIndex, themeWidth));

        // Programme table: first document (delta) and province index, as varints.
        var programmeTable = new StringBuilder();
        int lastStart = 0;
        foreach (var p in programmes)
        {
            Base64Varint.Write(programmeTable, p.Doc - lastStart);
            Base64Varint.Write(programmeTable, provinceIndex[p.ProvinceSlug]);
            lastStart = p.Doc;
        }
        var meta = new
        {
            format = Format,
            similarity = "BM25",
            k1 = PassageIndex.Similarity.K1,
            b = PassageIndex.Similarity.B,
            maxDoc,
            fields = stats,
            exactBoost = SearchQuery.ExactBoost,
            prefixBoost = SearchQuery.PrefixBoost,
            adjacencyBoost = SearchQuery.AdjacencyBoost,
            maxPrefixTerms = SearchQuery.MaxPrefixTerms,
            minPrefixLength = SearchQuery.MinPrefixLength,
            maxWordLength = VietnameseText.MaxWordLength,
            tones = VietnameseText.ToneTable.Select(t => new[] { t.Old, t.New }).ToList(),
            dictionary = shardStarts,
            containerBits = DocSets.ContainerBits,
            pairBuckets = bucketCount,
            storedBlock = layout.StoredBlock,
            themeBlock = layout.ThemeBlock,
            themeWidth,
            programmes = programmeTable.ToString(),
            provinces,
            themes,
        };
        writes.Add(("meta", meta));

        // Serialising and writing is most of the time: in parallel, each file on its own.
        Parallel.ForEach(writes, w => WriteScript(searchDir, w.Name, w.Data));
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
    /// growing size. A page: runs of postings with the same (freq, norm): freq, norm, count, then per posting the
    /// document (first absolute, then the gap) and its positions (gaps).
    /// </summary>
    private void BuildPages(TermData t, byte[] norms, double[] lengthCache)
    {
        int n = t.Docs.Length;
        var order = new int[n];
        var impact = new double[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
            impact[i] = t.Freqs[i] / (t.Freqs[i] + lengthCache[norms[t.Docs[i]]]);
        }
        Array.Sort(order, (x, y) =>
        {
            int c = impact[y].CompareTo(impact[x]);
            if (c == 0) c = t.Freqs[y].CompareTo(t.Freqs[x]);
            if (c == 0) c = norms[t.Docs[x]].CompareTo(norms[t.Docs[y]]);
            return c != 0 ? c : t.Docs[x].CompareTo(t.Docs[y]);
        });
        int at = 0, size = layout.FirstPage;
        while (at < n)
        {
            int end = Math.Min(n, at + size);
            var sb = new StringBuilder();
            int i = at;
            while (i < end)
            {
                int freq = t.Freqs[order[i]], norm = norms[t.Docs[order[i]]];
                int j = i;
                while (j < end && t.Freqs[order[j]] == freq && norms[t.Docs[order[j]]] == norm) j++;
                Base64Varint.Write(sb, freq);
                Base64Varint.Write(sb, norm);
                Base64Varint.Write(sb, j - i);
                int lastDoc = 0;
                for (int k = i; k < j; k++)
                {
                    int doc = t.Docs[order[k]];
                    Base64Varint.Write(sb, k == i ? doc : doc - lastDoc - 1);
                    lastDoc = doc;
                    int lastPos = 0;
                    foreach (var pos in t.Positions[order[k]])
                    {
                        Base64Varint.Write(sb, pos - lastPos);
                        lastPos = pos;
                    }
                }
                i = j;
            }
            t.Pages.Add((sb.ToString(), t.Freqs[order[at]], norms[t.Docs[order[at]]]));
            at = end;
            size = Math.Min(layout.MaxPage, size * 2);
        }
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
    /// of the match sets of its expansions (the same choice as <see cref="SearchQuery.PrefixTerms"/>) and of the prefix
    /// itself — kept only where loading the expansions' sets one by one would cost more than <see cref="ExportLayout.UnionBytes"/>.
    /// </summary>
    private List<(string Prefix, string DocSet)> PrefixUnions(List<TermData> folded, int maxDoc)
    {
        var byTerm = folded.ToDictionary(t => t.Term, StringComparer.Ordinal);
        var prefixes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var t in folded)
        {
            var cps = CodePointEnds(t.Term);
            for (int k = SearchQuery.MinPrefixLength; k < cps.Count; k++) prefixes.Add(t.Term[..cps[k - 1]]);
        }
        var candidates = new List<(string Prefix, List<TermData> Members)>();
        int from = 0;
        foreach (var p in prefixes)
        {
            while (from < folded.Count && string.CompareOrdinal(folded[from].Term, p) < 0) from++;
            var expansions = new List<TermData>();
            for (int i = from; i < folded.Count && folded[i].Term.StartsWith(p, StringComparison.Ordinal); i++)
                if (folded[i].Term != p) expansions.Add(folded[i]);
            var chosen = expansions.OrderByDescending(e => e.Docs.Length).ThenBy(e => e.Term, StringComparer.Ordinal)
                .Take(SearchQuery.MaxPrefixTerms).ToList();
            if (chosen.Sum(e => e.DocSet!.Length) <= layout.UnionBytes) continue;
            if (byTerm.TryGetValue(p, out var self)) chosen.Add(self);
            candidates.Add((p, chosen));
        }
        var result = new (string, string)[candidates.Count];
        Parallel.For(0, candidates.Count, i =>
        {
            var bits = new bool[maxDoc];
            foreach (var m in candidates[i].Members) foreach (var d in m.Docs) bits[d] = true;
            var docs = new List<int>();
            for (int d = 0; d < maxDoc; d++) if (bits[d]) docs.Add(d);
            result[i] = (candidates[i].Prefix, DocSets.Encode(docs.ToArray()));
        });
        return result.ToList();
    }

    /// <summary>FNV-1a (32 bits) over the UTF-16 code units: the pair's bucket, computed the same way by the client.</summary>
    public static uint PairHash(string pair)
    {
        uint h = 2166136261;
        foreach (var c in pair) { h ^= c; h *= 16777619; }
        return h;
    }

    /// <summary>Every pair of folded words at adjacent positions ("nong nghiep"), with the passages that have it.</summary>
    private static List<(string Pair, string DocSet)> Bigrams(List<TermData> folded, int maxDoc)
    {
        // Each passage's folded words by position, rebuilt from the postings.
        var lengths = new int[maxDoc];
        foreach (var t in folded)
            for (int i = 0; i < t.Docs.Length; i++)
                foreach (var pos in t.Positions[i]) lengths[t.Docs[i]] = Math.Max(lengths[t.Docs[i]], pos + 1);
        var sequences = new int[maxDoc][];
        for (int d = 0; d < maxDoc; d++) { sequences[d] = new int[lengths[d]]; Array.Fill(sequences[d], -1); }
        for (int id = 0; id < folded.Count; id++)
        {
            var t = folded[id];
            for (int i = 0; i < t.Docs.Length; i++) foreach (var pos in t.Positions[i]) sequences[t.Docs[i]][pos] = id;
        }
        var docsOf = new Dictionary<long, List<int>>();
        for (int d = 0; d < maxDoc; d++)
        {
            var seq = sequences[d];
            for (int p = 0; p + 1 < seq.Length; p++)
            {
                if (seq[p] < 0 || seq[p + 1] < 0) continue;
                long key = ((long)seq[p] << 32) | (uint)seq[p + 1];
                if (!docsOf.TryGetValue(key, out var list)) docsOf[key] = list = [];
                if (list.Count == 0 || list[^1] != d) list.Add(d);
            }
        }
        var keys = docsOf.Keys.ToArray();
        var result = new (string, string)[keys.Length];
        Parallel.For(0, keys.Length, i =>
        {
            var k = keys[i];
            result[i] = (folded[(int)(k >> 32)].Term + " " + folded[(int)(k & 0xffffffff)].Term, DocSets.Encode(docsOf[k]));
        });
        return result.OrderBy(r => r.Item1, StringComparer.Ordinal).ToList();
    }

    private static List<int> CodePointEnds(string s)
    {
        var ends = new List<int>();
        for (int i = 0; i < s.Length; i += char.IsSurrogatePair(s, i) ? 2 : 1) ends.Add(i + (char.IsSurrogatePair(s, i) ? 2 : 1));
        return ends;
    }

    private static object Dictionary(List<TermData> entries, List<KeyValuePair<string, int>> unions)
    {
        var byField = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var field in new[] { "f", "t" })
        {
            var map = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
            foreach (var e in entries.Where(e => e.Field == field))
            {
                var entry = new List<int> { e.Docs.Length, e.DocSetChunk };
                for (int p = 0; p < e.Pages.Count; p++) entry.AddRange([e.PageChunks[p], e.Pages[p].Freq, e.Pages[p].Norm]);
                map[e.Term] = entry.ToArray();
            }
            if (map.Count > 0) byField[field] = map;
        }
        if (unions.Count > 0) byField["u"] = new SortedDictionary<string, int>(unions.ToDictionary(u => u.Key, u => u.Value), StringComparer.Ordinal);
        return byField;
    }

    private static List<string[]> ThemeList(IReadOnlyList<Theme> registry, IReadOnlyList<PassageRecord> passages)
    {
        var themes = new SortedDictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var t in registry) themes.TryAdd(t.Id, [t.Id, t.NameVi, t.NameEn]);
        foreach (var id in passages.SelectMany(p => p.Themes)) themes.TryAdd(id, [id, id, id]);
        return themes.Values.ToList();
    }

    private static string ThemeMask(PassageRecord passage, Dictionary<string, int> themeIndex, int themeWidth)
    {
        var mask = new int[themeWidth];
        foreach (var t in passage.Themes)
        {
            int i = themeIndex[t];
            mask[i / 6] |= 1 << (i % 6);
        }
        return string.Concat(mask.Select(m => Base64Varint.Alphabet[m]));
    }

    /// <summary>Per passage its theme bit mask, 6 themes per base64 character.</summary>
    private IEnumerable<(string, object)> ThemeBlocks(IReadOnlyList<PassageRecord> passages, Dictionary<string, int> themeIndex, int themeWidth)
    {
        for (int block = 0; block * layout.ThemeBlock < passages.Count; block++)
        {
            var sb = new StringBuilder();
            int end = Math.Min(passages.Count, (block + 1) * layout.ThemeBlock);
            for (int doc = block * layout.ThemeBlock; doc < end; doc++) sb.Append(ThemeMask(passages[doc], themeIndex, themeWidth));
            yield return ($"t/{block}", sb.ToString());
        }
    }

    private IEnumerable<(string, object)> StoredBlocks(IReadOnlyList<PassageRecord> passages, Dictionary<string, int> programmeIndex, byte[] norms,
        Dictionary<string, int> themeIndex, int themeWidth)
    {
        for (int block = 0; block * layout.StoredBlock < passages.Count; block++)
        {
            var rows = passages.Skip(block * layout.StoredBlock).Take(layout.StoredBlock).ToList();
            var programmes = rows.GroupBy(r => r.Slug).Select(g => g.First())
                .Select(r => new object[] { programmeIndex[r.Slug], r.Slug, r.Title }).ToList();
            // Consecutive passages mostly share their section trail: each trail once per file, rows point to it.
            var sections = rows.Select(r => r.Section).Distinct(StringComparer.Ordinal).ToList();
            var docs = rows.Select(r => new object[] { programmeIndex[r.Slug], r.PassageId, sections.IndexOf(r.Section), r.Text, (int)norms[r.Doc], ThemeMask(r, themeIndex, themeWidth) }).ToList();
            yield return ($"s/{block}", new { p = programmes, c = sections, d = docs });
        }
    }

    private static void WriteScript(string dir, string name, object data)
    {
        var path = Path.Combine(dir, name + ".js");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var json = JsonSerializer.Serialize(data, Json);
        File.WriteAllText(path, $"AtlasSearch._register({JsonSerializer.Serialize(name)},{json});\n", new UTF8Encoding(false));
    }
}

/// <summary>Packs named strings, in the order given, into numbered chunks of about a target size (a large one alone).</summary>
internal sealed class ChunkPacker(int target)
{
    private int bytes;

    public List<SortedDictionary<string, string>> Chunks { get; } = [];

    public int Add(string key, string data)
    {
        int size = data.Length + key.Length + 6;
        if (Chunks.Count == 0 || (bytes > 0 && bytes + size > target))
        {
            Chunks.Add(new SortedDictionary<string, string>(StringComparer.Ordinal));
            bytes = 0;
        }
        Chunks[^1][key] = data;
        bytes += size;
        return Chunks.Count - 1;
    }
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

    public static string Encode(IReadOnlyList<int> sortedDocs)
    {
        var sb = new StringBuilder();
        var list = new StringBuilder();
        int i = 0, lastContainer = -1;
        while (i < sortedDocs.Count)
        {
            int container = sortedDocs[i] >> ContainerBits, start = i;
            while (i < sortedDocs.Count && sortedDocs[i] >> ContainerBits == container) i++;
            int count = i - start, baseDoc = container << ContainerBits;
            list.Clear();
            int last = baseDoc - 1;
            for (int k = start; k < i; k++) { Base64Varint.Write(list, sortedDocs[k] - last - 1); last = sortedDocs[k]; }
            Base64Varint.Write(sb, container - lastContainer - 1);
            lastContainer = container;
            if (list.Length <= BitmapChars)
            {
                Base64Varint.Write(sb, count * 2);
                sb.Append(list);
            }
            else
            {
                Base64Varint.Write(sb, count * 2 + 1);
                var chars = new int[BitmapChars];
                for (int k = start; k < i; k++)
                {
                    int off = sortedDocs[k] - baseDoc;
                    chars[off / 6] |= 1 << (off % 6);
                }
                foreach (var c in chars) sb.Append(Base64Varint.Alphabet[c]);
            }
        }
        return sb.ToString();
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
