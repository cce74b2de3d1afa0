using System.Globalization;
using Atlas.Model;
using Atlas.Render.Templates;

namespace Atlas.Render.Pages;

/// <summary>A passage in a theme column, with where it sits in its programme and why it was included.</summary>
/// <param name="Context">Section number and heading, shown when it changes from the previous passage.</param>
/// <param name="Why">"heading: …" / "keyword: …" explanations from the classifier.</param>
public sealed record ThemePassage(
    string Href,
    string Citation,
    string? Context,
    string? Marker,
    HtmlString Text,
    IReadOnlyList<ThemeReason> Why);

/// <summary>One "why": the reason's label in the interface language and its evidence.</summary>
/// <param name="Quoted">The evidence is the document's own words (a heading or keywords): quoted and marked Vietnamese.</param>
public sealed record ThemeReason(string Label, string Evidence, bool Quoted);

/// <summary>One programme's column: its passages on the theme, in its own order and numbering.</summary>
public sealed record ThemeColumn(string Anchor, string Label, string? Province, string? Date, string ProgrammeHref, IReadOnlyList<ThemePassage> Passages);

/// <param name="FullTextHref">On an English page, the Vietnamese theme page: the English one lists each passage by its
/// place and the reason it is on the theme, without repeating the Vietnamese text.</param>
public sealed record ThemeView(string Name, string? OtherName, string Description, IReadOnlyList<ThemeColumn> Columns, int PassageCount, string MatrixHref,
    IReadOnlyList<LinkView> OtherThemes, string? FullTextHref = null);

public sealed record ThemeIndexView(IReadOnlyList<ThemeEntry> Themes, string MatrixHref);

/// <summary>
/// themes/index.html and themes/&lt;id&gt;.html: for each theme, every programme side by side (one column each, anchored
/// #col-&lt;slug&gt;), its passages on the theme in document order with the classifier's reason beside each.
/// </summary>
public sealed class ThemePages : ISitePage
{
    public static IReadOnlyList<ThemeEntry> Entries(SiteWriter site, PageLinks at) =>
        site.Model.Themes.Select(t =>
        {
            var tagged = site.Model.Programmes
                .Select(ap => ap.Analysis.Themes.Where(x => x.ThemeId == t.Id).Select(x => x.PassageId).Distinct().Count())
                .ToList();
            return new ThemeEntry(t.Id, at.Language.Name(t), t.Description, at.Theme(t.Id), tagged.Sum(), tagged.Count(n => n > 0));
        }).ToList();

    public void Write(SiteWriter site)
    {
        foreach (var lang in site.Languages)
        {
            var index = site.Links(lang, "themes/index.html");
            site.WritePage(index, "themes", new ThemeIndexView(Entries(site, index), index.ThemeMatrix()),
                new PageMeta(lang["themes_title"], lang["themes_description"], [new Crumb(lang["nav_themes"], null)]));

            site.ForEach(site.Model.Themes, theme =>
            {
                var at = site.Links(lang, $"themes/{theme.Id}.html");
                var columns = Views.ForReading(site.Model.Programmes).Select(ap => Column(site, ap, theme, at)).ToList();
                var name = lang.Name(theme);
                var other = lang.IsEnglish ? theme.NameVi : theme.NameEn;
                var view = new ThemeView(
                    name,
                    string.IsNullOrEmpty(other) || other == name ? null : other,
                    theme.Description,
                    columns,
                    columns.Sum(c => c.Passages.Count),
                    at.ThemeMatrix(),
                    site.Model.Themes.Where(t => t.Id != theme.Id).Select(t => new LinkView(lang.Name(t), at.Theme(t.Id))).ToList(),
                    lang.IsEnglish ? at.Shared($"themes/{theme.Id}.html") : null);
                site.WritePage(at, "theme", view, new PageMeta(
                    name,
                    string.Format(CultureInfo.InvariantCulture, lang["theme_description"], name, columns.Count),
                    [new Crumb(lang["nav_themes"], at.Themes()), new Crumb(name, null)]));
            });
        }
    }

    private static ThemeColumn Column(SiteWriter site, AnalysedProgramme ap, Theme theme, PageLinks at)
    {
        var p = ap.Programme;
        var lang = at.Language;
        var sections = new Dictionary<string, Section>(StringComparer.Ordinal);
        void Index(Section s) { sections.TryAdd(s.Id, s); foreach (var c in s.Children) Index(c); }
        foreach (var s in p.Sections) Index(s);

        var passages = new List<ThemePassage>();
        string? lastSection = "\0";
        foreach (var passage in p.Passages)
        {
            var reasons = site.Lookup.ThemesOf(p.Slug, passage.Id).Where(t => t.ThemeId == theme.Id).ToList();
            if (reasons.Count == 0) continue;
            string? context = null;
            if (passage.SectionId != lastSection)
            {
                lastSection = passage.SectionId;
                context = passage.SectionId is not null && sections.TryGetValue(passage.SectionId, out var sec)
                    ? (sec.Citation.Length > 0 ? sec.Citation + " " : "") + sec.Heading
                    : lang["theme_preamble"];
            }
            passages.Add(new ThemePassage(
                at.Programme(p.Slug, passage.Id),
                passage.Citation,
                context,
                passage.Marker,
                lang.IsEnglish ? HtmlString.Empty : site.Lookup.Linker.Link(passage.Text, at),
                reasons.Select(r => Why(r, lang)).Distinct().ToList()));
        }
        return new ThemeColumn("col-" + p.Slug, Views.Label(p), p.Metadata.Province, Dates.Display(p.Metadata.Date, lang), at.Programme(p.Slug), passages);
    }

    private static ThemeReason Why(PassageTheme t, Language lang) => t.Reason switch
    {
        "heading" => new(lang["why_heading"], t.Evidence, Quoted: true),
        "keyword" => new(lang["why_keyword"], t.Evidence, Quoted: true),
        "override" => new(lang["why_override"], t.Evidence, Quoted: false),
        _ => new(t.Reason, t.Evidence, Quoted: false),
    };
}
