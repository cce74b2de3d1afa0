using Atlas.Model;
using Atlas.Render.Map;
using Atlas.Render.Templates;

namespace Atlas.Render.Pages;

public sealed record ThemeEntry(string Id, string Name, string Description, string Href, int Passages, int Programmes);

public sealed record ProvinceEntry(string Name, string Href, int Programmes, string? NowPartOf);

public sealed record ResolutionLink(string Label, string? Title, string Href, int Programmes);

/// <param name="Map">The map of Vietnam (inline SVG from Render/Map), null when the outline is not vendored.</param>
public sealed record HomeView(
    IReadOnlyList<ProgrammeRow> Programmes,
    IReadOnlyList<ProvinceEntry> Provinces,
    IReadOnlyList<ThemeEntry> Themes,
    IReadOnlyList<ResolutionLink> Resolutions,
    int PassageCount,
    HtmlString? Map,
    string MatrixHref)
{
    /// <summary>The map coloured by an indicator, with a selector of the others (replaces <see cref="Map"/> when set).</summary>
    public IndicatorMapView? IndicatorMap { get; init; }

    /// <summary>All programmes, when <see cref="Programmes"/> lists only the most recent (<see cref="PageBudget.HomeProgrammes"/>).</summary>
    public int ProgrammeTotal { get; init; }
}

/// <summary>index.html: what the atlas is, its programmes, and the ways in (province, theme, resolution, search, map).</summary>
public sealed class HomePage : ISitePage
{
    public void Write(SiteWriter site)
    {
        var map = site.Map;
        // Markers for the provinces that issued a programme, at their capitals (registry coordinates).
        var marked = site.Model.Programmes.Select(ap => site.Lookup.ProvinceOf(ap.Programme)).OfType<Province>().ToList();
        var indicatorMaps = map is null ? [] : site.Model.Indicators.Select(i => site.IndicatorMaps[i.Id]).ToList();
        foreach (var lang in site.Languages)
        {
            var at = site.Links(lang, "index.html");
            // The map links "provinces/<slug>.html" after this prefix, which leads into the page's own language tree.
            var svg = map is null ? null : new HtmlString(map.Render(marked, at.To(""), lang["home_map_title"]));
            var programmes = Views.ForReading(site.Model.Programmes).ToList();
            // Past the budget, the most recent programmes (by date, then slug); every programme is on its province's page.
            var listed = programmes.Count <= PageBudget.HomeProgrammes ? programmes
                : programmes.OrderByDescending(p => p.Programme.Metadata.Date ?? "", StringComparer.Ordinal)
                    .ThenBy(p => p.Programme.Slug, StringComparer.Ordinal).Take(PageBudget.HomeProgrammes).ToList();
            var view = new HomeView(
                listed.Select(p => Views.Row(p, at)).ToList(),
                ProvincePages.Entries(site, at).Where(e => e.Programmes > 0).ToList(),
                ThemePages.Entries(site, at),
                site.Lookup.Resolutions.Select(r => new ResolutionLink(r.Number ?? r.Label, r.Number is null ? null : r.Label, at.Resolution(r.Id), r.Programmes.Count)).ToList(),
                programmes.Sum(p => p.Programme.Passages.Count),
                svg,
                at.ThemeMatrix())
            {
                IndicatorMap = map is null ? null : IndicatorMapViews.ForHome(map, indicatorMaps, at),
                ProgrammeTotal = programmes.Count,
            };
            site.WritePage(at, "home", view, new PageMeta(lang["site_name"], lang["home_description"], []));
        }
    }
}
