using AngleSharp.Html.Parser;

namespace Atlas.Verify;

/// <summary>
/// Reads a page with AngleSharp, a full HTML5 parser: slower, but it sees the document exactly as a browser builds it
/// (error recovery, implied elements). <c>atlas check</c> uses it; the build's verify stage uses <see cref="MarkupScanner"/>.
/// </summary>
public static class DomScanner
{
    public static PageFacts Scan(HtmlParser parser, Stream html)
    {
        var doc = parser.ParseDocument(html);
        var ids = doc.QuerySelectorAll("[id]").Select(el => el.Id!).ToList();
        var names = doc.QuerySelectorAll("a[name]").Select(el => el.GetAttribute("name")!).ToList();
        var links = new List<PageLink>();
        foreach (var (element, attribute) in PageFacts.LinkAttributes)
            foreach (var el in doc.QuerySelectorAll($"{element}[{attribute}]"))
                links.Add(new PageLink(el.GetAttribute(attribute)!.Trim(), el.LocalName));
        return new PageFacts(
            doc.DocumentElement.GetAttribute("lang"),
            doc.QuerySelector("head > title")?.TextContent,
            doc.QuerySelector("h1")?.TextContent,
            ids, names, links);
    }
}
