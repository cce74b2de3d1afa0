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
            var forReading = Views.ForReading(site.Model.Programmes).ToList();
            site.ForEach(site.Model.Themes, theme =>
            {
                var at = site.Links(lang, $"themes/{theme.Id}.html");
                var name = lang.Name(theme);
                var other = lang.IsEnglish ? theme.NameVi : theme.NameEn;
                var view = new ThemeView(
                    name,
                    string.IsNullOrEmpty(other) || other == name ? null : other,
                    theme.Description,
                    [],
                    0,
                    at.ThemeMatrix(),
                    site.Model.Themes.Where(t => t.Id != theme.Id).Select(t => new LinkView(lang.Name(t), at.Theme(t.Id))).ToList(),
                    lang.IsEnglish ? at.Shared($"themes/{theme.Id}.html") : null)
                {
                    Id = theme.Id,
                };
                if (summarise) view = Summary(site, view, forReading, themesOf, theme, at);
                else
                {
                    var columns = forReading.Select(ap => Column(site, themesOf[ap.Programme], theme, at)).ToList();
                    view = view with
                    {
                        Columns = columns,
                        PassageCount = columns.Sum(c => c.Passages.Count),
                        ProgrammesWithPassages = columns.Count(c => c.Passages.Count > 0),
                    };
                }
                site.WritePage(at, "theme", view, new PageMeta(
                    name,
                    string.Format(CultureInfo.InvariantCulture, lang["theme_description"], name, forReading.Count),
                    [new Crumb(lang["nav_themes"], at.Themes()), new Crumb(name, null)]));
            });
        }
    }

    /// <summary>
    /// A summarised theme page (more programmes than fit side by side): one row per programme with passages on the theme,
    /// and the featured passages. Made from each programme's passages on the theme directly: a row links only its first
    /// places and a page prints only its featured passages, so no column of every passage (each with its link) is made.
    /// </summary>
    private static ThemeView Summary(SiteWriter site, ThemeView view, IReadOnlyList<AnalysedProgramme> forReading,
        IReadOnlyDictionary<object, ProgrammeThemes> themesOf, Theme theme, PageLinks at)
    {
        var lang = at.Language;
        var rows = new List<ThemeRow>();
        var best = new List<(int Order, double Shared, bool Heading, AnalysedProgramme Programme, Passage Passage)>();
        var passageCount = 0;
        for (var i = 0; i < forReading.Count; i++)
        {
            var ap = forReading[i];
            if (themesOf[ap.Programme].Summary(theme.Id) is not { } summary) continue;
            passageCount += summary.Count;
            var p = ap.Programme;
            // The row: each place ("III.2") once, linked to its first passage; the first few places shown, the rest counted.
            var links = new List<LinkView>(Math.Min(summary.Places.Count, PageBudget.RowLinks));
            foreach (var (place, passageId) in summary.Places)
            {
                if (links.Count == PageBudget.RowLinks) break;
                links.Add(new LinkView(place.Length > 0 ? place : lang["theme_preamble"], at.Programme(p.Slug, passageId)));
            }
            rows.Add(new ThemeRow("col-" + p.Slug, Views.Label(p), p.Metadata.Province, Dates.Display(p.Metadata.Date, lang), at.Programme(p.Slug),
                summary.Count, links, Math.Max(0, summary.Places.Count - PageBudget.RowLinks)));
            best.Add((i, summary.TopShared, summary.TopHeading, ap, summary.Top));
        }
        return view with
        {
            Rows = rows,
            PassageCount = passageCount,
            ProgrammesWithPassages = rows.Count,
            Featured = Featured(site, best, themesOf, theme, at),
        };
    }

    /// <summary>
    /// The passages a summarised page prints in full: each programme's most distinctive passage on the theme (classified by
    /// its heading before by a keyword, then the least wording shared with other programmes), the most distinctive of those
    /// from different provinces, shown in reading order. Shared wording (copied from the central resolution) would show the
    /// same sentence ten times; the reader wants to see how provinces differ.
    /// </summary>
    private static IReadOnlyList<ThemeFeature> Featured(SiteWriter site,
        IReadOnlyList<(int Order, double Shared, bool Heading, AnalysedProgramme Programme, Passage Passage)> best,
        IReadOnlyDictionary<object, ProgrammeThemes> themesOf, Theme theme, PageLinks at) =>
        best.OrderBy(b => b.Heading ? 0 : 1).ThenBy(b => b.Shared).ThenBy(b => b.Order)
            .DistinctBy(b => b.Programme.Programme.Metadata.Province ?? "col-" + b.Programme.Programme.Slug, StringComparer.Ordinal)
            .Take(PageBudget.FeaturedPassages)
            .OrderBy(b => b.Order)
            .Select(b => new ThemeFeature(Views.Label(b.Programme.Programme), at.Programme(b.Programme.Programme.Slug),
                Featured(site, themesOf[b.Programme.Programme], theme, b.Passage, b.Heading, at)))
            .ToList();

    /// <summary>A featured passage with its text (the Vietnamese page) and why it is on the theme.</summary>
    private static ThemePassage Featured(SiteWriter site, ProgrammeThemes themes, Theme theme, Passage passage, bool byHeading, PageLinks at)
    {
        var (_, reasons) = themes.ByTheme[theme.Id].First(x => x.Passage.Id == passage.Id);
        return new ThemePassage(
            at.Programme(themes.Programme.Slug, passage.Id),
            passage.Citation,
            null,
            passage.Marker,
            at.Language.IsEnglish ? HtmlString.Empty : site.Lookup.Linker.Link(passage.Text, at),
            Reasons(reasons, at.Language))
        {
            Id = passage.Id,
            ByHeading = byHeading,
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
            analysis = ap.Analysis;
            void Index(Section s) { Sections.TryAdd(s.Id, s); foreach (var c in s.Children) Index(c); }
            foreach (var s in ap.Programme.Sections) Index(s);
            foreach (var passage in ap.Programme.Passages)
                foreach (var reasons in site.Lookup.ThemesOf(ap.Programme.Slug, passage.Id).GroupBy(t => t.ThemeId, StringComparer.Ordinal))
                {
                    if (!ByTheme.TryGetValue(reasons.Key, out var list)) ByTheme[reasons.Key] = list = [];
                    list.Add((passage, reasons.ToList()));
                }
        }

        private readonly ProgrammeAnalysis analysis;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ThemeSummary?> summaries = new(StringComparer.Ordinal);

        public Programme Programme { get; }
        public Dictionary<string, Section> Sections { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, List<(Passage Passage, List<PassageTheme> Reasons)>> ByTheme { get; } = new(StringComparer.Ordinal);

        /// <summary>What a summarised theme page shows of this programme, the same in every language: made once for both.
        /// Null when no passage is on the theme.</summary>
        public ThemeSummary? Summary(string themeId) => summaries.GetOrAdd(themeId, static (id, self) => self.Summarise(id), this);

        private ThemeSummary? Summarise(string themeId)
        {
            var onTheme = ByTheme.GetValueOrDefault(themeId);
            if (onTheme is null || onTheme.Count == 0) return null;
            // Each place (its section path, "" for the preamble) once, with its first passage.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var places = new List<(string Place, string PassageId)>();
            foreach (var (passage, _) in onTheme)
            {
                var place = passage.Citation;
                if (seen.Add(place)) places.Add((place, passage.Id));
            }
            // Its most distinctive passage on the theme: by its heading before by a keyword, then the least shared wording,
            // then the first (see Featured).
            (int Index, double Shared, bool Heading)? top = null;
            for (var k = 0; k < onTheme.Count; k++)
            {
                var heading = onTheme[k].Reasons.Any(r => r.Reason == "heading");
                var shared = analysis.SharedShare.GetValueOrDefault(onTheme[k].Passage.Id);
                if (top is not { } t || (heading ? 0 : 1) < (t.Heading ? 0 : 1) || (heading == t.Heading && shared < t.Shared))
                    top = (k, shared, heading);
            }
            var chosen = top!.Value;
            return new ThemeSummary(onTheme.Count, places, onTheme[chosen.Index].Passage, chosen.Shared, chosen.Heading);
        }
    }

    /// <summary>A programme's passages on one theme as a summarised page lists them: how many, each place once with its
    /// first passage, and the passage it would feature.</summary>
    private sealed record ThemeSummary(int Count, IReadOnlyList<(string Place, string PassageId)> Places, Passage Top, double TopShared, bool TopHeading);

    private static ThemeColumn Column(SiteWriter site, ProgrammeThemes themes, Theme theme, PageLinks at)
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
                lang.IsEnglish ? HtmlString.Empty : site.Lookup.Linker.Link(passage.Text, at),
                Reasons(reasons, lang))
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
