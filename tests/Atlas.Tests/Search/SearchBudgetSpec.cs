using Atlas.Search;
using Atlas.Tests.TestSupport;
using Xunit.Abstractions;

namespace Atlas.Tests.Search;

/// <summary>
/// First-query transfer of the search, measured over http on the benchmark's queries (bench/queries.txt): for each
/// query a fresh browser context loads the client script and runs the query; every byte served counts.
/// On the seed export the budget is 150 KB. To measure another built site (e.g. the 1,000-programme corpus of
/// <c>atlas bench corpus</c>), set ATLAS_SEARCH_SITE to its site folder: the budget is then 200 KB.
/// </summary>
public sealed class SearchBudgetSpec(SeedExport seeds, Browser browser, ITestOutputHelper output)
    : IClassFixture<SeedExport>, IClassFixture<Browser>
{
    [Fact]
    public async Task The_first_query_stays_within_the_budget()
    {
        var other = Environment.GetEnvironmentVariable("ATLAS_SEARCH_SITE");
        var siteDir = string.IsNullOrEmpty(other) ? seeds.SiteDir : other;
        long budget = string.IsNullOrEmpty(other) ? 150 * 1024 : 200 * 1024;
        var queries = File.ReadAllLines(Path.Combine(Repo.Root, "bench", "queries.txt")).Where(q => q.Trim().Length > 0).ToList();
        Assert.NotEmpty(queries);

        using var server = new LoopbackServer(siteDir);
        var harness = "search-budget-harness.html";
        var harnessPath = Path.Combine(siteDir, harness);
        File.WriteAllText(harnessPath, "<!doctype html><meta charset=\"utf-8\"><script src=\"search/atlas-search.js\"></script>");
        try
        {
            long script = new FileInfo(Path.Combine(siteDir, "search", SearchExporter.ClientScript)).Length;
            var sizes = new List<(string Query, long Bytes, int Total)>();
            foreach (var q in queries)
            {
                var page = await browser.NewPageAsync();
                await page.GotoAsync(server.BaseUrl + harness);
                server.TakeBytesSent();
                var results = await Client.Query(page, q);
                sizes.Add((q, server.TakeBytesSent() + script, results.Total));
                await page.Context.CloseAsync();
            }
            var sorted = sizes.Select(s => s.Bytes).Order().ToList();
            foreach (var (q, bytes, total) in sizes) output.WriteLine($"{bytes,9:N0} B  {total,6} hits  {q}");
            output.WriteLine($"site {siteDir}: median {sorted[sorted.Count / 2]:N0} B, max {sorted[^1]:N0} B, script {script:N0} B");
            Assert.True(sorted[^1] <= budget, $"largest first query {sorted[^1]:N0} B > {budget:N0} B");
        }
        finally
        {
            File.Delete(harnessPath);
        }
    }
}
