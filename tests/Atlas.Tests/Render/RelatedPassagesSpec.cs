using AngleSharp.Html.Parser;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Render;

/// <summary>On the real seeds: each passage shows what other provinces say, and copied wording is marked as shared.</summary>
[Collection(BuiltSiteCollection.Name)]
public class RelatedPassagesSpec(BuiltSite built)
{
    private AngleSharp.Html.Dom.IHtmlDocument Page(string relative) =>
        new HtmlParser().ParseDocument(File.ReadAllText(built.Page(relative)));

    [Fact]
    public void Passages_list_similar_passages_of_other_programmes_that_link_to_their_anchors()
    {
        var doc = Page("programmes/tien-giang-38-ctr-tu-2023.html");
        var links = doc.QuerySelectorAll(".passage details.related a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.DoesNotContain("tien-giang-38-ctr-tu-2023", href));
        Assert.All(links, href => Assert.Matches(@"^[a-z0-9-]+\.html#s-", href));
        Assert.Contains("Các tỉnh khác nói gì?", doc.QuerySelector(".passage details.related summary")!.TextContent);
    }

    [Fact]
    public void The_phrase_copied_from_the_central_resolution_is_marked_as_shared_wording()
    {
        foreach (var page in new[] { "tien-giang-38-ctr-tu-2023", "thai-binh-nq29-2023", "quang-ngai-nq29" })
        {
            var doc = Page($"programmes/{page}.html");
            var passage = doc.QuerySelectorAll(".passage").First(p => p.TextContent.Contains("một việc chỉ giao cho một cơ quan"));
            Assert.Contains("shared", passage.ClassList);
            Assert.NotNull(passage.QuerySelector(".shared-badge"));
        }
    }
}
