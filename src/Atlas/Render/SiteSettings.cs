using YamlDotNet.RepresentationModel;

namespace Atlas.Render;

/// <summary>A navigation entry: the page (relative to the language root) and the UI string key of its label.</summary>
public sealed record NavEntry(string Path, string Label);

/// <summary>
/// Settings staff may change without touching C#, from <c>templates/site.yml</c>: the navigation and an optional
/// public base URL (used only where a format demands absolute URLs: sitemap.xml and the citation text).
/// </summary>
/// <param name="HasFonts">Whether templates/assets/fonts/fonts.css exists (the self-hosted typeface); linked only then.</param>
public sealed record SiteSettings(IReadOnlyList<NavEntry> Nav, string BaseUrl, string ReportErrorsTo, bool HasFonts = false)
{
    public static SiteSettings Default { get; } = new(
        [
            new("index.html", "nav_home"), new("provinces/index.html", "nav_provinces"), new("themes/index.html", "nav_themes"),
            new("resolutions/index.html", "nav_resolutions"), new("sources/index.html", "nav_sources"), new("about.html", "nav_about"),
        ],
        "", "");

    public static SiteSettings Load(string templatesDir)
    {
        var hasFonts = File.Exists(Path.Combine(templatesDir, "assets", "fonts", "fonts.css"));
        var path = Path.Combine(templatesDir, "site.yml");
        if (!File.Exists(path)) return Default with { HasFonts = hasFonts };
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path)) yaml.Load(reader);
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root) return Default with { HasFonts = hasFonts };
        string Scalar(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var n) && n is YamlScalarNode s ? s.Value ?? "" : "";
        var nav = Default.Nav;
        if (root.Children.TryGetValue(new YamlScalarNode("nav"), out var navNode) && navNode is YamlSequenceNode seq)
        {
            nav = seq.Children.OfType<YamlMappingNode>()
                .Select(m => new NavEntry(
                    ((YamlScalarNode)m.Children[new YamlScalarNode("path")]).Value ?? "",
                    ((YamlScalarNode)m.Children[new YamlScalarNode("label")]).Value ?? ""))
                .ToList();
        }
        var baseUrl = Scalar("base_url");
        if (baseUrl.Length > 0 && !baseUrl.EndsWith('/')) baseUrl += "/";
        return new SiteSettings(nav, baseUrl, Scalar("report_errors_to"), hasFonts);
    }
}
