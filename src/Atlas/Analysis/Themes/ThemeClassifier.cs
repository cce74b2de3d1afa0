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

    private readonly PhraseIndex index = new();
    private readonly IReadOnlyList<CompiledTheme> themes;
    private readonly IReadOnlyList<string[]> skipHeadings;
    private readonly HashSet<int> purposeMarkers;
    private readonly IReadOnlyList<ThemeOverride> overrides;
    /// <summary>By phrase id: the indexes of the themes it is a keyword of. A passage's matches then name the themes to
    /// look at in one pass, instead of each theme looking through the matches (most passages name few themes).</summary>
    private readonly int[][] keywordOf;
    /// <summary>A passage's phrase matches by its text: programmes copy whole passages from the resolutions they implement and
    /// from each other, and a text copied word for word has the same matches wherever it stands. Filled as programmes are
    /// classified (thread-safe); the matches are a pure function of the text, so the output does not depend on the order.</summary>
    private readonly TextMemo<PhraseMatch[]> matchesByText = new();

    public ThemeClassifier(IReadOnlyList<Theme> themes, ThemeOverrides? overrides = null)
    {
        overrides ??= ThemeOverrides.None;
        var drafts = themes.Select(t => CompiledTheme.Draft.Of(t, index)).ToList();
        skipHeadings = overrides.SkipHeadings.Select(ThemeText.Words).Where(w => w.Length > 0).ToList();
        purposeMarkers = overrides.PurposeMarkers.Select(index.Add).Where(id => id >= 0).ToHashSet();
        this.themes = drafts.Select(d => d.Compile(index.Count)).ToList(); // every phrase is indexed by now
        this.overrides = overrides.Overrides;
        var keywordThemes = new List<int>[index.Count];
        for (int t = 0; t < this.themes.Count; t++)
            foreach (var phrase in drafts[t].Keywords) (keywordThemes[phrase] ??= []).Add(t);
        keywordOf = keywordThemes.Select(list => list?.ToArray() ?? []).ToArray();
    }

    /// <summary>The themes a section heading names (rule 2, main clause first), in registry order.</summary>
    public IReadOnlyList<Theme> ThemesOfHeading(string heading) => HeadingThemes(heading).Select(t => t.Theme).ToList();

    public IReadOnlyList<PassageTheme> Classify(Programme programme)
    {
        var tree = SectionTree.Of(programme.Sections);
        var headingCache = new Dictionary<string, IReadOnlyList<CompiledTheme>>(StringComparer.Ordinal);
        var skipCache = new Dictionary<string, bool>(StringComparer.Ordinal); // per section: headings are read once, not once per passage
        // Per section id: its chain of sections and whether the rules skip it (passages of a section share both).
        var chainCache = new Dictionary<string, (IReadOnlyList<Section> Chain, bool Classified)>(StringComparer.Ordinal);
        var reader = new PhraseIndex.WordReader();
        var scratch = new Scratch();
        var own = overrides.Where(o => o.Programme == programme.Slug).ToList();
        var result = new List<PassageTheme>();
        var found = new Dictionary<string, PassageTheme>(StringComparer.Ordinal);
        foreach (var passage in programme.Passages)
        {
            found.Clear();
            IReadOnlyList<Section> chain = [];
            bool classified = false;
            if (passage.SectionId is { } sectionId)
            {
                if (!chainCache.TryGetValue(sectionId, out var entry))
                {
                    var c = tree.Chain(sectionId);
                    chainCache[sectionId] = entry = (c, c.Count > 0 && !c.Any(s => skipCache.TryGetValue(s.Id, out var skip) ? skip : skipCache[s.Id] = IsSkipped(s)));
                }
                (chain, classified) = entry;
            }
            if (classified)
            {
                var matches = Matches(passage.Text, reader);
                AddHeadingThemes(passage, matches, chain, headingCache, found);
                AddKeywordThemes(passage, matches, found, scratch);
            }
            if (own.Count > 0) ApplyOverrides(own, passage, tree, found);
            if (found.Count == 0) continue;
            foreach (var theme in themes)
                if (found.TryGetValue(theme.Theme.Id, out var hit)) result.Add(hit);
        }
        return result;
    }

    private PhraseMatch[] Matches(string text, PhraseIndex.WordReader reader)
    {
        if (matchesByText.TryGet(text, out var known)) return known;
        var found = index.Find(text, reader);
        var matches = found.Count == 0 ? [] : found.ToArray();
        matchesByText.Remember(text, matches);
        return matches;
    }

    private bool IsSkipped(Section section)
    {
        var words = ThemeText.Words(section.Heading);
        foreach (var skip in skipHeadings) // once per section of every programme: plain loops
            if (skip.Length <= words.Length && skip.AsSpan().SequenceEqual(words.AsSpan(0, skip.Length))) return true;
        return false;
    }

    private void AddHeadingThemes(Passage passage, PhraseMatch[] matches, IReadOnlyList<Section> chain,
        Dictionary<string, IReadOnlyList<CompiledTheme>> cache, Dictionary<string, PassageTheme> found)
    {
        foreach (var section in chain)
        {
            if (!cache.TryGetValue(section.Id, out var named)) cache[section.Id] = named = HeadingThemes(section.Heading);
            if (named.Count == 0) continue;
            var inherited = named;
            if (named.Count > 1)
            {
                var ownText = named.Where(t => AnyMatch(matches, t.AllPhrases, t.Excludes)).ToList();
                if (ownText.Count > 0) inherited = ownText;
            }
            foreach (var theme in inherited)
                found.TryAdd(theme.Theme.Id, new PassageTheme(passage.Id, theme.Theme.Id, "heading", section.Heading));
            return;
        }
    }

    private void AddKeywordThemes(Passage passage, PhraseMatch[] matches, Dictionary<string, PassageTheme> found, Scratch scratch)
    {
        int lead = -1; // computed once, only for a passage that names a theme
        Span<bool> named = themes.Count <= 256 ? stackalloc bool[themes.Count] : new bool[themes.Count];
        bool any = false;
        for (int i = 0; i < matches.Length; i++)
            foreach (var t in keywordOf[matches[i].Phrase]) any = named[t] = true;
        if (!any) return;
        for (int t = 0; t < themes.Count; t++)
        {
            var theme = themes[t];
            if (!named[t] || found.ContainsKey(theme.Theme.Id)) continue; // the selection only for themes a keyword names
            var hits = Select(matches, theme.Keywords, theme.Excludes, scratch);
            if (hits.Count == 0) continue;
            var distinct = scratch.Spellings; // in order of first use, as Distinct keeps them
            distinct.Clear();
            foreach (var h in hits)
            {
                var spelling = theme.Spelling[h.Phrase];
                if (!distinct.Contains(spelling)) distinct.Add(spelling);
            }
            if (distinct.Count < MinDistinctKeywords && lead < 0) lead = LeadLength(passage.Text);
            if (distinct.Count >= MinDistinctKeywords || InLead(hits, lead))
                found[theme.Theme.Id] = new PassageTheme(passage.Id, theme.Theme.Id, "keyword", string.Join("; ", distinct));
        }
    }

    private static void ApplyOverrides(IReadOnlyList<ThemeOverride> overrides, Passage passage, SectionTree tree, Dictionary<string, PassageTheme> found)
    {
        foreach (var o in overrides)
        {
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
        var matches = index.Find(ThemeText.Words(heading)).ToArray();
        var cut = matches.Where(m => m.Start > 0 && purposeMarkers.Contains(m.Phrase)).Select(m => m.Start).DefaultIfEmpty(int.MaxValue).Min();
        var main = matches.Where(m => m.End <= cut).ToArray();
        var named = themes.Where(t => AnyMatch(main, t.HeadingKeywords, t.Excludes)).ToList();
        if (named.Count == 0 && main.Length < matches.Length)
            named = themes.Where(t => AnyMatch(matches, t.HeadingKeywords, t.Excludes)).ToList();
        return named;
    }

    /// <summary>Number of words of the passage's lead: its first clause, at most <see cref="LeadWords"/> words.</summary>
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
        return Math.Min(ThemeText.CountWords(text.AsSpan(0, end)), LeadWords);
    }

    private static bool InLead(List<PhraseMatch> hits, int lead)
    {
        foreach (var h in hits) if (h.End <= lead) return true;
        return false;
    }

    /// <summary>Whether <see cref="Select"/> would accept anything: a wanted match outside exclusions (the longest candidate
    /// is always accepted), without selecting.</summary>
    private static bool AnyMatch(PhraseMatch[] matches, PhraseSet wanted, PhraseSet excludes)
    {
        for (int i = 0; i < matches.Length; i++)
            if (wanted.Contains(matches[i].Phrase) && !IsExcluded(matches[i], matches, excludes)) return true;
        return false;
    }

    /// <summary>One programme's reusable lists for <see cref="Select"/> (every passage naming a theme selects).</summary>
    private sealed class Scratch
    {
        public readonly List<PhraseMatch> Candidates = [];
        public readonly List<PhraseMatch> Accepted = [];
        public readonly List<string> Spellings = [];
    }

    /// <summary>Matches of the wanted phrases outside exclusions, longest first without overlaps, in text order: the
    /// scratch's list, valid until its next selection.</summary>
    /// <remarks>Called for every passage that names a theme: plain loops, no LINQ. A match is unique by (phrase, start),
    /// so the orders below are total and any sort gives the same result.</remarks>
    private static List<PhraseMatch> Select(PhraseMatch[] matches, PhraseSet wanted, PhraseSet excludes, Scratch scratch)
    {
        var candidates = scratch.Candidates;
        candidates.Clear();
        for (int i = 0; i < matches.Length; i++)
        {
            var m = matches[i];
            if (!wanted.Contains(m.Phrase) || IsExcluded(m, matches, excludes)) continue;
            candidates.Add(m);
        }
        if (candidates.Count > 1)
            candidates.Sort(static (a, b) => a.Length != b.Length ? b.Length.CompareTo(a.Length)
                : a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Phrase.CompareTo(b.Phrase));
        var accepted = scratch.Accepted;
        accepted.Clear();
        foreach (var m in candidates)
        {
            bool overlaps = false;
            foreach (var a in accepted) if (m.Overlaps(a)) { overlaps = true; break; }
            if (!overlaps) accepted.Add(m);
        }
        if (accepted.Count > 1) accepted.Sort(static (a, b) => a.Start.CompareTo(b.Start)); // accepted matches never share a start
        return accepted;
    }

    private static bool IsExcluded(PhraseMatch m, PhraseMatch[] matches, PhraseSet excludes)
    {
        if (excludes.Count == 0) return false;
        for (int i = 0; i < matches.Length; i++)
            if (excludes.Contains(matches[i].Phrase) && m.Within(matches[i])) return true;
        return false;
    }

    private sealed record CompiledTheme(Theme Theme, PhraseSet Keywords, PhraseSet HeadingKeywords, PhraseSet AllPhrases,
        PhraseSet Excludes, IReadOnlyDictionary<int, string> Spelling)
    {
        /// <summary>A theme's phrase ids while the index still grows (other themes add theirs).</summary>
        public sealed record Draft(Theme Theme, HashSet<int> Keywords, HashSet<int> HeadingKeywords, HashSet<int> Excludes, Dictionary<int, string> Spelling)
        {
            public static Draft Of(Theme theme, PhraseIndex index)
            {
                // Evidence quotes the registry's own spelling of a keyword (the first, when two fold alike).
                var spelling = new Dictionary<int, string>();
                HashSet<int> Compile(IEnumerable<string> list)
                {
                    var set = new HashSet<int>();
                    foreach (var phrase in list)
                    {
                        var id = index.Add(phrase);
                        if (id < 0) continue;
                        set.Add(id);
                        spelling.TryAdd(id, phrase);
                    }
                    return set;
                }
                var keywords = Compile(theme.Keywords);
                var headingKeywords = Compile(theme.HeadingKeywords);
                var excludes = Compile(theme.Excludes);
                return new Draft(theme, keywords, headingKeywords, excludes, spelling);
            }

            /// <param name="phrases">How many phrases the finished index holds.</param>
            public CompiledTheme Compile(int phrases) => new(Theme, new PhraseSet(Keywords, phrases), new PhraseSet(HeadingKeywords, phrases),
                new PhraseSet(Keywords.Union(HeadingKeywords), phrases), new PhraseSet(Excludes, phrases), Spelling);
        }
    }

    /// <summary>Phrase ids as a membership table: ids are dense and few, and every match of every passage is looked up.</summary>
    private sealed class PhraseSet
    {
        private readonly bool[] member;

        public PhraseSet(IEnumerable<int> ids, int phrases)
        {
            member = new bool[phrases];
            foreach (var id in ids)
            {
                if (member[id]) continue;
                member[id] = true;
                Count++;
            }
        }

        public int Count { get; }

        public bool Contains(int id) => (uint)id < (uint)member.Length && member[id];
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
