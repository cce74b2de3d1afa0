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
    IReadOnlyList<ThemeReason> Why)
{
    /// <summary>The passage's id in its programme.</summary>
    public string Id { get; init; } = "";

    /// <summary>Classified by its section heading (not only a keyword): the stronger evidence the passage is on the theme.</summary>
    public bool ByHeading { get; init; }
}

/// <summary>One "why": the reason's label in the interface language and its evidence.</summary>
/// <param name="Quoted">The evidence is the document's own words (a heading or keywords): quoted and marked Vietnamese.</param>
public sealed record ThemeReason(string Label, string Evidence, bool Quoted);

/// <summary>One programme's column: its passages on the theme, in its own order and numbering.</summary>
public sealed record ThemeColumn(string Anchor, string Label, string? Province, string? Date, string ProgrammeHref, IReadOnlyList<ThemePassage> Passages);

/// <param name="FullTextHref">On an English page, the Vietnamese theme page: the English one lists each passage by its
/// place and the reason it is on the theme, without repeating the Vietnamese text.</param>
public sealed record ThemeView(string Name, string? OtherName, string Description, IReadOnlyList<ThemeColumn> Columns, int PassageCount, string MatrixHref,
    IReadOnlyList<LinkView> OtherThemes, string? FullTextHref = null)
{
    /// <summary>
    /// Set when the atlas holds more programmes than fit side by side (<see cref="PageBudget.FullColumns"/>): one row per
    /// programme instead of one column, with its count and links to its passages; <see cref="Columns"/> is then empty.
    /// </summary>
    public IReadOnlyList<ThemeRow>? Rows { get; init; }

    /// <summary>The theme's id, the value of the search page's theme filter.</summary>
    public string Id { get; init; } = "";

    /// <summary>On a summarised page: the passages printed in full, the most distinctive wording of different provinces.</summary>
    public IReadOnlyList<ThemeFeature> Featured { get; init; } = [];

    /// <summary>Programmes with at least one passage on the theme (a summarised page lists only those).</summary>
    public int ProgrammesWithPassages { get; init; }
}

/// <summary>One programme on a summarised theme page, anchored like its column would be (#col-&lt;slug&gt;).</summary>
/// <param name="Passages">Its first passages on the theme, each by its place ("III.2"); <see cref="More"/> counts the rest.</param>
public sealed record ThemeRow(string Anchor, string Label, string? Province, string? Date, string ProgrammeHref, int Count,
    IReadOnlyList<LinkView> Passages, int More);

