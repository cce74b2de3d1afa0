using System.Globalization;
using Atlas.Model;

namespace Atlas.Render.Pages;

public sealed record ProvinceView(
    string Name,
    string? Region,
    string? Capital,
    string? Coordinates,
    LinkView? NowPartOf,
    IReadOnlyList<LinkView> MergedFromHere,
    IReadOnlyList<ProgrammeRow> Programmes,
    bool InRegistry);

public sealed record ProvinceIndexView(IReadOnlyList<ProvinceEntry> Provinces);

/// <summary>
/// provinces/index.html and provinces/&lt;slug&gt;.html: one page per registry province and per province named by a
/// programme (even one the registry lacks). Programmes keep the name of the province that issued them; a province
/// merged in 2025 says which province it now belongs to.
/// </summary>
public sealed class ProvincePages : ISitePage
{
    /// <summary>Every province with a page: (slug, name, registry entry or null), ordered by slug.</summary>
    public static IReadOnlyList<(string Slug, string Name, Province? Registered)> All(SiteWriter site)
    {
        var all = new SortedDictionary<string, (string Name, Province? Registered)>(StringComparer.Ordinal);
        foreach (var p in site.Model.Provinces)
            if (p.Slug.Length > 0) all.TryAdd(p.Slug, (p.Name, p));
        foreach (var ap in site.Model.Programmes)
        {
            var slug = PageLinks.ProvinceSlug(ap.Programme);
            if (slug.Length > 0) all.TryAdd(slug, (ap.Programme.Metadata.Province!, null));
        }
        return all.Select(kv => (kv.Key, kv.Value.Name, kv.Value.Registered)).ToList();
    }

    public static IReadOnlyList<ProvinceEntry> Entries(SiteWriter site, PageLinks at) =>
        All(site).Select(p =>
        {
            var count = site.Model.Programmes.Count(ap => PageLinks.ProvinceSlug(ap.Programme) == p.Slug);
            var into = p.Registered?.MergedInto is { Length: > 0 } m ? site.Lookup.Province(m)?.Name ?? m : null;
            return new ProvinceEntry(p.Name, at.Province(p.Slug), count, into);
        }).ToList();

    public void Write(SiteWriter site)
    {
        foreach (var lang in site.Languages)
        {
            var index = site.Links(lang, "provinces/index.html");
            site.WritePage(index, "provinces", new ProvinceIndexView(Entries(site, index)),
                new PageMeta(lang["provinces_title"], lang["provinces_description"], [new Crumb(lang["nav_provinces"], null)]));

            foreach (var (slug, name, registered) in All(site))
            {
                var at = site.Links(lang, $"provinces/{slug}.html");
                var programmes = Views.ForReading(site.Model.Programmes.Where(ap => PageLinks.ProvinceSlug(ap.Programme) == slug))
                    .Select(ap => Views.Row(ap, at)).ToList();
                var pages = All(site).Select(x => x.Slug).ToHashSet(StringComparer.Ordinal);
                // A merge target missing from the registry has no page: name it without a link.
                LinkView? nowPartOf = registered?.MergedInto is { Length: > 0 } into
                    ? new LinkView(site.Lookup.Province(into)?.Name ?? into, pages.Contains(into) ? at.Province(into) : "")
                    : null;
                var mergedHere = site.Model.Provinces
                    .Where(p => p.MergedInto == slug && p.Slug != slug)
                    .OrderBy(p => p.Slug, StringComparer.Ordinal)
                    .Select(p => new LinkView(p.Name, at.Province(p.Slug))).ToList();
                var coords = registered is null ? null
                    : string.Create(CultureInfo.InvariantCulture, $"{registered.Latitude:0.####}° N, {registered.Longitude:0.####}° E");
                var view = new ProvinceView(name, registered?.Region, registered?.Capital, coords, nowPartOf, mergedHere, programmes, registered is not null);
                site.WritePage(at, "province", view, new PageMeta(
                    name,
                    string.Format(CultureInfo.InvariantCulture, lang["province_description"], name, programmes.Count),
                    [new Crumb(lang["nav_provinces"], at.Provinces()), new Crumb(name, null, "vi")]));
            }
        }
    }
}
