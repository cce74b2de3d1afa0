using Atlas.Render;
using Atlas.Tests.TestSupport;
using Atlas.Verify;

namespace Atlas.Tests.Render;

public sealed class SiteRendererSpec
{
    [Fact]
    public void Renders_every_page_type_in_both_languages_with_no_checker_problem()
    {
        using var temp = new TempDir();
        var site = TestAtlas.Render(temp, TestAtlas.Model());
        foreach (var page in new[]
        {
            "index.html", "about.html", "programmes/tien-giang-38-ctr-tu-2023.html", "provinces/index.html", "provinces/tien-giang.html",
            "themes/index.html", "themes/chuyen-doi-so.html", "themes/matrix.html", "resolutions/index.html", "resolutions/29-nq-tw.html",
            "sources/index.html", "sitemap.xml", "feed.xml", "assets/css/atlas.css", "sources/tien-giang-38-ctr-tu-2023.txt",
        })
        {
            Assert.True(File.Exists(Path.Combine(site, page)), page);
            if (page.EndsWith(".html")) Assert.True(File.Exists(Path.Combine(site, "en", page)), "en/" + page);
        }
        Assert.Empty(new SiteChecker().Check(site));
    }
}