/// <summary>A passage printed in full on a summarised theme page, with the programme it comes from.</summary>
public sealed record ThemeFeature(string Programme, string ProgrammeHref, ThemePassage Passage);

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
            var tagged = site.Model.Programmes.Select(ap => site.Lookup.PassagesOn(ap.Programme.Slug, t.Id)).ToList();
            return new ThemeEntry(t.Id, at.Language.Name(t), t.Description, at.Theme(t.Id), tagged.Sum(), tagged.Count(n => n > 0));
        }).ToList();

    public void Write(SiteWriter site)
    {
        // Keyed by reference: a Programme is a record, and hashing one by value walks all its passages.
        var themesOf = new Dictionary<object, ProgrammeThemes>(ReferenceEqualityComparer.Instance);
        foreach (var ap in site.Model.Programmes) themesOf[ap.Programme] = new ProgrammeThemes(site, ap);
        foreach (var lang in site.Languages)
        {
            var index = site.Links(lang, "themes/index.html");
            site.WritePage(index, "themes", new ThemeIndexView(Entries(site, index), index.ThemeMatrix()),
                new PageMeta(lang["themes_title"], lang["themes_description"], [new Crumb(lang["nav_themes"], null)]));

            var summarise = site.Model.Programmes.Count > PageBudget.FullColumns;
            site.ForEach(site.Model.Themes, theme =>
            {
                var at = site.Links(lang, $"themes/{theme.Id}.html");
                // A summarised page prints the text of its featured passages only (filled in by Featured).
                var columns = Views.ForReading(site.Model.Programmes).Select(ap => Column(site, themesOf[ap.Programme], theme, at, withText: !summarise)).ToList();
                var name = lang.Name(theme);
                var other = lang.IsEnglish ? theme.NameVi : theme.NameEn;
                var view = new ThemeView(
                    name,
                    string.IsNullOrEmpty(other) || other == name ? null : other,
                    theme.Description,
                    summarise ? [] : columns,
                    columns.Sum(c => c.Passages.Count),
                    at.ThemeMatrix(),
                    site.Model.Themes.Where(t => t.Id != theme.Id).Select(t => new LinkView(lang.Name(t), at.Theme(t.Id))).ToList(),
                    lang.IsEnglish ? at.Shared($"themes/{theme.Id}.html") : null)
                {
                    Id = theme.Id,
                    Rows = summarise ? columns.Where(c => c.Passages.Count > 0).Select(c => Row(c, lang)).ToList() : null,
                    Featured = summarise ? Featured(site, columns, at, themesOf, theme) : [],
                    ProgrammesWithPassages = columns.Count(c => c.Passages.Count > 0),
                };
                site.WritePage(at, "theme", view, new PageMeta(
                    name,
                    string.Format(CultureInfo.InvariantCulture, lang["theme_description"], name, columns.Count),
                    [new Crumb(lang["nav_themes"], at.Themes()), new Crumb(name, null)]));
            });
        }
    }

    /// <summary>A column folded into a row: the count and the first passages by their place, one link per place.</summary>
    private static ThemeRow Row(ThemeColumn c, Language lang)
    {
        var places = c.Passages
            .Select(p => new LinkView(p.Citation.Length > 0 ? p.Citation : lang["theme_preamble"], p.Href))
            .DistinctBy(l => l.Label, StringComparer.Ordinal)
            .ToList();
        return new ThemeRow(c.Anchor, c.Label, c.Province, c.Date, c.ProgrammeHref, c.Passages.Count,
            places.Take(PageBudget.RowLinks).ToList(), Math.Max(0, places.Count - PageBudget.RowLinks));
    }

    /// <summary>
    /// The passages a summarised page prints in full: each programme's most distinctive passage on the theme (classified by
    /// its heading before by a keyword, then the least wording shared with other programmes), the most distinctive of those
    /// from different provinces, shown in reading order. Shared wording (copied from the central resolution) would show the
    /// same sentence ten times; the reader wants to see how provinces differ.
    /// </summary>
    private static IReadOnlyList<ThemeFeature> Featured(SiteWriter site, IReadOnlyList<ThemeColumn> columns, PageLinks at,
        IReadOnlyDictionary<object, ProgrammeThemes> themesOf, Theme theme)
    {
        var programmes = Views.ForReading(site.Model.Programmes).ToList();
        var best = new List<(int Order, double Shared, bool Heading, ThemeColumn Column, ThemePassage Passage)>();
        for (int i = 0; i < columns.Count; i++)
        {
            var ap = programmes[i];
            var candidate = columns[i].Passages
                .Select((p, k) => (Index: k, P: p, Shared: ap.Analysis.SharedShare.GetValueOrDefault(p.Id), Heading: p.ByHeading))
                .OrderBy(x => x.Heading ? 0 : 1).ThenBy(x => x.Shared).ThenBy(x => x.Index)
                .FirstOrDefault();
            if (candidate.P is not null) best.Add((i, candidate.Shared, candidate.Heading, columns[i], candidate.P));
        }
        return best.OrderBy(b => b.Heading ? 0 : 1).ThenBy(b => b.Shared).ThenBy(b => b.Order)
            .DistinctBy(b => b.Column.Province ?? b.Column.Anchor, StringComparer.Ordinal)
            .Take(PageBudget.FeaturedPassages)
            .OrderBy(b => b.Order)
            // Only a summarised page has featured passages, and its columns were made without their text and reasons.
            .Select(b => new ThemeFeature(b.Column.Label, b.Column.ProgrammeHref, Complete(site, themesOf[programmes[b.Order].Programme], theme, b.Passage, at)))
            .ToList();
    }

    /// <summary>Stands for the text of a passage a summarised page does not print (never written to a page).</summary>
    private static readonly HtmlString Unwritten = new("");

    /// <summary>A passage of a column made without its text and reasons, with them (as a full column has them).</summary>
    private static ThemePassage Complete(SiteWriter site, ProgrammeThemes themes, Theme theme, ThemePassage shown, PageLinks at)
    {
        var (passage, reasons) = themes.ByTheme[theme.Id].First(x => x.Passage.Id == shown.Id);
        return shown with
        {
            Text = at.Language.IsEnglish ? HtmlString.Empty : site.Lookup.Linker.Link(passage.Text, at),
            Why = Reasons(reasons, at.Language),
        };
    }

    private static IReadOnlyList<ThemeReason> Reasons(IEnumerable<PassageTheme> reasons, Language lang) =>
        reasons.Select(r => Why(r, lang)).Distinct().ToList();

    /// <summary>
    /// One programme's sections by id and its passages on each theme, with why (in document order): read by every theme page
    /// in both languages, so made once per render rather than for each theme page, each language and each passage.
    /// </summary>
    private sealed class ProgrammeThemes
    {
        public ProgrammeThemes(SiteWriter site, AnalysedProgramme ap)
        {
            Programme = ap.Programme;
            void Index(Section s) { Sections.TryAdd(s.Id, s); foreach (var c in s.Children) Index(c); }
            foreach (var s in ap.Programme.Sections) Index(s);
            foreach (var passage in ap.Programme.Passages)
                foreach (var reasons in site.Lookup.ThemesOf(ap.Programme.Slug, passage.Id).GroupBy(t => t.ThemeId, StringComparer.Ordinal))
                {
                    if (!ByTheme.TryGetValue(reasons.Key, out var list)) ByTheme[reasons.Key] = list = [];
                    list.Add((passage, reasons.ToList()));
                }
        }

        public Programme Programme { get; }
        public Dictionary<string, Section> Sections { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, List<(Passage Passage, List<PassageTheme> Reasons)>> ByTheme { get; } = new(StringComparer.Ordinal);
    }

    private static ThemeColumn Column(SiteWriter site, ProgrammeThemes themes, Theme theme, PageLinks at, bool withText)
    {
        var p = themes.Programme;
        var lang = at.Language;
        var sections = themes.Sections;

        var passages = new List<ThemePassage>();
        string? lastSection = "\0";
        foreach (var (passage, reasons) in themes.ByTheme.GetValueOrDefault(theme.Id) ?? [])
        {
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
                !withText ? Unwritten : lang.IsEnglish ? HtmlString.Empty : site.Lookup.Linker.Link(passage.Text, at),
                withText ? Reasons(reasons, lang) : [])
            {
                Id = passage.Id,
                ByHeading = reasons.Any(r => r.Reason == "heading"),
            });
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
