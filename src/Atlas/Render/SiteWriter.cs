using System.Text;
using Atlas.Model;
using Atlas.Render.Map;
using Atlas.Render.Templates;
using Scriban.Runtime;

namespace Atlas.Render;

/// <summary>A page written so far: the sitemap and the checks read this list.</summary>
public sealed record WrittenPage(string SitePath, string Language, string Path);

/// <summary>
/// What every page class gets: the model, derived lookups, the languages, and the one way to write a page
/// (view model → page template → layout → file). Holds no state but the list of pages written.
/// </summary>
public sealed class SiteWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly TemplateCache templates;
    private readonly List<WrittenPage> written = [];
    private readonly Dictionary<string, ScriptObject> languageScopes = new(StringComparer.Ordinal);

    public SiteWriter(AtlasModel model, TemplateCache templates, IReadOnlyList<Language> languages, SiteSettings settings, string outDir,
        VietnamMap? map = null)
    {
        Map = map;
        Model = model;
        Lookup = new AtlasLookup(model);
        Inputs = new AtlasInputs(model.Provinces, model.Themes, model.Indicators,
            Lookup.Resolutions.Where(r => r.Number is not null).Select(r => r.Id).ToList());
        this.templates = templates;
        Languages = languages;
        Settings = settings;
        OutDir = outDir;
        foreach (var lang in languages) languageScopes[lang.Code] = LanguageScope(lang);
        indicatorMaps = new Lazy<IReadOnlyDictionary<string, IndicatorMap>>(() =>
        {
            var slugs = IndicatorClasses.ProvinceSlugs(model.Programmes);
            var candidates = IndicatorClasses.Candidates(model.Programmes);
            // Each map is worked out on its own (spread over the cores), then keyed in registry order.
            var indicators = model.Indicators.DistinctBy(i => i.Id, StringComparer.Ordinal).ToList();
            var maps = new IndicatorMap[indicators.Count];
            Parallel.For(0, indicators.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                i => maps[i] = IndicatorClasses.Build(indicators[i], model.Programmes, Lookup, slugs, candidates.GetValueOrDefault(indicators[i].Id) ?? []));
            return indicators.Select((indicator, i) => (indicator.Id, Map: maps[i])).ToDictionary(x => x.Id, x => x.Map, StringComparer.Ordinal);
        });
    }

    private readonly Lazy<IReadOnlyDictionary<string, IndicatorMap>> indicatorMaps;

    /// <summary>Each indicator's map by indicator id, worked out once per render: the home page and the indicator pages show the same maps.</summary>
    public IReadOnlyDictionary<string, IndicatorMap> IndicatorMaps => indicatorMaps.Value;

    public AtlasModel Model { get; }
    public AtlasLookup Lookup { get; }

    /// <summary>What every page may read of the atlas as a whole (registries, linked documents): part of each page's inputs.</summary>
    public AtlasInputs Inputs { get; }
    public IReadOnlyList<Language> Languages { get; }
    public SiteSettings Settings { get; }
    public string OutDir { get; }

    /// <summary>Pages whose inputs are unchanged since the published site are carried over, not rendered (incremental build).</summary>
    public IPageReuse? Reuse { get; init; }

    /// <summary>File names of the originals published under sources/ (<see cref="SiteRenderer.IsCopiedSource"/>).</summary>
    public IReadOnlySet<string> CopiedSources { get; init; } = new HashSet<string>();

    /// <summary>The map of Vietnam for the home page; null when templates/assets/map holds no outline.</summary>
    public VietnamMap? Map { get; }
    /// <summary>Every page written so far, in path order (pages are written in parallel, so the order they finished in means nothing).</summary>
    public IReadOnlyList<WrittenPage> Pages
    {
        get { lock (written) return written.OrderBy(p => p.SitePath, StringComparer.Ordinal).ToList(); }
    }

    /// <summary>
    /// Runs <paramref name="write"/> for every item, in parallel. Safe because each call writes its own file: the output
    /// does not depend on which page finishes first (whatever is aggregated, like the sitemap, is sorted by path).
    /// </summary>
    public void ForEach<T>(IEnumerable<T> items, Action<T> write) =>
        // One worker per core: more would only hold more pages in memory at once.
        Parallel.ForEach(items, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, write);

    public PageLinks Links(Language language, string path) => new(language, path);

    /// <summary>Renders <c>templates/&lt;template&gt;.sbn</c> with <paramref name="page"/> inside the layout and writes it. Thread-safe.</summary>
    public void WritePage(PageLinks at, string template, object page, PageMeta meta) => WritePage(at, template, page, () => page, meta);

    /// <summary>
    /// Like <see cref="WritePage(PageLinks,string,object,PageMeta)"/> for a page whose view model costs more to build than
    /// what it is made from: <paramref name="inputs"/> holds everything <paramref name="build"/> reads (model records, not
    /// copies), so an incremental build decides from it whether the page can be carried over, and builds the view model
    /// only for a page it renders. <paramref name="inputs"/> must miss nothing the page reads, or a stale page is published.
    /// </summary>
    public void WritePage(PageLinks at, string template, object inputs, Func<object> build, PageMeta meta)
    {
        if (Reuse?.TryReuse(at, template, inputs, meta) == true)
        {
            lock (written) written.Add(new WrittenPage(at.SitePath, at.Language.Code, at.Path));
            return;
        }
        Render(at, template, build(), meta);
    }

    private void Render(PageLinks at, string template, object page, PageMeta meta)
    {
        var shared = languageScopes[at.Language.Code];
        var globals = Globals(at, page, meta);
        globals["content"] = new TemplateBody(template);
        using (var writer = new HtmlWhitespace(OpenText(at.SitePath))) templates.RenderTo("layout", writer, shared, globals);
        lock (written) written.Add(new WrittenPage(at.SitePath, at.Language.Code, at.Path));
    }

    /// <summary>
    /// Renders a partial on its own, as markup to write into pages: for a fragment many pages repeat word for word (a
    /// related passage's link), rendered once instead of on every page. It sees the language's strings and
    /// <paramref name="name"/> = <paramref name="model"/>, nothing of any page. Thread-safe.
    /// </summary>
    public HtmlString Fragment(string template, Language language, string name, object model) =>
        new(templates.Render(template, languageScopes[language.Code], new ScriptObject { [name] = model }));

    /// <summary>Writes a non-page file (feed, sitemap, data download) at a path relative to the site root.</summary>
    public void WriteText(string sitePath, string text)
    {
        using var writer = OpenText(sitePath);
        // One newline convention whatever the templates' line endings.
        writer.Write(text.Contains('\r') ? text.Replace("\r\n", "\n") : text);
    }

    /// <summary>A UTF-8 (no BOM) writer for a file at a path relative to the site root, its folder created.</summary>
    /// <remarks>
    /// The writer's buffers come from the shared array pool (<see cref="PooledUtf8Writer"/>): a StreamWriter allocated
    /// its own per file, and at 1,000 programmes a gigabyte of large objects, then a quarter of a gigabyte of small ones,
    /// went to buffers of pages written once. The file stream gets no buffer of its own: the writer hands it whole
    /// encoded chunks.
    /// </remarks>
    public TextWriter OpenText(string sitePath) =>
        new PooledUtf8Writer(new FileStream(PathFor(sitePath), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0), Utf8);

    /// <summary>A buffered stream for a file at a path relative to the site root, its folder created.</summary>
    public Stream OpenWrite(string sitePath) =>
        new FileStream(PathFor(sitePath), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);

    public void WriteBytes(string sitePath, byte[] bytes) => File.WriteAllBytes(PathFor(sitePath), bytes);

    /// <summary>The full path of a file of the site, its folder created.</summary>
    private string PathFor(string sitePath)
    {
        var full = Path.Combine(OutDir, sitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>What every page of one language shares: built once, read by every render (never written to).</summary>
    private ScriptObject LanguageScope(Language lang)
    {
        var strings = new ScriptObject();
        foreach (var (k, v) in lang.Strings.OrderBy(kv => kv.Key, StringComparer.Ordinal)) strings[k] = v;
        var g = new ScriptObject
        {
            ["strings"] = strings,
            ["lang"] = lang.Code,
            ["has_fonts"] = Settings.HasFonts,
        };
        // {{ count "programmes" n }} → "1 programme" / "3 programmes": the "<key>_count" string, or "<key>_count_one" for 1.
        g.Import("count", new Func<string, object, string>((key, n) =>
        {
            var value = Convert.ToInt64(n, System.Globalization.CultureInfo.InvariantCulture);
            var k = value == 1 && lang.Strings.ContainsKey(key + "_count_one") ? key + "_count_one" : key + "_count";
            return lang[k].Replace("{0}", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }));
        return g;
    }

    private ScriptObject Globals(PageLinks at, object page, PageMeta meta)
    {
        var lang = at.Language;
        var crumbs = new List<Crumb> { new(lang["nav_home"], meta.Breadcrumbs.Count == 0 ? null : at.Home()) };
        crumbs.AddRange(meta.Breadcrumbs);
        return new ScriptObject
        {
            ["page"] = page,
            ["root"] = at.Root,
            ["lang_root"] = at.LanguageRoot,
            ["meta"] = new LayoutMeta(
                meta.Title,
                meta.Title == lang["site_name"] ? meta.Title : meta.Title + " · " + lang["site_name"],
                meta.Description,
                meta.OgType,
                crumbs,
                Settings.BaseUrl.Length > 0 ? Settings.BaseUrl + at.SitePath : null,
                Languages.Where(l => l != lang).Select(l => new Alternate(l.Code, l["language_name"], at.In(l))).ToList()),
            ["nav"] = Settings.Nav.Select(n => new NavLink(lang[n.Label], at.To(n.Path), n.Path == at.Path)).ToList(),
            // The search box appears once the search page exists (it works without JS: a GET form to search.html?q=).
            ["search_href"] = templates.Has("search") ? at.Search() : null,
            // The home and search pages have their own box right under the header: a second one above it (two boxes, one
            // over the other, on a phone) would only ask which to use.
            ["header_search"] = at.Path is not ("index.html" or "search.html"),
        };
    }
}

/// <summary>
/// The registries and the documents the linker links (<see cref="AtlasLookup.Linker"/>): read by pages that otherwise depend
/// on one programme, so they belong to such a page's inputs. One instance per render, so a digest of it can be kept.
/// </summary>
public sealed record AtlasInputs(
    IReadOnlyList<Province> Provinces,
    IReadOnlyList<Theme> Themes,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<string> LinkedDocuments);

/// <summary>What the layout shows about the page: head tags, breadcrumbs, language switch.</summary>
public sealed record LayoutMeta(
    string Title,
    string FullTitle,
    string Description,
    string OgType,
    IReadOnlyList<Crumb> Breadcrumbs,
    string? CanonicalUrl,
    IReadOnlyList<Alternate> Alternates);

public sealed record Alternate(string Lang, string Label, string Href);

public sealed record NavLink(string Label, string Href, bool Current);
