using System.Globalization;
using Atlas.Render.Templates;

namespace Atlas.Render.Pages;

/// <summary>A passage (of any programme) that mentions the resolution's number.</summary>
public sealed record Mention(string Programme, string Citation, string Href, HtmlString Text);

public sealed record ResolutionView(string Title, string? Number, string Label, string? Date, IReadOnlyList<ProgrammeRow> Programmes, IReadOnlyList<Mention> Mentions);

public sealed record ResolutionIndexView(IReadOnlyList<ResolutionLink> Resolutions);

/// <summary>resolutions/index.html and resolutions/&lt;id&gt;.html: each implemented document, who implements it, where it is cited.</summary>
public sealed class ResolutionPages : ISitePage
{
    public void Write(SiteWriter site)
    {
        foreach (var lang in site.Languages)
        {
            var index = site.Links(lang, "resolutions/index.html");
            var entries = site.Lookup.Resolutions
                .Select(r => new ResolutionLink(r.Number ?? r.Label, r.Number is null ? null : r.Label, index.Resolution(r.Id), r.Programmes.Count)).ToList();
            site.WritePage(index, "resolutions", new ResolutionIndexView(entries),
                new PageMeta(lang["resolutions_title"], lang["resolutions_description"], [new Crumb(lang["nav_resolutions"], null)]));

            foreach (var r in site.Lookup.Resolutions)
            {
                var at = site.Links(lang, $"resolutions/{r.Id}.html");
                var mentions = new List<Mention>();
                if (r.Number is not null)
                {
                    foreach (var ap in Views.ForReading(site.Model.Programmes))
                        foreach (var passage in ap.Programme.Passages)
                            if (site.Lookup.Linker.Mentions(passage.Text).Contains(r.Id))
                                mentions.Add(new Mention(Views.Label(ap.Programme), passage.Citation, at.Programme(ap.Programme.Slug, passage.Id),
                                    site.Lookup.Linker.Link(passage.Text, at)));
                }
                var title = r.Number ?? r.Label;
                var view = new ResolutionView(title, r.Number, r.Label, Dates.Display(r.Date, lang),
                    Views.ForReading(r.Programmes).Select(ap => Views.Row(ap, at)).ToList(), mentions);
                site.WritePage(at, "resolution", view, new PageMeta(
                    title,
                    string.Format(CultureInfo.InvariantCulture, lang["resolution_description"], title, r.Programmes.Count),
                    [new Crumb(lang["nav_resolutions"], at.Resolutions()), new Crumb(title, null, "vi")]));
            }
        }
    }
}
