using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Atlas.Model;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Atlas.Search.Export;

/// <summary>Shard sizes of the browser export. Defaults keep a seed query to a few small files.</summary>
public sealed record ExportLayout(int DictionaryShardBytes = 3_000, int PostingsChunkBytes = 3_000, int PositionsChunkBytes = 3_000,
    int DocInfoBlock = 4096, int StoredBlock = 4);

/// <summary>
/// Writes the Lucene passage index as self-registering script files under <c>search/</c>
/// (<c>AtlasSearch._register(name, data)</c>), readable from file:// and http(s)://:
/// <list type="bullet">
/// <item><c>meta.js</c>: BM25 parameters, collection statistics (maxDoc, sumTotalTermFreq per field), query constants,
/// tone table, programme → first document and province, provinces, themes, dictionary shard boundaries;</item>
/// <item><c>d/N.js</c>: dictionary shards, a range of 2-character keys of the folded term (all terms of a key in one
/// shard, so a prefix is resolved from one file): per field, term → [docFreq, postings chunk, positions chunk];</item>
/// <item><c>p/N.js</c>: postings (document delta, frequency as <see cref="Base64Varint"/>); <c>x/N.js</c>: positions
/// (per document, position deltas), loaded only for phrases;</item>
/// <item><c>n/N.js</c>: per document the norm byte Lucene stored (BM25's SmallFloat-encoded length) and a theme bit mask;</item>
/// <item><c>s/N.js</c>: what a result shows: programme, passage id, section trail, text.</item>
/// </list>
/// Everything is ordinal-sorted and integer-valued, so the same index gives the same bytes.
/// </summary>
public sealed class BrowserIndexWriter(ExportLayout? layout = null)
{
    private readonly ExportLayout layout = layout ?? new ExportLayout();

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>The key of a term's dictionary shard: the first two code points of its folded form, file-name safe.</summary>
    public static string KeyOf(string term)
    {
        var folded = VietnameseText.Fold(term);
        var sb = new StringBuilder();
        int taken = 0;
        for (int i = 0; i < folded.Length && taken < 2; i += char.IsSurrogatePair(folded, i) ? 2 : 1, taken++)
        {
            int cp = char.ConvertToUtf32(folded, i);
            if (cp is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append((char)cp);
            else sb.Append('_').Append(cp.ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private sealed record TermEntry(string Key, string Field, string Term, int DocFreq, string Postings, string Positions)
    {
        public string FoldedTerm { get; } = VietnameseText.Fold(Term);
        public int PostingsChunk { get; set; }
        public int PositionsChunk { get; set; }
    }

    public void Write(PassageIndex index, AtlasModel model, string searchDir)
    {
        Directory.CreateDirectory(searchDir);
        var segment = index.Segment;
        var passages = index.Passages;

        // Terms of both fields, grouped by key; within a key by folded form, so a folded term and its exact
        // variants ("mot", "một", "mốt") sit side by side and usually share their chunks. Ordinal throughout.
        var entries = new List<TermEntry>();
        foreach (var (field, tag) in new[] { (PassageFields.Folded, "f"), (PassageFields.Text, "t") })
            entries.AddRange(ReadTerms(segment, field, tag));
        entries.Sort((a, b) =>
        {
            int c = string.CompareOrdinal(a.Key, b.Key);
            if (c == 0) c = string.CompareOrdinal(a.FoldedTerm, b.FoldedTerm);
            if (c == 0) c = string.CompareOrdinal(a.Field, b.Field);
            return c != 0 ? c : string.CompareOrdinal(a.Term, b.Term);
        });

        // Postings and positions chunks, packed in dictionary order.
        AssignChunks(entries, e => e.Postings.Length + e.Term.Length + 8, layout.PostingsChunkBytes, (e, n) => e.PostingsChunk = n);
        AssignChunks(entries, e => e.Positions.Length + e.Term.Length + 8, layout.PositionsChunkBytes, (e, n) => e.PositionsChunk = n);
        WriteChunks(searchDir, "p", entries, e => e.PostingsChunk, e => e.Postings);
        WriteChunks(searchDir, "x", entries, e => e.PositionsChunk, e => e.Positions);

        // Dictionary shards: whole keys, packed up to the shard size.
        var shardStarts = new List<string>();
        var shard = new List<TermEntry>();
        int shardBytes = 0;
        foreach (var group in entries.GroupBy(e => e.Key))
        {
            var groupEntries = group.ToList();
            int bytes = groupEntries.Sum(e => Encoding.UTF8.GetByteCount(e.Term) + 16);
            if (shard.Count > 0 && shardBytes + bytes > layout.DictionaryShardBytes)
            {
                WriteDictionary(searchDir, shardStarts.Count - 1, shard);
                shard = [];
                shardBytes = 0;
            }
            if (shard.Count == 0) shardStarts.Add(group.Key);
            shard.AddRange(groupEntries);
            shardBytes += bytes;
        }
        if (shard.Count > 0) WriteDictionary(searchDir, shardStarts.Count - 1, shard);
        if (shardStarts.Count > 0) shardStarts[0] = ""; // the first shard also holds anything ordered before its key

        var themes = ThemeList(model, passages);
        var themeIndex = themes.Select((t, i) => (t[0], i)).ToDictionary(x => x.Item1, x => x.i, StringComparer.Ordinal);
        int themeWidth = (themes.Count + 5) / 6;
        WriteDocInfo(searchDir, segment, passages, themeIndex, themeWidth);
        var provinces = passages.GroupBy(p => p.ProvinceSlug).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new[] { g.Key, g.First().ProvinceName }).ToList();
        var provinceIndex = provinces.Select((p, i) => (p[0], i)).ToDictionary(x => x.Item1, x => x.i, StringComparer.Ordinal);
        var programmes = passages.GroupBy(p => p.Slug).Select(g => g.First()).OrderBy(p => p.Doc).ToList();
        var programmeIndex = programmes.Select((p, i) => (p.Slug, i)).ToDictionary(x => x.Slug, x => x.i, StringComparer.Ordinal);
        WriteStored(searchDir, passages, programmeIndex);

        var stats = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var field in new[] { PassageFields.Text, PassageFields.Folded })
        {
            var cs = index.Searcher.CollectionStatistics(field);
            stats[field] = new { maxDoc = cs.MaxDoc, sumTotalTermFreq = Math.Max(0, cs.SumTotalTermFreq) };
        }
        var meta = new
        {
            format = 1,
            similarity = "BM25",
            k1 = PassageIndex.Similarity.K1,
            b = PassageIndex.Similarity.B,
            maxDoc = passages.Count,
            fields = stats,
            exactBoost = SearchQuery.ExactBoost,
            prefixBoost = SearchQuery.PrefixBoost,
            maxPrefixTerms = SearchQuery.MaxPrefixTerms,
            minPrefixLength = SearchQuery.MinPrefixLength,
            maxWordLength = VietnameseText.MaxWordLength,
            tones = VietnameseText.ToneTable.Select(t => new[] { t.Old, t.New }).ToList(),
            dictionary = shardStarts,
            docInfoBlock = layout.DocInfoBlock,
            storedBlock = layout.StoredBlock,
            themeWidth,
            programmes = programmes.Select(p => new[] { p.Doc, provinceIndex[p.ProvinceSlug] }).ToList(),
            provinces,
            themes,
        };
        WriteScript(searchDir, "meta", meta);
    }

    private static IEnumerable<TermEntry> ReadTerms(AtomicReader segment, string field, string tag)
    {
        var terms = segment.GetTerms(field);
        if (terms is null) yield break;
        var te = terms.GetEnumerator();
        DocsAndPositionsEnum? dpe = null;
        while (te.MoveNext())
        {
            var term = te.Term.Utf8ToString();
            dpe = te.DocsAndPositions(null, dpe);
            var postings = new StringBuilder();
            var positions = new StringBuilder();
            int lastDoc = 0;
            while (dpe.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                int doc = dpe.DocID, freq = dpe.Freq;
                Base64Varint.Write(postings, doc - lastDoc);
                Base64Varint.Write(postings, freq);
                lastDoc = doc;
                int lastPos = 0;
                for (int i = 0; i < freq; i++)
                {
                    int pos = dpe.NextPosition();
                    Base64Varint.Write(positions, pos - lastPos);
                    lastPos = pos;
                }
            }
            yield return new TermEntry(KeyOf(term), tag, term, te.DocFreq, postings.ToString(), positions.ToString());
        }
    }

    private static void AssignChunks(List<TermEntry> entries, Func<TermEntry, int> size, int limit, Action<TermEntry, int> assign)
    {
        int chunk = 0, bytes = 0;
        foreach (var e in entries)
        {
            int s = size(e);
            if (bytes > 0 && bytes + s > limit) { chunk++; bytes = 0; }
            assign(e, chunk);
            bytes += s;
        }
    }

    private static void WriteChunks(string dir, string prefix, List<TermEntry> entries, Func<TermEntry, int> chunkOf, Func<TermEntry, string> data)
    {
        foreach (var chunk in entries.GroupBy(chunkOf))
        {
            var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var e in chunk) map[e.Field + ":" + e.Term] = data(e);
            WriteScript(dir, $"{prefix}/{chunk.Key}", map);
        }
    }

    private static void WriteDictionary(string dir, int number, List<TermEntry> entries)
    {
        var byField = new SortedDictionary<string, SortedDictionary<string, int[]>>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (!byField.TryGetValue(e.Field, out var terms)) byField[e.Field] = terms = new(StringComparer.Ordinal);
            terms[e.Term] = [e.DocFreq, e.PostingsChunk, e.PositionsChunk];
        }
        WriteScript(dir, $"d/{number}", byField);
    }

