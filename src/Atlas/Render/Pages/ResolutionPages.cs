using System.Globalization;
using Atlas.Model;
using Atlas.Render.Templates;

namespace Atlas.Render.Pages;

/// <summary>A passage (of any programme) that mentions the resolution's number.</summary>
public sealed record Mention(string Programme, string Citation, string Href, HtmlString Text);

/// <param name="MoreMentions">Mentions beyond the <see cref="PageBudget.QuotedMentions"/> quoted: listed by place only (the
/// passage is on its programme page), so a resolution every programme cites stays a readable page.</param>
public sealed record ResolutionView(string Title, string? Number, string Label, string? Date, IReadOnlyList<ProgrammeRow> Programmes, IReadOnlyList<Mention> Mentions)
{
    public IReadOnlyList<LinkView> MoreMentions { get; init; } = [];
}

public sealed record ResolutionIndexView(IReadOnlyList<ResolutionLink> Resolutions);

/// <summary>resolutions/index.html and resolutions/&lt;id&gt;.html: each implemented document, who implements it, where it is cited.</summary>
public sealed class ResolutionPages : ISitePage
{
    public void Write(SiteWriter site)
    {
        // Which passages mention which document: one scan of every passage, not one per resolution and language.
        var mentionsOf = new Dictionary<string, List<(AnalysedProgramme, Passage)>>(StringComparer.Ordinal);
        foreach (var ap in Views.ForReading(site.Model.Programmes))
            foreach (var passage in ap.Programme.Passages)
                foreach (var id in site.Lookup.Linker.Mentions(passage.Text).Distinct(StringComparer.Ordinal))
                {
                    if (!mentionsOf.TryGetValue(id, out var list)) mentionsOf[id] = list = [];
                    list.Add((ap, passage));
                }
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
                var more = new List<LinkView>();
                if (r.Number is not null)
                {
                    var all = mentionsOf.GetValueOrDefault(r.Id) ?? [];
                    foreach (var (ap, passage) in all.Take(PageBudget.QuotedMentions))
                        mentions.Add(new Mention(Views.Label(ap.Programme), passage.Citation, at.Programme(ap.Programme.Slug, passage.Id),
                            site.Lookup.Linker.Link(passage.Text, at)));
                    // The rest, one link per programme (to its first mention) with how many of its passages mention it.
                    foreach (var g in all.Skip(PageBudget.QuotedMentions).GroupBy(x => x.Item1.Programme.Slug, StringComparer.Ordinal))
                    {
                        var (ap, passage) = g.First();
                        more.Add(new LinkView(Views.Label(ap.Programme) + (g.Count() > 1 ? $" ({g.Count()})" : ""), at.Programme(ap.Programme.Slug, passage.Id)));
                    }
                }
                var title = r.Number ?? r.Label;
                var view = new ResolutionView(title, r.Number, r.Label, Dates.Display(r.Date, lang),
                    Views.ForReading(r.Programmes).Select(ap => Views.Row(ap, at)).ToList(), mentions) { MoreMentions = more };
                site.WritePage(at, "resolution", view, new PageMeta(
                    title,
                    string.Format(CultureInfo.InvariantCulture, lang["resolution_description"], title, r.Programmes.Count),
                    [new Crumb(lang["nav_resolutions"], at.Resolutions()), new Crumb(title, null, "vi")]));
            }
        }
    }
}
