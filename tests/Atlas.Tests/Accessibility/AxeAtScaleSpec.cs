using Atlas.Bench;
using Atlas.Build;
using Atlas.Render;
using Atlas.Tests.TestSupport;
using Microsoft.Playwright;

namespace Atlas.Tests.Accessibility;

/// <summary>
/// A built atlas holding more programmes than the aggregate pages show in full (<see cref="PageBudget"/>), from the
/// benchmark's scale corpus: the theme pages turned into one row per programme, the indicator tables with one row per
/// province, the shortened home and lists.
/// </summary>
public sealed class ScaleAtlas : IDisposable
{
    /// <summary>Past every budget that depends on the number of programmes (the home page lists 30).</summary>
    public const int Programmes = PageBudget.HomeProgrammes + 2;

    private readonly TempDir temp = new();

    public ScaleAtlas()
    {
        ScaleCorpus.Write(Repo.Content, temp.Path, Programmes);
        Result = new AtlasBuilder(new BuildOptions(temp["content"], Repo.Templates, temp["site"])).Build();
        SiteDir = temp["site"];
    }

    public BuildResult Result { get; }
    public string SiteDir { get; }

    public void Dispose() => temp.Dispose();
}

/// <summary>
/// The layouts only a large atlas has pass axe-core as the seeds' pages do (<see cref="AxeSpec"/>): every page type
/// except the programme pages (whose layout does not change with the number of programmes), on a desktop and a
/// phone-sized screen. Nothing serious or critical may be found.
/// </summary>
public sealed class AxeAtScaleSpec(ScaleAtlas atlas, Browser browser) : IClassFixture<ScaleAtlas>, IClassFixture<Browser>
{
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(360, 740)]
    public async Task Aggregate_pages_of_a_large_atlas_have_no_serious_or_critical_violations(int width, int height)
    {
        Assert.True(atlas.Result.Published, atlas.Result.FatalError);
        var samples = PageTypes.In(atlas.SiteDir).Where(s => !s.IsProgramme).ToList();
        // The pages whose layout changes past the budgets are among those checked.
        Assert.Contains(samples, s => s.ToString().EndsWith("themes/matrix.html", StringComparison.Ordinal));
        Assert.Contains(samples, s => s.ToString().Contains("/indicators/", StringComparison.Ordinal) && !s.ToString().EndsWith("index.html", StringComparison.Ordinal));
        Assert.Contains(samples, s => s.ToString().EndsWith("/assignments.html", StringComparison.Ordinal));

        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        try
        {
            var page = await context.NewPageAsync();
            var found = new List<string>();
            foreach (var sample in samples)
            {
                await AxeSpec.Open(page, sample);
                var name = Path.GetRelativePath(atlas.SiteDir, sample.Path).Replace('\\', '/') + sample.Query;
                found.AddRange((await Axe.CheckAsync(page)).Where(Axe.IsSeriousOrCritical).GroupBy(v => (v.Rule, v.Impact))
                    .Select(g => $"{name} @{width}px: [{g.Key.Impact}] {g.Key.Rule} on {g.Count()} element(s), e.g. "
                        + string.Join(" | ", g.Take(3).Select(v => $"`{v.Target}`")) + $" — {g.First().Summary}"));
            }
            Assert.True(found.Count == 0, $"serious/critical axe violations ({samples.Count} pages checked):\n" + string.Join("\n", found));
        }
        finally { await context.CloseAsync(); }
    }
}
