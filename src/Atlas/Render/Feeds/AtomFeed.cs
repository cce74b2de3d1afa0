using System.Text;
using Atlas.Model;

namespace Atlas.Render.Feeds;

/// <summary>
/// feed.xml, an Atom feed with one entry per programme, newest first. Deterministic: times come from the programmes'
/// own dates (never the clock) and ids are stable URNs built from the slugs.
/// </summary>
public static class AtomFeed
{
    public static void Write(SiteWriter site)
    {
        var vi = site.Languages[0];
        var programmes = site.Model.Programmes
            .OrderByDescending(p => p.Programme.Metadata.Date ?? "", StringComparer.Ordinal)
            .ThenBy(p => p.Programme.Slug, StringComparer.Ordinal)
            .Select(p => p.Programme).ToList();
        var newest = programmes.Select(p => Stamp(p.Metadata.Date)).FirstOrDefault(s => s is not null) ?? "2000-01-01T00:00:00Z";

        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        sb.Append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n");
        sb.Append("  <title>").Append(Html.Escape(vi["site_name"])).Append("</title>\n");
        sb.Append("  <subtitle>").Append(Html.Escape(vi["home_description"])).Append("</subtitle>\n");
        sb.Append("  <id>urn:atlas:feed</id>\n");
        sb.Append("  <link rel=\"alternate\" type=\"text/html\" href=\"").Append(Html.Escape(site.Settings.BaseUrl + "index.html")).Append("\"/>\n");
        sb.Append("  <updated>").Append(newest).Append("</updated>\n");
        sb.Append("  <author><name>").Append(Html.Escape(vi["site_name"])).Append("</name></author>\n");
        foreach (var p in programmes)
        {
            var summary = string.Join(" — ", new[] { Citation.For(p.Metadata, null), p.Metadata.Title }.Where(x => !string.IsNullOrEmpty(x)));
            sb.Append("  <entry>\n");
            sb.Append("    <title>").Append(Html.Escape(Views.Label(p))).Append("</title>\n");
            sb.Append("    <id>urn:atlas:programme:").Append(Html.Escape(p.Slug)).Append("</id>\n");
            sb.Append("    <link rel=\"alternate\" type=\"text/html\" href=\"").Append(Html.Escape(site.Settings.BaseUrl + $"programmes/{p.Slug}.html")).Append("\"/>\n");
            sb.Append("    <updated>").Append(Stamp(p.Metadata.Date) ?? newest).Append("</updated>\n");
            sb.Append("    <summary>").Append(Html.Escape(summary)).Append("</summary>\n");
            sb.Append("  </entry>\n");
        }
        sb.Append("</feed>\n");
        site.WriteText("feed.xml", sb.ToString());
    }

    private static string? Stamp(string? isoDate) => Dates.Parse(isoDate) is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T00:00:00Z" : null;
}
