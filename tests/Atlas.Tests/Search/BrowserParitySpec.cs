using System.Text;
using System.Text.Json;
using Atlas.Model;
using Atlas.Search;
using Atlas.Tests.TestSupport;
using Xunit.Abstractions;

namespace Atlas.Tests.Search;

/// <summary>An atlas model exported to a temporary site with a bare page that loads the search client.</summary>
public class ExportedSearch : IDisposable
{
    private readonly TempDir temp = new();

    public ExportedSearch() : this(SearchFixtures.SeedLines()) { }

    protected ExportedSearch(AtlasModel model, Atlas.Search.Export.ExportLayout? layout = null)
    {
        Model = model;
        Searcher = PassageSearcher.Over(model);
        new SearchExporter(Repo.Templates, layout).Export(model, SiteDir);
        File.WriteAllText(Path.Combine(SiteDir, "harness.html"),
            "<!doctype html><html><head><meta charset=\"utf-8\"><script src=\"search/atlas-search.js\"></script></head><body></body></html>");
    }

    public AtlasModel Model { get; }
    public PassageSearcher Searcher { get; }
    public string SiteDir => temp["site"];
    public string HarnessUrl => Browser.FileUrl(Path.Combine(SiteDir, "harness.html"));

    public void Dispose()
    {
        Searcher.Index.Dispose();
        temp.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The real seed programmes (ingested and analysed) exported with the harness page.</summary>
public sealed class SeedExport() : ExportedSearch(SeedAtlas.Load());

/// <summary>What the browser client returned for one query.</summary>
public sealed record ClientResults(int Total, List<ClientHit> Hits, List<ClientFacet> Provinces, List<ClientFacet> Themes);
public sealed record ClientHit(int Doc, double Score, string Url, string Programme, string Province, string Section, string Snippet, List<ClientPart> Parts, List<ClientMatch> Matches);
public sealed record ClientPart(string Text, bool Match);
public sealed record ClientMatch(string Clause, string Term, string How);
public sealed record ClientFacet(string Key, int Count);

public static class Client
{
    private const string Script = """
        ([q, o]) => AtlasSearch.search(q, o).then(r => ({
          total: r.total,
          hits: r.results.map(x => ({ doc: x.doc, score: x.score, url: x.url, programme: x.programme, province: x.province,
                                      section: x.section, snippet: x.snippet, parts: x.parts, matches: x.matches })),
          provinces: r.facets.provinces.map(f => ({ key: f.slug, count: f.count })),
          themes: r.facets.themes.map(f => ({ key: f.id, count: f.count }))
        }))
        """;

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static async Task<ClientResults> Query(Microsoft.Playwright.IPage page, string query, string? province = null, string? theme = null, int limit = 10)
    {
        var result = await page.EvaluateAsync<JsonElement>(Script, new object[] { query, new { province = province ?? "", theme = theme ?? "", limit } });
        return result.Deserialize<ClientResults>(Json)!;
    }
}

/// <summary>
/// The browser client ranks exactly as Lucene: every query runs through <see cref="PassageSearcher"/> (Lucene's
/// IndexSearcher, BM25) and through atlas-search.js in Chromium over the exported shards; same top 10, same order
/// (equal scores aside), scores equal within 1e-4 relative, same totals and facets.
/// </summary>
public sealed class BrowserParitySpec(ExportedSearch site, Browser browser, ITestOutputHelper output)
    : IClassFixture<ExportedSearch>, IClassFixture<Browser>
{
    public static readonly string[] Queries =
    [
        // single words, with and without diacritics, both tone placements
        "logistics", "cảng", "điện", "dien", "hoá", "hóa", "hoa", "thuỷ", "thủy", "thuy", "nông", "đường", "duong",
        "SOÀI", "soai", "2030", "FDI", "số", "so", "biển", "bien", "khỏe", "khoẻ",
        // several words
        "điện gió", "dien gio", "Điện Gió", "đường sắt", "duong sat", "hoá dầu", "hóa dầu", "hoa dau", "Soài Rạp", "SOÀI RẠP",
        "soai rap", "khu công nghiệp", "khu cong nghiep", "chuyển đổi số", "chuyen doi so", "năng lượng tái tạo",
        "nang luong tai tao", "thủy lợi", "thuỷ lợi", "thuy loi", "cảng biển", "cang bien", "nguồn nhân lực",
        "đổi mới sáng tạo", "công nghệ cao", "điện mặt trời", "lọc hóa dầu", "loc hoa dau", "Dung Quất", "dung quat",
        "GRDP bình quân", "hoá-dầu",
        // NFD-typed
        "Điện gió".Normalize(NormalizationForm.FormD), "Soài Rạp".Normalize(NormalizationForm.FormD),
        "hóa dầu".Normalize(NormalizationForm.FormD), "đường sắt".Normalize(NormalizationForm.FormD),
        // phrases
        "\"một việc chỉ giao cho một cơ quan\"", "\"mot viec chi giao cho mot co quan\"", "\"khu công nghiệp\"",
        "\"công nghiệp hóa, hiện đại hóa\"", "\"cong nghiep hoa\"", "\"đổi mới sáng tạo\" doanh nghiệp", "\"năng lượng\" tái",
        "“cảng biển”", "\"cảng biển",
        // prefixes (type-ahead)
        "logistic", "logis", "chuyển đổ", "điện gi", "công nghi", "cong ngh", "hạ tầ", "kinh t", "thu", "đư", "nă",
        // nothing to find
        "xyzzy", "\"điện sắt\"",
    ];

    [Fact]
    public async Task Chromium_from_file_ranks_every_query_as_Lucene_does()
    {
        Assert.True(Queries.Length >= 50);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(site.HarnessUrl);
        int withHits = 0;
        foreach (var q in Queries)
        {
            await AssertSame(page, q);
            if (site.Searcher.Search(q).Total > 0) withHits++;
        }
        Assert.True(withHits >= 45, $"only {withHits} queries find something: the set would not test ranking");
    }

    [Fact]
    public async Task Chromium_over_http_ranks_as_Lucene_does_and_the_first_query_stays_small()
    {
        using var server = new LoopbackServer(site.SiteDir);
        long largest = 0;
        foreach (var q in new[] { "dien gio", "duong sat", "hóa dầu", "Soài Rạp", "\"một việc chỉ giao cho một cơ quan\"", "logistic", "công nghiệp" })
        {
            var page = await browser.NewPageAsync(); // a fresh context: nothing cached
            await page.GotoAsync(server.BaseUrl + "harness.html");
            server.TakeBytesSent();
            await page.EvaluateAsync("() => new Promise(r => r())");
            long script = new FileInfo(Path.Combine(site.SiteDir, "search", SearchExporter.ClientScript)).Length;
            await AssertSame(page, q);
            long bytes = server.TakeBytesSent() + script; // the client script was loaded with the page
            output.WriteLine($"first query {q}: {bytes:N0} bytes (script {script:N0})");
            largest = Math.Max(largest, bytes);
            await page.Context.CloseAsync();
        }
        Assert.True(largest <= 150 * 1024, $"first query transferred {largest} bytes");
    }

    [Fact]
    public async Task Filters_and_facets_agree_with_Lucene()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(site.HarnessUrl);
        foreach (var (q, province, theme) in new[] { ("phát triển", "tien-giang", ""), ("năng lượng", "", "nang-luong"),
                     ("công nghiệp", "thai-binh", "giao-thong"), ("dien", "", "") })
        {
            await AssertSame(page, q, province, theme);
        }
    }
    private Task AssertSame(Microsoft.Playwright.IPage page, string q, string province = "", string theme = "") =>
        Parity.AssertSame(site.Searcher, page, q, province, theme);
}

/// <summary>One query through Lucene and through the client: same total, same top 10 up to ties, same scores, same facets.</summary>
public static class Parity
{
    public static async Task AssertSame(PassageSearcher searcher, Microsoft.Playwright.IPage page, string q, string province = "", string theme = "")
    {
        var expected = searcher.Search(q, new SearchOptions(province, theme, int.MaxValue));
        var actual = await Client.Query(page, q, province, theme);
        Assert.True(expected.Total == actual.Total, $"{q}: Lucene {expected.Total} matches, client {actual.Total}");
        Assert.Equal(Math.Min(10, expected.Total), actual.Hits.Count);
        var luceneScore = expected.Hits.ToDictionary(h => h.Passage.Doc, h => (double)h.Score);
        for (int i = 0; i < actual.Hits.Count; i++)
        {
            var hit = actual.Hits[i];
            Assert.True(luceneScore.TryGetValue(hit.Doc, out var own), $"{q}: client hit {hit.Doc} is not a Lucene match");
            Close(q, own, hit.Score);
            Close(q, expected.Hits[i].Score, hit.Score); // same rank → same score: the order agrees up to ties
            Assert.Equal(expected.Hits.First(h => h.Passage.Doc == hit.Doc).Passage.Url, hit.Url);
            Assert.Equal(expected.Hits.First(h => h.Passage.Doc == hit.Doc).Passage.Section, hit.Section); // trails are shared per stored file
        }
        Assert.Equal(expected.Provinces.Select(kv => (kv.Key, kv.Value)), actual.Provinces.Select(f => (f.Key, f.Count)));
        Assert.Equal(expected.Themes.Select(kv => (kv.Key, kv.Value)), actual.Themes.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Count)));
    }

    private static void Close(string q, double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-4 * Math.Abs(expected), $"{q}: Lucene score {expected}, client {actual}");
}