    private static List<string[]> ThemeList(AtlasModel model, IReadOnlyList<PassageRecord> passages)
    {
        var themes = new SortedDictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var t in model.Themes) themes.TryAdd(t.Id, [t.Id, t.NameVi, t.NameEn]);
        foreach (var id in passages.SelectMany(p => p.Themes)) themes.TryAdd(id, [id, id, id]);
        return themes.Values.ToList();
    }

    /// <summary>Per document: 2 characters of norm byte, then the theme bit mask (6 themes per character).</summary>
    private void WriteDocInfo(string dir, AtomicReader segment, IReadOnlyList<PassageRecord> passages,
        Dictionary<string, int> themeIndex, int themeWidth)
    {
        var textNorms = segment.GetNormValues(PassageFields.Text);
        var foldedNorms = segment.GetNormValues(PassageFields.Folded);
        for (int block = 0; block * layout.DocInfoBlock < passages.Count; block++)
        {
            var sb = new StringBuilder();
            int end = Math.Min(passages.Count, (block + 1) * layout.DocInfoBlock);
            for (int doc = block * layout.DocInfoBlock; doc < end; doc++)
            {
                int norm = textNorms is null ? 0 : (int)(textNorms.Get(doc) & 0xFF);
                int foldedNorm = foldedNorms is null ? 0 : (int)(foldedNorms.Get(doc) & 0xFF);
                // Both fields hold the same words (one folded per exact), so Lucene stores the same length.
                if (norm != foldedNorm) throw new InvalidOperationException($"norms differ for document {doc}");
                sb.Append(Base64Varint.Alphabet[norm >> 6]).Append(Base64Varint.Alphabet[norm & 63]);
                var mask = new int[themeWidth];
                foreach (var t in passages[doc].Themes)
                {
                    int i = themeIndex[t];
                    mask[i / 6] |= 1 << (i % 6);
                }
                foreach (var m in mask) sb.Append(Base64Varint.Alphabet[m]);
            }
            WriteScript(dir, $"n/{block}", sb.ToString());
        }
    }

    private void WriteStored(string dir, IReadOnlyList<PassageRecord> passages, Dictionary<string, int> programmeIndex)
    {
        for (int block = 0; block * layout.StoredBlock < passages.Count; block++)
        {
            var rows = passages.Skip(block * layout.StoredBlock).Take(layout.StoredBlock).ToList();
            var programmes = rows.GroupBy(r => r.Slug).Select(g => g.First())
                .Select(r => new object[] { programmeIndex[r.Slug], r.Slug, r.Title }).ToList();
            var docs = rows.Select(r => new object[] { programmeIndex[r.Slug], r.PassageId, r.Section, r.Text }).ToList();
            WriteScript(dir, $"s/{block}", new { p = programmes, d = docs });
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
