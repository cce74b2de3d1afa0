using System.Security.Cryptography;
using Atlas.Search;
using Atlas.Search.Export;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Search;

public class BrowserIndexWriterSpec
{
    private static Dictionary<string, string> Hashes(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public void Two_exports_of_the_same_atlas_are_byte_identical()
    {
        using var temp = new TempDir();
        new SearchExporter(Repo.Templates).Export(SearchFixtures.SeedLines(), temp["a"]);
        new SearchExporter(Repo.Templates).Export(SearchFixtures.SeedLines(), temp["b"]);
        var a = Hashes(temp["a"]);
        Assert.True(a.Count > 20);
        Assert.Equal(a.OrderBy(kv => kv.Key, StringComparer.Ordinal), Hashes(temp["b"]).OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_shard_is_a_script_that_registers_itself_and_no_json_needs_fetching()
    {
        using var temp = new TempDir();
        new SearchExporter(Repo.Templates).Export(SearchFixtures.SeedLines(), temp.Path);
        var search = Path.Combine(temp.Path, "search");
        Assert.True(File.Exists(Path.Combine(search, "atlas-search.js")));
        foreach (var file in Directory.EnumerateFiles(search, "*", SearchOption.AllDirectories))
        {
            Assert.EndsWith(".js", file);
            if (Path.GetFileName(file) == "atlas-search.js") continue;
            var name = Path.GetRelativePath(search, file)[..^3].Replace('\\', '/');
            Assert.StartsWith($"AtlasSearch._register(\"{name}\",", File.ReadAllText(file));
        }
        var client = File.ReadAllText(Path.Combine(search, "atlas-search.js"));
        Assert.DoesNotContain("fetch(", client);
        Assert.DoesNotContain("XMLHttpRequest", client);
        Assert.DoesNotContain("innerHTML", client);
    }

    [Fact]
    public void Meta_states_the_similarity_and_the_collection_statistics_lucene_scores_with()
    {
        using var temp = new TempDir();
        var model = SearchFixtures.SeedLines();
        new SearchExporter().Export(model, temp.Path);
        var meta = File.ReadAllText(Path.Combine(temp.Path, "search", "meta.js"));
        using var index = PassageIndex.Build(model);
        var stats = index.Searcher.CollectionStatistics(PassageFields.Text);
        Assert.Contains("\"similarity\":\"BM25\",\"k1\":1.2,\"b\":0.75", meta);
        Assert.Contains($"\"maxDoc\":{index.Passages.Count},", meta);
        Assert.Contains($"\"sumTotalTermFreq\":{stats.SumTotalTermFreq}", meta);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(31L)]
    [InlineData(32L)]
    [InlineData(1023L)]
    [InlineData(123456789L)]
    public void Varints_round_trip(long value)
    {
        var sb = new System.Text.StringBuilder();
        Base64Varint.Write(sb, value);
        Base64Varint.Write(sb, 7);
        Assert.Equal([value, 7L], Base64Varint.Read(sb.ToString()));
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 3, 4, 5, 4095, 4096, 9000 })]
    [InlineData(new[] { 70000, 70001 })]
    public void Match_sets_round_trip(int[] docs)
    {
        Assert.Equal(docs, DocSets.Decode(DocSets.Encode(docs)));
        Assert.Equal(DocSets.Encode(docs).Length, DocSets.EncodedLength(docs));
    }

    [Fact]
    public void A_dense_match_set_is_a_bitmap_and_a_sparse_one_a_list_of_gaps()
    {
        var dense = Enumerable.Range(0, 4096).Where(d => d % 2 == 0).ToArray();
        var sparse = new[] { 10, 2000, 4000 };
        Assert.Equal(dense, DocSets.Decode(DocSets.Encode(dense)));
        Assert.True(DocSets.Encode(dense).Length <= 700, "4096 documents fit in a 683-character bitmap");
        Assert.True(DocSets.Encode(sparse).Length < 12);
        // The template form is weighed against the plain one's length, computed without writing it.
        Assert.Equal(DocSets.Encode(dense).Length, DocSets.EncodedLength(dense));
    }

    /// <summary>The data a script under <paramref name="search"/> registers (<c>AtlasSearch._register(name, data)</c>).</summary>
    internal static System.Text.Json.JsonElement Script(string search, string name)
    {
        var text = File.ReadAllText(Path.Combine(search, name + ".js"));
        int start = text.IndexOf(',') + 1;
        return System.Text.Json.JsonDocument.Parse(text[start..text.LastIndexOf(");", StringComparison.Ordinal)]).RootElement;
    }

    /// <summary>An impact page as (doc, freq, sole) per posting (<paramref name="flagged"/>: exact-form pages; <paramref name="positions"/>: word pages).</summary>
    private static List<(int Doc, int Freq, bool Sole)> Page(string data, bool flagged, bool positions)
    {
        var v = Base64Varint.Read(data);
        var postings = new List<(int, int, bool)>();
        int at = 0;
        while (at < v.Count)
        {
            int freq = (int)v[at++], norm = (int)v[at++], count = (int)v[at++], doc = 0;
            for (int k = 0; k < count; k++)
            {
                long x = v[at++];
                bool sole = flagged && x % 2 == 1;
                if (flagged) x /= 2;
                doc = k == 0 ? (int)x : doc + (int)x + 1;
                if (positions) at += freq;
                postings.Add((doc, freq, sole));
            }
        }
        return postings;
    }

    [Fact]
    public void A_pair_has_impact_pages_with_its_phrase_frequency_and_an_exact_form_says_when_it_is_the_only_form()
    {
        using var temp = new TempDir();
        var model = SearchFixtures.Model([SearchFixtures.Programme("a", "Tỉnh A",
            "điện gió điện gió và điện mặt trời", "Điện gió ven biển", "điện và diện tích điện gió", "gió điện")]);
        using var index = PassageIndex.Build(model);
        new BrowserIndexWriter(new ExportLayout(PairPages: 1)).Write(index.Passages, model.Themes, temp.Path);

        var meta = Script(temp.Path, "meta");
        int bucket = (int)(BrowserIndexWriter.PairHash("dien gio") % (uint)meta.GetProperty("pairBuckets").GetInt32());
        var entry = Script(temp.Path, $"b/{bucket}").GetProperty("dien gio").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(3, entry[0]); // passages 0, 1, 2 ("gió điện" is another pair)
        var pair = Page(Script(temp.Path, $"i/{entry[2]}").GetProperty("p:dien gio:0").GetString()!, false, false);
        Assert.Equal([(0, 2), (1, 1), (2, 1)], pair.Select(p => (p.Doc, p.Freq)).OrderBy(p => p.Doc));

        var shard = Script(temp.Path, "d/0").GetProperty("t").GetProperty("điện").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var exact = Page(Script(temp.Path, $"i/{shard[2]}").GetProperty("t:điện:0").GetString()!, true, true);
        // Passage 2 also holds "diện" (folded "dien" too): its folded posting differs from the exact one.
        Assert.Equal([(0, true), (1, true), (2, false), (3, true)], exact.Select(p => (p.Doc, p.Sole)).OrderBy(p => p.Doc));
    }
}

public class ChunkPackerSpec
{
    [Fact]
    public void A_chunk_is_handed_over_once_the_next_one_opens_and_the_last_one_at_the_end()
    {
        var packer = new ChunkPacker(20, "m");
        Assert.Equal(0, packer.Add("a", "0123456789"));   // 17 bytes with its key
        Assert.Empty(packer.TakeCompleted());
        Assert.Equal(1, packer.Add("b", "0123456789"));   // would pass 20: opens chunk 1, chunk 0 is complete
        var done = packer.TakeCompleted();
        Assert.Equal("m/0", Assert.Single(done).Name);
        Assert.Equal(["a"], done[0].Keys);
        Assert.Empty(packer.TakeCompleted());            // handed over once
        Assert.Equal(2, packer.Add("c", new string('x', 50))); // a large one alone
        Assert.Equal(3, packer.Add("d", "1"));
        Assert.Equal(["m/1", "m/2", "m/3"], packer.Finish().Select(c => c.Name));
    }
}
