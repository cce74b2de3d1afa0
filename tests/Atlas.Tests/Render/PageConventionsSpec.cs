using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Render;

/// <summary>What every page of the site promises, whatever its type: head metadata, a strict CSP, no inline code.</summary>
public sealed class PageConventionsSpec : IDisposable
{
    private readonly TempDir temp = new();
    private readonly string site;

    public PageConventionsSpec() => site = TestAtlas.Render(temp, TestAtlas.Model());

    public void Dispose() => temp.Dispose();

    private IEnumerable<(string Path, AngleSharp.Html.Dom.IHtmlDocument Doc)> Pages()
    {
        var parser = new HtmlParser();
        foreach (var file in Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            yield return (Path.GetRelativePath(site, file).Replace('\\', '/'), parser.ParseDocument(File.ReadAllText(file)));
    }

    [Fact]
    public void Every_page_has_lang_title_description_and_opengraph_tags()
    {
        foreach (var (path, doc) in Pages())
        {
            Assert.Equal(path.StartsWith("en/") ? "en" : "vi", doc.DocumentElement.GetAttribute("lang"));
            Assert.False(string.IsNullOrWhiteSpace(doc.Title), path);
            Assert.False(string.IsNullOrWhiteSpace(doc.QuerySelector("meta[name=description]")?.GetAttribute("content")), path);
            foreach (var og in new[] { "og:title", "og:description", "og:type", "og:site_name" })
                Assert.False(string.IsNullOrWhiteSpace(doc.QuerySelector($"meta[property='{og}']")?.GetAttribute("content")), $"{path} {og}");
            Assert.Single(doc.QuerySelectorAll("h1"));
        }
    }

    [Fact]
    public void Every_page_has_a_strict_content_security_policy_and_no_inline_code()
    {
        foreach (var (path, doc) in Pages())
        {
            var csp = doc.QuerySelector("meta[http-equiv='Content-Security-Policy']")?.GetAttribute("content");
            Assert.NotNull(csp);
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.All(doc.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src") && s.TextContent.Trim().Length == 0, path));
            Assert.Empty(doc.QuerySelectorAll("[style]"));
            Assert.Empty(doc.QuerySelectorAll("style"));
            Assert.DoesNotContain(doc.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Every_page_has_the_search_box_in_its_header_but_the_home_and_search_pages_which_have_their_own_only()
    {
        foreach (var (path, doc) in Pages())
        {
            var ownBox = path is "index.html" or "en/index.html" or "search.html" or "en/search.html";
            var inHeader = doc.QuerySelectorAll(".site-header form[role=search]").Length;
            Assert.True(inHeader == (ownBox ? 0 : 1), $"{path}: {inHeader} search boxes in the header");
            if (ownBox) Assert.Single(doc.QuerySelectorAll("form[role=search]"));
        }
    }

    [Fact]
    public void The_sitemap_lists_every_page_of_both_languages()
    {
        var ns = XNamespace.Get("http://www.sitemaps.org/schemas/sitemap/0.9");
        var locs = XDocument.Load(Path.Combine(site, "sitemap.xml")).Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.Equal(Pages().Select(p => p.Path).Order(StringComparer.Ordinal), locs);
    }

    [Fact]
    public void The_atom_feed_has_one_entry_per_programme_dated_by_the_programme_not_the_clock()
    {
        var atom = XNamespace.Get("http://www.w3.org/2005/Atom");
        var feed = XDocument.Load(Path.Combine(site, "feed.xml")).Root!;
        Assert.Equal("2023-03-31T00:00:00Z", feed.Element(atom + "updated")!.Value);
        var entries = feed.Elements(atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal("urn:atlas:programme:tien-giang-38-ctr-tu-2023", entries[0].Element(atom + "id")!.Value);
        Assert.Equal("programmes/tien-giang-38-ctr-tu-2023.html", entries[0].Element(atom + "link")!.Attribute("href")!.Value);
        Assert.All(entries, e => Assert.NotNull(e.Element(atom + "updated")));
    }
}
