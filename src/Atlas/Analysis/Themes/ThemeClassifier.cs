using Atlas.Model;

namespace Atlas.Analysis.Themes;

/// <summary>
/// Tags passages with themes by explainable rules over section headings and passage text, then applies the
/// hand corrections of theme-overrides.yml. All matching is on <see cref="ThemeText.Fold"/>ed text, whole words.
///
/// Rules, in order (each gives at most one <see cref="PassageTheme"/> per passage and theme; the first rule wins):
/// 1. Skip: passages before the first section, and passages under a section whose heading starts with one of
///    the <c>skip_headings</c> ("Tình hình…", "Đánh giá…"), get no rule themes (reviews of the past commit to nothing).
/// 2. Heading (reason "heading", evidence = the heading): a passage inherits the themes of its nearest section
///    heading, itself or an ancestor, that names any theme by its <c>heading_keywords</c>. Only the heading's main
///    clause counts, i.e. the text before a <c>purpose_markers</c> word ("… nhân lực đáp ứng yêu cầu công nghiệp hóa"),
///    unless the main clause names no theme. When the heading names several themes, a passage inherits those its own
///    text names too (one keyword or heading keyword is enough); a passage naming none of them inherits them all.
/// 3. Keyword (reason "keyword", evidence = the keywords found, joined by "; "): the passage's own text names the theme by at least
///    <see cref="MinDistinctKeywords"/> different keywords, or by one keyword in its lead (the first clause, up to
///    the first ';', ':' or '.', at most <see cref="LeadWords"/> words). One keyword in passing is not enough.
///    A keyword inside one of the theme's <c>exclude</c> phrases does not count ("công nghiệp hóa" is not industry),
///    and a keyword inside a longer keyword's match counts once ("công nghiệp chế biến" hides "chế biến").
/// 4. Override (reason "override"): theme-overrides.yml adds or removes themes for a passage or a whole section.
/// Output: passages in document order, themes within a passage in registry order.
/// </summary>
public sealed class ThemeClassifier
{
    public const int MinDistinctKeywords = 2;
    public const int LeadWords = 20;

    private readonly IReadOnlyList<CompiledTheme> themes;
    private readonly IReadOnlyList<string> skipHeadings;
    private readonly IReadOnlyList<string> purposeMarkers;
    private readonly IReadOnlyList<ThemeOverride> overrides;

    public ThemeClassifier(IReadOnlyList<Theme> themes, ThemeOverrides? overrides = null)
    {
        overrides ??= ThemeOverrides.None;
        this.themes = themes.Select(CompiledTheme.Of).ToList();
        skipHeadings = overrides.SkipHeadings.Select(ThemeText.Fold).Where(f => f.Trim().Length > 0).ToList();
        purposeMarkers = overrides.PurposeMarkers.Select(ThemeText.Fold).Where(f => f.Trim().Length > 0).ToList();
        this.overrides = overrides.Overrides;
    }

    /// <summary>The themes a section heading names (rule 2, main clause first), in registry order.</summary>
    public IReadOnlyList<Theme> ThemesOfHeading(string heading) => HeadingThemes(heading).Select(t => t.Theme).ToList();

    public IReadOnlyList<PassageTheme> Classify(Programme programme)
    {
        var tree = SectionTree.Of(programme.Sections);
        var headingCache = new Dictionary<string, IReadOnlyList<CompiledTheme>>(StringComparer.Ordinal);
        var result = new List<PassageTheme>();
        foreach (var passage in programme.Passages)
        {
            var found = new Dictionary<string, PassageTheme>(StringComparer.Ordinal);
            var chain = tree.Chain(passage.SectionId);
            if (chain.Count > 0 && !chain.Any(IsSkipped))
            {
                var folded = ThemeText.Fold(passage.Text);
                AddHeadingThemes(passage, folded, chain, headingCache, found);
                AddKeywordThemes(passage, folded, found);
            }
            ApplyOverrides(programme.Slug, passage, tree, found);
            foreach (var theme in themes)
                if (found.TryGetValue(theme.Theme.Id, out var hit)) result.Add(hit);
        }
        return result;
    }

    private bool IsSkipped(Section section)
    {
        var folded = ThemeText.Fold(section.Heading);
        return skipHeadings.Any(s => folded.StartsWith(s, StringComparison.Ordinal));
    }

    private void AddHeadingThemes(Passage passage, string folded, IReadOnlyList<Section> chain,
        Dictionary<string, IReadOnlyList<CompiledTheme>> cache, Dictionary<string, PassageTheme> found)
    {
        foreach (var section in chain)
        {
            if (!cache.TryGetValue(section.Id, out var named)) cache[section.Id] = named = HeadingThemes(section.Heading);
            if (named.Count == 0) continue;
            var inherited = named;
            if (named.Count > 1)
            {
                var ownText = named.Where(t => Matches(folded, t.AllPhrases, t.Excludes).Count > 0).ToList();
                if (ownText.Count > 0) inherited = ownText;
            }
            foreach (var theme in inherited)
                found.TryAdd(theme.Theme.Id, new PassageTheme(passage.Id, theme.Theme.Id, "heading", section.Heading));
            return;
        }
    }

    private void AddKeywordThemes(Passage passage, string folded, Dictionary<string, PassageTheme> found)
    {
        var leadEnd = LeadLength(passage.Text);
        foreach (var theme in themes)
        {
            if (found.ContainsKey(theme.Theme.Id)) continue;
            var hits = Matches(folded, theme.Keywords, theme.Excludes);
            if (hits.Count == 0) continue;
            var distinct = hits.Select(h => h.Phrase.Original).Distinct(StringComparer.Ordinal).ToList();
            if (distinct.Count >= MinDistinctKeywords || hits.Any(h => h.End <= leadEnd))
                found[theme.Theme.Id] = new PassageTheme(passage.Id, theme.Theme.Id, "keyword", string.Join("; ", distinct));
        }
    }

