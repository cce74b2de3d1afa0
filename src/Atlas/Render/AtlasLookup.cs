using Atlas.Model;

namespace Atlas.Render;

/// <summary>An implemented document (resolution, plan…) with the programmes that implement it, in slug order.</summary>
public sealed record ResolutionEntry(string Id, string? Number, string Label, string? Date, IReadOnlyList<AnalysedProgramme> Programmes);

/// <summary>
/// Indexes over the model that several pages need (province by slug, themes of each passage, the documents programmes
/// implement). Built once per render; every list keeps the model's order (programmes by slug, passages in document order).
/// </summary>
public sealed class AtlasLookup
{
    private readonly Dictionary<string, Province> provinces;
    private readonly Dictionary<string, Theme> themes;
    private readonly Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<PassageTheme>>> passageThemes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Slug, string PassageId), (AnalysedProgramme Programme, Passage Passage)> passages = new();
    private readonly Dictionary<string, Dictionary<string, int>> passagesOnTheme = new(StringComparer.Ordinal);

    public AtlasLookup(AtlasModel model)
    {
        provinces = new(StringComparer.Ordinal);
        foreach (var p in model.Provinces) provinces.TryAdd(p.Slug, p);
        themes = new(StringComparer.Ordinal);
        foreach (var t in model.Themes) themes.TryAdd(t.Id, t);

        foreach (var ap in model.Programmes)
        {
            // Each passage's themes in the analysis's order, passages in order of first mention (as GroupBy would give them),
            // gathered in one pass: the lookup is built before any page, on one thread.
            var byPassage = new Dictionary<string, IReadOnlyList<PassageTheme>>(StringComparer.Ordinal);
            var perTheme = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var t in ap.Analysis.Themes)
            {
                if (!byPassage.TryGetValue(t.PassageId, out var list)) byPassage[t.PassageId] = list = new List<PassageTheme>(2);
                var themes = (List<PassageTheme>)list;
                // A passage counts once per theme, however many reasons it has for it.
                var seen = false;
                foreach (var x in themes) seen |= string.Equals(x.ThemeId, t.ThemeId, StringComparison.Ordinal);
                if (!seen) perTheme[t.ThemeId] = perTheme.GetValueOrDefault(t.ThemeId) + 1;
                themes.Add(t);
            }
            passageThemes[ap.Programme.Slug] = byPassage;
            passagesOnTheme[ap.Programme.Slug] = perTheme;
            foreach (var passage in ap.Programme.Passages) passages.TryAdd((ap.Programme.Slug, passage.Id), (ap, passage));
        }

        var docs = new Dictionary<string, (ImplementedDocument Doc, List<AnalysedProgramme> Programmes)>(StringComparer.Ordinal);
        foreach (var ap in model.Programmes)
        {
            foreach (var d in ap.Programme.Metadata.Implements)
            {
                var id = d.Id;
                if (id.Length == 0) continue;
                if (!docs.TryGetValue(id, out var entry)) docs[id] = entry = (d, []);
                if (!entry.Programmes.Contains(ap)) entry.Programmes.Add(ap);
            }
        }
        Resolutions = docs
            .OrderBy(kv => kv.Value.Doc.Number is null ? 1 : 0)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new ResolutionEntry(kv.Key, kv.Value.Doc.Number, kv.Value.Doc.Label,
                kv.Value.Programmes.Select(p => p.Programme.Metadata.Implements.First(d => d.Id == kv.Key).Date).FirstOrDefault(x => x is not null),
                kv.Value.Programmes))
            .ToList();
        Linker = new DocumentLinker(Resolutions.Where(r => r.Number is not null).Select(r => r.Id));
    }

    /// <summary>Every implemented document, numbered ones first, by id.</summary>
    public IReadOnlyList<ResolutionEntry> Resolutions { get; }

    /// <summary>Escapes passage text and links each mention of a known document number to its resolution page.</summary>
    public DocumentLinker Linker { get; }

    public Province? Province(string slug) => provinces.GetValueOrDefault(slug);

    /// <summary>A passage of any programme by slug and id (related passages point across programmes).</summary>
    public (AnalysedProgramme Programme, Passage Passage)? Passage(string slug, string passageId) =>
        passages.TryGetValue((slug, passageId), out var found) ? found : null;

    public Province? ProvinceOf(Programme p) => Province(PageLinks.ProvinceSlug(p));

    public Theme? Theme(string id) => themes.GetValueOrDefault(id);

    /// <summary>How many passages of a programme carry a theme (the theme index and the home page count them for every
    /// programme and theme, in each language).</summary>
    public int PassagesOn(string programmeSlug, string themeId) =>
        passagesOnTheme.TryGetValue(programmeSlug, out var m) ? m.GetValueOrDefault(themeId) : 0;

    /// <summary>Themes of one passage, in the order the analysis gave them (empty when none).</summary>
    public IReadOnlyList<PassageTheme> ThemesOf(string programmeSlug, string passageId) =>
        passageThemes.TryGetValue(programmeSlug, out var m) && m.TryGetValue(passageId, out var l) ? l : [];
}
