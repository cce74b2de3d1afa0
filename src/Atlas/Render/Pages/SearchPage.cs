namespace Atlas.Render.Pages;

/// <param name="ClientScript">The search engine (search/atlas-search.js, at the site root).</param>
/// <param name="PageScript">The page's behaviour (assets/search/search-page.js).</param>
/// <param name="Stylesheet">assets/search/search.css.</param>
/// <param name="LanguageRoot">Prefix from this page to its language's pages: result links stay in the page's language.</param>
public sealed record SearchView(string ClientScript, string PageScript, string Stylesheet, string LanguageRoot, int Programmes);

/// <summary>
/// search.html (and en/search.html): the passage search. The page is a shell; search/atlas-search.js runs the query
/// in the browser and assets/search/search-page.js renders results, facets and "why this matched". Its whole state
/// (q, province, theme) is in the URL, so a search can be shared; the header's GET form lands here.
/// </summary>
public sealed class SearchPage : ISitePage
{
    public void Write(SiteWriter site)
    {
        // The client's public home is search/atlas-search.js, next to the shards it loads: the index export
        // (SearchExporter) publishes both; this page only links to it.
        foreach (var lang in site.Languages)
        {
            var at = site.Links(lang, "search.html");
            var view = new SearchView(at.Shared("search/atlas-search.js"), at.Asset("search/search-page.js"), at.Asset("search/search.css"),
                at.LanguageRoot, site.Model.Programmes.Count);
            site.WritePage(at, "search", view,
                new PageMeta(lang["search_title"], lang["search_description"], [new Crumb(lang["nav_search"], null)]));
        }
    }
}
