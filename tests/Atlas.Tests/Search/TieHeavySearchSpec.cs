using Atlas.Model;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Search;

/// <summary>
/// A tie-heavy atlas: the first lines of each seed copied into many programmes of other provinces, word for word, so
/// every passage has many copies with exactly the same score (as provincial programmes repeat a resolution's wording).
/// </summary>
public sealed class TieHeavyExport() : ExportedSearch(Build())
{
    public const int Copies = 60;

    private static AtlasModel Build()
    {
        var seeds = SearchFixtures.SeedLines().Programmes.Select(p => p.Programme).ToList();
        var programmes = new List<Programme>();
        for (int copy = 0; copy < Copies; copy++)
            foreach (var seed in seeds)
                programmes.Add(SearchFixtures.Programme($"{seed.Slug}-{copy:D2}", $"Tỉnh {copy:D2}",
                    seed.Passages.Take(40).Select(p => p.Text).ToArray()));
        return SearchFixtures.Model(programmes);
    }
}

/// <summary>
/// With many exact ties the browser's top-k (impact pages read best first, pair lists bounding phrases, candidates
/// scored from their text) still returns exactly Lucene's top 10: same passages in the same order, ties broken by
/// document number as Lucene breaks them.
/// </summary>
public sealed class TieHeavySearchSpec(TieHeavyExport site, Browser browser) : IClassFixture<TieHeavyExport>, IClassFixture<Browser>
{
    public static readonly string[] Queries =
    [
        "công nghiệp hóa", "cong nghiep hoa", "công nghiệp", "phát triển kinh tế", "chuyển đổi số", "nguồn nhân lực",
        "đổi mới sáng tạo", "doi moi sang tao", "khu công nghiệp", "hạ tầng giao thông", "thu hút đầu tư", "kinh t",
        "\"công nghiệp hóa, hiện đại hóa\"", "\"khoa học, công nghệ và đổi mới sáng tạo\"", "\"phát triển\" kinh",
        "Tỉnh 03 công nghiệp", "năng lượng", "nông nghiệp công nghệ cao",
    ];

    [Fact]
    public async Task The_top_ten_are_Lucenes_passages_in_Lucenes_order()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(site.HarnessUrl);
        int tied = 0;
        foreach (var q in Queries)
        {
            var expected = site.Searcher.Search(q, new Atlas.Search.SearchOptions(Limit: 10));
            var actual = await Client.Query(page, q);
            // A quoted phrase of 3+ common words is counted from its pairs when too many passages hold them: an upper bound.
            if (q.StartsWith('"')) Assert.True(actual.Total >= expected.Total, $"{q}: Lucene {expected.Total}, client {actual.Total}");
            else Assert.True(expected.Total == actual.Total, $"{q}: Lucene {expected.Total}, client {actual.Total}");
            Assert.True(expected.Hits.Select(h => h.Passage.Doc).SequenceEqual(actual.Hits.Select(h => h.Doc)),
                $"{q}: Lucene {string.Join(" ", expected.Hits.Select(h => $"{h.Passage.Doc}:{h.Score}"))}, " +
                $"client {string.Join(" ", actual.Hits.Select(h => $"{h.Doc}:{h.Score}"))}");
            for (int i = 0; i < actual.Hits.Count; i++)
                Assert.True(Math.Abs(expected.Hits[i].Score - actual.Hits[i].Score) <= 1e-4 * expected.Hits[i].Score, $"{q}: score {i}");
            if (expected.Hits.Count > 1 && expected.Hits[0].Score == expected.Hits[^1].Score) tied++;
        }
        Assert.True(tied >= 5, $"only {tied} queries have a top 10 of equal scores: the corpus would not test ties");
    }

    /// <summary>
    /// Groups of copies spread into passages: a page longer than the copies listed with a group's text (the rest are
    /// read from e/), and a province filter (groups named after their lowest passage in the province, from r/).
    /// </summary>
    [Theory]
    [InlineData("công nghiệp hóa", null, 40)]
    [InlineData("phát triển kinh tế", null, 25)]
    [InlineData("\"công nghiệp hóa, hiện đại hóa\"", null, 30)]
    [InlineData("công nghiệp", "tinh-07", 10)]
    [InlineData("nguồn nhân lực", "tinh-41", 20)]
    [InlineData("doi moi sang tao", "tinh-59", 10)]
    public async Task Long_pages_and_province_filters_are_Lucenes_passages_in_Lucenes_order(string q, string? province, int limit)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(site.HarnessUrl);
        var expected = site.Searcher.Search(q, new Atlas.Search.SearchOptions(Province: province, Limit: limit));
        var actual = await Client.Query(page, q, province: province, limit: limit);
        Assert.True(expected.Hits.Count > 0, $"{q}: no hit");
        if (!q.StartsWith('"')) Assert.Equal(expected.Total, actual.Total);
        Assert.True(expected.Hits.Select(h => h.Passage.Doc).SequenceEqual(actual.Hits.Select(h => h.Doc)),
            $"{q}: Lucene {string.Join(" ", expected.Hits.Select(h => h.Passage.Doc))}, client {string.Join(" ", actual.Hits.Select(h => h.Doc))}");
        for (int i = 0; i < actual.Hits.Count; i++)
            Assert.True(Math.Abs(expected.Hits[i].Score - actual.Hits[i].Score) <= 1e-4 * expected.Hits[i].Score, $"{q}: score {i}");
    }

    [Fact]
    public async Task A_common_query_reads_a_small_part_of_its_impact_pages()
    {
        var pages = Directory.GetFiles(Path.Combine(site.SiteDir, "search", "i")).Length;
        var page = await browser.NewPageAsync();
        await page.GotoAsync(site.HarnessUrl);
        await page.EvaluateAsync("() => { window.__atlasLoads = []; }");
        await Client.Query(page, "công nghiệp hóa");
        var loads = await page.EvaluateAsync<string[]>("() => window.__atlasLoads");
        int read = loads.Count(n => n.StartsWith("i/", StringComparison.Ordinal));
        Assert.True(read * 4 < pages, $"read {read} of {pages} impact-page files");
    }
}