    private void ApplyOverrides(string slug, Passage passage, SectionTree tree, Dictionary<string, PassageTheme> found)
    {
        foreach (var o in overrides)
        {
            if (o.Programme != slug) continue;
            var applies = o.PassageId is not null
                ? o.PassageId == passage.Id
                : tree.Chain(passage.SectionId).Any(s => s.Id == o.SectionId);
            if (!applies) continue;
            foreach (var id in o.Remove) found.Remove(id);
            foreach (var id in o.Add)
                found[id] = new PassageTheme(passage.Id, id, "override", string.IsNullOrWhiteSpace(o.Note) ? o.Origin : o.Note);
        }
    }

    private IReadOnlyList<CompiledTheme> HeadingThemes(string heading)
    {
        var folded = ThemeText.Fold(heading);
        var cut = purposeMarkers
            .SelectMany(m => ThemeText.Occurrences(folded, m))
            .Where(at => at > 0)
            .DefaultIfEmpty(folded.Length - 1)
            .Min();
        var main = folded[..(cut + 1)];
        var named = themes.Where(t => Matches(main, t.HeadingKeywords, t.Excludes).Count > 0).ToList();
        if (named.Count == 0 && main.Length < folded.Length)
            named = themes.Where(t => Matches(folded, t.HeadingKeywords, t.Excludes).Count > 0).ToList();
        return named;
    }

    /// <summary>Length, in folded characters, of the passage's lead: its first clause, at most <see cref="LeadWords"/> words.</summary>
    private static int LeadLength(string text)
    {
        var end = text.Length;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is ';' or ':' or '.' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
            {
                end = i;
                break;
            }
        }
        var lead = ThemeText.Fold(text[..end]);
        var words = 0;
        for (var i = 1; i < lead.Length; i++)
            if (lead[i] == ' ' && ++words == LeadWords) return i + 1;
        return lead.Length;
    }

    /// <summary>Whole-word matches, outside exclusions, longest first without overlaps, in text order.</summary>
    private static IReadOnlyList<Match> Matches(string folded, IReadOnlyList<Phrase> phrases, IReadOnlyList<string> excludes)
    {
        var excluded = excludes
            .SelectMany(x => ThemeText.Occurrences(folded, x).Select(at => (Start: at, End: at + x.Length)))
            .ToList();
        var candidates = phrases
            .SelectMany(p => ThemeText.Occurrences(folded, p.Folded).Select(at => new Match(p, at, at + p.Folded.Length)))
            .Where(m => !excluded.Any(x => m.Start >= x.Start && m.End <= x.End))
            .OrderByDescending(m => m.End - m.Start).ThenBy(m => m.Start);
        var accepted = new List<Match>();
        foreach (var m in candidates)
            // Matches share their padding spaces with neighbours: compare the words only (start+1 .. end-1).
            if (!accepted.Any(a => m.Start + 1 < a.End - 1 && a.Start + 1 < m.End - 1)) accepted.Add(m);
        return accepted.OrderBy(m => m.Start).ToList();
    }

    private sealed record Phrase(string Original, string Folded);

    private sealed record Match(Phrase Phrase, int Start, int End);

    private sealed record CompiledTheme(Theme Theme, IReadOnlyList<Phrase> Keywords, IReadOnlyList<Phrase> HeadingKeywords,
        IReadOnlyList<Phrase> AllPhrases, IReadOnlyList<string> Excludes)
    {
        public static CompiledTheme Of(Theme theme)
        {
            static IReadOnlyList<Phrase> Compile(IEnumerable<string> list) =>
                list.Select(k => new Phrase(k, ThemeText.Fold(k))).Where(p => p.Folded.Trim().Length > 0).ToList();
            var keywords = Compile(theme.Keywords);
            var headingKeywords = Compile(theme.HeadingKeywords);
            return new CompiledTheme(theme, keywords, headingKeywords, keywords.Concat(headingKeywords).ToList(),
                theme.Excludes.Select(ThemeText.Fold).Where(f => f.Trim().Length > 0).ToList());
        }
    }

    /// <summary>Parent links of a programme's section tree, to walk from a passage's section up to the root.</summary>
    private sealed class SectionTree
    {
        private readonly Dictionary<string, (Section Section, string? Parent)> byId = new(StringComparer.Ordinal);

        public static SectionTree Of(IReadOnlyList<Section> roots)
        {
            var tree = new SectionTree();
            var stack = new Stack<(Section, string?)>(roots.Reverse().Select(r => (r, (string?)null)));
            while (stack.Count > 0)
            {
                var (section, parent) = stack.Pop();
                tree.byId.TryAdd(section.Id, (section, parent));
                foreach (var child in section.Children.Reverse()) stack.Push((child, section.Id));
            }
            return tree;
        }

        /// <summary>The section and its ancestors, innermost first; empty for the preamble or an unknown id.</summary>
        public IReadOnlyList<Section> Chain(string? sectionId)
        {
            var chain = new List<Section>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (sectionId is not null && seen.Add(sectionId) && byId.TryGetValue(sectionId, out var entry))
            {
                chain.Add(entry.Section);
                sectionId = entry.Parent;
            }
            return chain;
        }
    }
}
