using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Atlas.Verify;

/// <summary>A problem found in a built page: broken link, missing anchor, missing title/h1/lang, duplicate id.</summary>
public sealed record SiteProblem(string Page, string Problem);

/// <summary>
/// Parses every built page and reports what a reader would trip over: a link to a file that is not there, a #anchor
/// the target page lacks, a page without lang, &lt;title&gt; or &lt;h1&gt;, an id used twice, a link that leaves the
/// site's folder or depends on the server root (the site must work from file:// and any sub-path).
/// Problems are ordered by page, then by position in the page.
/// </summary>
public sealed class SiteChecker
{
    // Elements and attributes that make the browser fetch or navigate.
    private static readonly (string Selector, string Attribute)[] LinkAttributes =
    [
        ("a[href]", "href"), ("area[href]", "href"), ("link[href]", "href"), ("script[src]", "src"), ("img[src]", "src"),
        ("source[src]", "src"), ("iframe[src]", "src"), ("form[action]", "action"),
    ];

    private sealed record PageScan(string Relative, HashSet<string> Ids, List<(string Url, string Element)> Links, List<string> Problems);

    public IReadOnlyList<SiteProblem> Check(string siteDir)
    {
        var root = Path.GetFullPath(siteDir);
        if (!Directory.Exists(root)) return [new SiteProblem(siteDir, "site folder does not exist")];
        var files = Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        // Parsing is the cost (thousands of pages at scale): pages are scanned in parallel, each into its own slot,
        // then merged in ordinal order so the problem list is the same whatever the scheduling.
        var scans = new PageScan[files.Length];
        Parallel.For(0, files.Length, () => new HtmlParser(), (i, _, parser) =>
        {
            var relative = Path.GetRelativePath(root, files[i]).Replace('\\', '/');
            using var stream = File.OpenRead(files[i]);
            scans[i] = Scan(relative, parser.ParseDocument(stream));
            return parser;
        }, _ => { });
        var pages = new SortedDictionary<string, PageScan>(StringComparer.Ordinal);
        foreach (var scan in scans) pages[scan.Relative] = scan;

        var problems = new List<SiteProblem>();
        foreach (var page in pages.Values)
        {
            foreach (var p in page.Problems) problems.Add(new SiteProblem(page.Relative, p));
            foreach (var (url, element) in page.Links)
            {
                var problem = CheckLink(root, page, url, pages);
                if (problem is not null) problems.Add(new SiteProblem(page.Relative, $"{element} → {url}: {problem}"));
            }
        }
        return problems;
    }

    private static PageScan Scan(string relative, IDocument doc)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(doc.DocumentElement.GetAttribute("lang"))) problems.Add("missing lang on <html>");
        if (string.IsNullOrWhiteSpace(doc.QuerySelector("head > title")?.TextContent)) problems.Add("missing <title>");
        if (doc.QuerySelector("h1") is not { } h1 || string.IsNullOrWhiteSpace(h1.TextContent)) problems.Add("missing <h1>");

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var el in doc.QuerySelectorAll("[id]"))
        {
            var id = el.Id!;
            if (!ids.Add(id)) problems.Add($"duplicate id \"{id}\"");
        }
        // <a name="…"> is also a fragment target.
        foreach (var el in doc.QuerySelectorAll("a[name]")) ids.Add(el.GetAttribute("name")!);

        var links = new List<(string, string)>();
        foreach (var (selector, attribute) in LinkAttributes)
            foreach (var el in doc.QuerySelectorAll(selector))
                links.Add((el.GetAttribute(attribute)!.Trim(), el.LocalName));
        return new PageScan(relative, ids, links, problems);
    }

    private static string? CheckLink(string root, PageScan page, string url, IReadOnlyDictionary<string, PageScan> pages)
    {
        if (url.Length == 0) return "empty link";
        if (url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase)) return null;
        if (url.StartsWith("//", StringComparison.Ordinal) || Uri.TryCreate(url, UriKind.Absolute, out var abs) && abs.Scheme.Length > 1 && !url.StartsWith('/'))
            return "absolute URL: the site must not depend on anything outside itself";
        if (url.StartsWith('/')) return "root-relative link: breaks when the site is opened from disk or a sub-path";

        var hash = url.IndexOf('#');
        var fragment = hash >= 0 ? Uri.UnescapeDataString(url[(hash + 1)..]) : null;
        var pathPart = hash >= 0 ? url[..hash] : url;
        var query = pathPart.IndexOf('?');
        if (query >= 0) pathPart = pathPart[..query];

        string targetRelative;
        if (pathPart.Length == 0) targetRelative = page.Relative;
        else
        {
            var pageDir = Path.GetDirectoryName(Path.Combine(root, page.Relative))!;
            var full = Path.GetFullPath(Path.Combine(pageDir, Uri.UnescapeDataString(pathPart)));
            if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return "leaves the site folder";
            if (Directory.Exists(full)) return "links to a folder (no index page from file://); link the .html file";
            if (!File.Exists(full)) return "file missing";
            targetRelative = Path.GetRelativePath(root, full).Replace('\\', '/');
        }

        if (string.IsNullOrEmpty(fragment)) return null;
        if (!pages.TryGetValue(targetRelative, out var target)) return null; // anchors only checked in pages
        return target.Ids.Contains(fragment) ? null : $"no element with id \"{fragment}\" in {targetRelative}";
    }
}
