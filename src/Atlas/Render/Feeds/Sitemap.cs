using System.Text;

namespace Atlas.Render.Feeds;

/// <summary>
/// sitemap.xml listing every page. The sitemap format wants absolute URLs: with <c>base_url</c> set in templates/site.yml
/// they are absolute; without it they are relative to the sitemap's own location (the site does not know where it will live).
/// </summary>
public static class Sitemap
{
    public static void Write(SiteWriter site)
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.Append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var page in site.Pages.Select(p => p.SitePath).Distinct().Order(StringComparer.Ordinal))
            sb.Append("  <url><loc>").Append(Html.Escape(site.Settings.BaseUrl + page)).Append("</loc></url>\n");
        sb.Append("</urlset>\n");
        site.WriteText("sitemap.xml", sb.ToString());
    }
}
