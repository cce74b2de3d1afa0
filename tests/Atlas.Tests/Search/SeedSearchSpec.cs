using System.Text;
using Atlas.Search;
using Atlas.Tests.TestSupport;
using Xunit.Abstractions;

namespace Atlas.Tests.Search;

/// <summary>The required cases on the real seed programmes, from C# (Lucene) and in Chromium (the export).</summary>
public sealed class SeedSearchSpec(SeedExport seeds, Browser browser, ITestOutputHelper output)
    : IClassFixture<SeedExport>, IClassFixture<Browser>
{
    private List<SearchHit> All(string q) => seeds.Searcher.Search(q, new SearchOptions(Limit: int.MaxValue)).Hits.ToList();

    private static bool Says(SearchHit h, string words) =>
        VietnameseText.Normalize(h.Passage.Text).Contains(VietnameseText.Normalize(words), StringComparison.Ordinal);

    [Fact]
    public void Dien_gio_finds_the_wind_power_passages_of_Kien_Giang_and_Thai_Binh()
    {
        var hits = All("dien gio");
        Assert.Contains(hits, h => h.Passage.ProvinceSlug == "kien-giang" && Says(h, "điện gió"));
        Assert.Contains(hits, h => h.Passage.ProvinceSlug == "thai-binh" && Says(h, "điện gió"));
        Assert.All(hits, h => Assert.Contains(h.Matches, m => m.How == "folded"));
    }

    [Fact]
    public void Words_typed_side_by_side_rank_passages_that_say_them_side_by_side_first()
    {
        // "dien gio" is the word "điện gió": passages with both syllables apart ("toàn diện" … "gió") are syllable noise.
        foreach (var q in new[] { "dien gio", "điện gió", "duong sat", "cang bien" })
        {
            var hits = All(q);
            var words = q switch { "duong sat" => "đường sắt", "cang bien" => "cảng biển", _ => "điện gió" };
            int lastAdjacent = hits.FindLastIndex(h => Says(h, words));
            int firstApart = hits.FindIndex(h => !Says(h, words));
            Assert.True(lastAdjacent >= 0, q);
            Assert.True(firstApart < 0 || lastAdjacent < firstApart, $"{q}: adjacent up to {lastAdjacent}, apart from {firstApart}");
        }
    }

    [Fact]
    public void Duong_sat_finds_the_railway_passage_of_Tien_Giang()
    {
        var hits = All("duong sat");
        Assert.Contains(hits, h => h.Passage.ProvinceSlug == "tien-giang" && Says(h, "đường sắt"));
    }

    [Fact]
    public void Both_tone_placements_of_hoa_dau_return_the_same_passages_led_by_the_refinery_and_the_chemicals_list()
    {
        var a = All("hoá dầu");
        var b = All("hóa dầu");
        Assert.Equal(a.Select(h => (h.Passage.Doc, h.Score)), b.Select(h => (h.Passage.Doc, h.Score)));
        var top = a.Take(5).ToList();
        Assert.Contains(top, h => h.Passage.ProvinceSlug == "quang-ngai" && Says(h, "lọc hoá dầu"));
        Assert.Contains(top, h => h.Passage.ProvinceSlug == "thai-binh" && Says(h, "hoá dầu"));
        // Passages that say "hoá dầu" rank above those matching only through folding ("đầu tư").
        int lastExact = a.FindLastIndex(h => Says(h, "hoá dầu"));
        int firstFoldedOnly = a.FindIndex(h => !Says(h, "dầu"));
        Assert.True(lastExact < firstFoldedOnly, $"exact up to {lastExact}, folded-only from {firstFoldedOnly}");
    }

    [Fact]
    public void Soai_Rap_in_any_case_or_normalisation_finds_Tien_Giangs_passage()
    {
        var expected = All("Soài Rạp").Select(h => h.Passage.Url).ToList();
        Assert.Contains(expected, u => u.StartsWith("programmes/tien-giang", StringComparison.Ordinal));
        Assert.Equal(expected, All("SOÀI RẠP").Select(h => h.Passage.Url));
        Assert.Equal(expected, All("Soài Rạp".Normalize(NormalizationForm.FormD)).Select(h => h.Passage.Url));
        Assert.Equal(expected, All("soai rap").Select(h => h.Passage.Url));
    }

    [Fact]
    public void The_quoted_phrase_returns_exactly_the_passages_of_the_three_programmes_that_contain_it()
    {
        const string phrase = "một việc chỉ giao cho một cơ quan";
        var hits = All("\"" + phrase + "\"");
        var containing = seeds.Searcher.Index.Passages.Where(p => VietnameseText.Normalize(p.Text).Contains(phrase, StringComparison.Ordinal)).ToList();
        Assert.Equal(3, containing.Select(p => p.Slug).Distinct().Count());
        Assert.Equal(containing.Select(p => p.Doc).Order(), hits.Select(h => h.Passage.Doc).Order());
    }

    [Fact]
    public void Facet_counts_equal_the_matching_passages_per_province()
    {
        foreach (var q in new[] { "công nghiệp", "dien gio", "logistics" })
        {
            var r = seeds.Searcher.Search(q, new SearchOptions(Limit: int.MaxValue));
            var counted = r.Hits.GroupBy(h => h.Passage.ProvinceSlug).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(counted.OrderBy(kv => kv.Key, StringComparer.Ordinal), r.Provinces);
            Assert.Equal(r.Total, r.Provinces.Sum(kv => kv.Value));
        }
    }

    [Fact]
    public async Task Chromium_agrees_with_Lucene_on_the_seeds_from_file()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(seeds.HarnessUrl);
        foreach (var q in BrowserParitySpec.Queries) await Parity.AssertSame(seeds.Searcher, page, q);
        var provinces = seeds.Searcher.Index.Passages.Select(p => p.ProvinceSlug).Distinct().Order(StringComparer.Ordinal).ToList();
        var themes = seeds.Searcher.Index.Passages.SelectMany(p => p.Themes).Distinct().Order(StringComparer.Ordinal).Take(3).ToList();
        foreach (var province in provinces) await Parity.AssertSame(seeds.Searcher, page, "công nghiệp", province, "");
        foreach (var theme in themes) await Parity.AssertSame(seeds.Searcher, page, "phát triển", "", theme);
    }

    [Fact]
    public async Task Over_http_the_first_query_transfers_at_most_150_KB()
    {
        using var server = new LoopbackServer(seeds.SiteDir);
        long script = new FileInfo(Path.Combine(seeds.SiteDir, "search", SearchExporter.ClientScript)).Length;
        var sizes = new List<long>();
        foreach (var q in new[] { "dien gio", "duong sat", "hóa dầu", "Soài Rạp", "\"một việc chỉ giao cho một cơ quan\"", "logistic", "công nghiệp", "phát triển kinh tế" })
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(server.BaseUrl + "harness.html");
            server.TakeBytesSent();
            await Parity.AssertSame(seeds.Searcher, page, q);
            long bytes = server.TakeBytesSent() + script;
            sizes.Add(bytes);
            output.WriteLine($"seeds, first query {q}: {bytes:N0} bytes ({script:N0} of them the script)");
            await page.Context.CloseAsync();
        }
        Assert.True(sizes.Max() <= 150 * 1024, $"largest first query: {sizes.Max():N0} bytes");
    }
}
