using System.Text;
using System.Text.RegularExpressions;
using Atlas.Build;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Render;

/// <summary>
/// The atlas built from one seed (Tiền Giang, 38-CTr/TU) through the whole pipeline, with the repository's registries
/// and templates: content goes to a temporary folder, so the build never writes into the repository.
/// </summary>
public sealed class OneSeedSite : IDisposable
{
    public const string Seed = "tien-giang-38-ctr-tu-2023";
    private readonly TempDir temp = new();

    public OneSeedSite()
    {
        Directory.CreateDirectory(temp["content/sources"]);
        foreach (var registry in Directory.EnumerateFiles(Repo.Content, "*.yml"))
            File.Copy(registry, Path.Combine(temp["content"], Path.GetFileName(registry)));
        foreach (var source in Directory.EnumerateFiles(Repo.Sources, Seed + ".*"))
            File.Copy(source, Path.Combine(temp["content/sources"], Path.GetFileName(source)));
        Options = new BuildOptions(temp["content"], Repo.Templates, temp["site"]);
        Result = new AtlasBuilder(Options).Build();
    }

    public BuildOptions Options { get; }
    public BuildResult Result { get; }
    public string Page(string relative) => Path.Combine(Options.SiteDir, relative);
    public void Dispose() => temp.Dispose();
}

/// <summary>
/// Snapshot of each page type for one seed, compared with reviewed golden files under Render/Golden/.
/// A change to templates, view models or the seed's extraction shows here as a diff to review; after reviewing it,
/// refresh with <c>ATLAS_UPDATE_GOLDEN=1 dotnet test --filter GoldenPagesSpec</c> and commit the goldens.
/// </summary>
public sealed class GoldenPagesSpec(OneSeedSite site) : IClassFixture<OneSeedSite>
{
    public static TheoryData<string> Pages() =>
    [
        "index.html",
        $"programmes/{OneSeedSite.Seed}.html",
        "provinces/index.html",
        "provinces/tien-giang.html",
        "themes/index.html",
        "themes/digital-transformation.html",
        "themes/matrix.html",
        "resolutions/index.html",
        "resolutions/29-nq-tw.html",
        "sources/index.html",
        "about.html",
        "method.html",
        "indicators/grdp-growth.html",
        $"en/programmes/{OneSeedSite.Seed}.html",
        "en/themes/digital-transformation.html",
        "feed.xml",
    ];

    private static string GoldenDir => Path.Combine(Repo.Root, "tests", "Atlas.Tests", "Render", "Golden");

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_matches_its_reviewed_golden(string page)
    {
        Assert.True(site.Result.Published, site.Result.FatalError + string.Join('\n', site.Result.SiteProblems));
        var actual = Normalise(File.ReadAllText(site.Page(page)));
        var golden = Path.Combine(GoldenDir, page.Replace('/', '_'));
        if (Environment.GetEnvironmentVariable("ATLAS_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(GoldenDir);
            File.WriteAllText(golden, actual);
            return;
        }
        Assert.True(File.Exists(golden), $"no golden for {page}: review the page, then run with ATLAS_UPDATE_GOLDEN=1");
        var expected = File.ReadAllText(golden);
        if (expected == actual) return;
        Assert.Fail($"{page} differs from its golden at line {FirstDifference(expected, actual)}; review, then refresh with ATLAS_UPDATE_GOLDEN=1");
    }

    /// <summary>
    /// Layout-only whitespace is not part of the snapshot (trailing spaces and blank lines are dropped), nor is the map's
    /// inline SVG, which has its own specs under Render/Map and would make every map tweak a home-page diff.
    /// </summary>
    internal static string Normalise(string text)
    {
        text = Regex.Replace(text, "<svg [^>]*class=\"vn-map\".*?</svg>", "<svg class=\"vn-map\"><!-- map: see Render/Map specs --></svg>", RegexOptions.Singleline);
        var sb = new StringBuilder();
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (trimmed.Length > 0) sb.Append(trimmed).Append('\n');
        }
        return sb.ToString();
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al) return $"{i + 1}\n  golden: {Clip(el)}\n  actual: {Clip(al)}";
        }
        return "?";
    }

    private static string Clip(string line) => line.Length <= 400 ? line : line[..400] + "…";
}
