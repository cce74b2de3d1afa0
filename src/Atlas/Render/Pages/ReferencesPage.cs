using Atlas.Model;

namespace Atlas.Render.Pages;

public sealed record CitingLink(string Label, string Href, int Times);

/// <param name="CitedBy">The first <see cref="PageBudget.ListedProgrammes"/> citing programmes; <see cref="MoreCiting"/> counts the rest.</param>
public sealed record ReferenceRow(string Number, string Kind, string? Date, string? Issuer, string? Subject, IReadOnlyList<CitingLink> CitedBy,
    int MoreCiting = 0, int Citing = 0);

public sealed record ReferencesView(IReadOnlyList<ReferenceRow> Documents);

/// <summary>references.html: every numbered document cited, with the programmes citing it (most cited first).</summary>
public sealed class ReferencesPage : ISitePage
{
    public void Write(SiteWriter site)
    {
        var programmes = Views.ForReading(site.Model.Programmes).ToList();
        var groups = programmes
            .SelectMany(p => p.Analysis.References.Where(r => r.Number is not null).Select(r => (P: p.Programme, R: r)))
            .GroupBy(x => Slugs.From(x.R.Number!), StringComparer.Ordinal)
            .ToList();
        foreach (var lang in site.Languages)
        {
            var at = site.Links(lang, "references.html");
            var rows = groups.Select(g =>
                {
                    var refs = g.Select(x => x.R).ToList();
                    var cited = g.GroupBy(x => x.P.Slug, StringComparer.Ordinal)
                        .Select(pg => new CitingLink(Views.Label(pg.First().P), at.Programme(pg.Key, pg.First().R.PassageId), pg.Count()))
                        .ToList();
                    return new ReferenceRow(refs[0].Number!, refs[0].Kind, First(refs.Select(r => r.Date)),
                        MostCommon(refs.Select(r => r.Issuer)), First(refs.Select(r => r.Subject)), cited.Take(PageBudget.ListedProgrammes).ToList(),
                        Math.Max(0, cited.Count - PageBudget.ListedProgrammes), cited.Count);
                })
                .OrderByDescending(r => r.Citing).ThenBy(r => Slugs.From(r.Number), StringComparer.Ordinal)
                .ToList();
            site.WritePage(at, "references", new ReferencesView(rows),
                new PageMeta(lang["references_title"], lang["references_description"], [new Crumb(lang["nav_references"], null)]));
        }
    }

    private static string? First(IEnumerable<string?> values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static string? MostCommon(IEnumerable<string?> values) =>
        values.OfType<string>().GroupBy(v => v, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();
}
