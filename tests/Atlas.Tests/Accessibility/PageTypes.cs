using AngleSharp.Html.Parser;

namespace Atlas.Tests.Accessibility;

/// <summary>One page standing for a page type, and what a reader does before it is checked.</summary>
public sealed record PageSample(string Path, string Query = "")
{
    public bool IsSearch => System.IO.Path.GetFileName(Path) == "search.html";
    public bool IsProgramme => Path.Replace('\\', '/').Contains("programmes/", StringComparison.Ordinal);
    public override string ToString() => Path.Replace('\\', '/') + Query;
}

/// <summary>
/// The page types of a built site, found from the site itself so a page type added later is checked without
/// touching the tests: every page at the language root, every folder's index, and in each folder one page per
/// distinct layout (the tags and first classes of &lt;main&gt;'s children), so themes/matrix.html is told apart from
/// the theme pages and a province with programmes from one without.
/// </summary>
public static class PageTypes
{
    private const int MaxLayoutsPerFolder = 6;
    public const string SearchQuery = "?q=c%C3%B4ng%20nghi%E1%BB%87p";

    /// <param name="languageRoot">the site folder for "vi", or its en/ folder.</param>
    public static IReadOnlyList<PageSample> In(string languageRoot)
    {
        var samples = new List<PageSample>();
        foreach (var file in Directory.EnumerateFiles(languageRoot, "*.html").Order(StringComparer.Ordinal))
        {
            var sample = new PageSample(file);
            samples.Add(sample.IsSearch ? sample with { Query = SearchQuery } : sample);
        }
        var parser = new HtmlParser();
        foreach (var dir in Directory.EnumerateDirectories(languageRoot).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(dir) is "en" or "assets" or "search" or "data") continue;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            // Largest pages first within a layout: the richest instance (a province with programmes, a long theme).
            var pages = Directory.EnumerateFiles(dir, "*.html")
                .Select(f => (File: f, Layout: Layout(parser, f), Size: new FileInfo(f).Length))
                .OrderBy(p => Path.GetFileName(p.File) == "index.html" ? 0 : 1)
                .ThenByDescending(p => p.Size).ThenBy(p => p.File, StringComparer.Ordinal);
            foreach (var page in pages)
            {
                var key = Path.GetFileName(page.File) == "index.html" ? "index" : page.Layout;
                if (seen.Count < MaxLayoutsPerFolder + 1 && seen.Add(key)) samples.Add(new PageSample(page.File));
            }
        }
        return samples;
    }

    private static string Layout(HtmlParser parser, string file)
    {
        using var stream = File.OpenRead(file);
        var doc = parser.ParseDocument(stream);
        var main = doc.QuerySelector("main");
        if (main is null) return "";
        // Distinct, so a page with three charts and one with two are one layout.
        return string.Join(" ", main.Children.Select(c => c.LocalName + "." + (c.ClassList.FirstOrDefault() ?? "")).Distinct());
    }
}
