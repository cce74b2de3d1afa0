using System.Collections.Concurrent;
using Atlas.Build;
using Atlas.Model;
using Atlas.Render.Feeds;
using Atlas.Render.Map;
using Atlas.Render.Pages;
using Atlas.Render.Templates;

namespace Atlas.Render;

/// <summary>
/// Renders every page of the atlas through the Scriban templates into <c>outDir</c>, then the shared files:
/// assets, the original sources, sitemap.xml and feed.xml. Templates are parsed before anything is written, so a
/// template error stops the build with the template's name and line.
/// </summary>
public sealed class SiteRenderer(BuildOptions options)
{
    /// <summary>
    /// The page types. Another area adds its page here with one line. They are written side by side (see
    /// <see cref="Render"/>), started in this order: the programme pages first (the most work, spread over the cores),
    /// then the types that work mostly on one core, longest first, so they overlap the programme pages.
    /// </summary>
    public static IReadOnlyList<ISitePage> Pages() =>
    [
        new ProgrammePages(),
        new Data.DataDownloads(),
        new HomePage(),
        new ThemePages(),
        new IndicatorPages(),
        new ResolutionPages(),
        new ThemeMatrixPage(),
        new ProvincePages(),
        new SourcesPage(),
        new AssignmentsPage(),
        new ReferencesPage(),
        new MethodPage(),
        new AboutPage(),
        new SearchPage(),
    ];

    /// <param name="reuse">Carries unchanged pages over from the published site (incremental build); null renders every page.</param>
    public void Render(AtlasModel model, string outDir, IPageReuse? reuse = null)
    {
        var map = Task.Run(() => File.Exists(Path.Combine(options.TemplatesDir, "assets", "map", "vietnam-outline.json")) ? VietnamMap.Load(options.TemplatesDir) : null);
        var templates = new TemplateCache(options.TemplatesDir);
        // Templates parsed, nothing written yet. The assets and the original sources are copied while the pages are
        // written: about a thousand file copies at 1,000 programmes, mostly the kernel's time, which had run alone
        // before the first page.
        var sources = SourcesToCopy(model);
        var copies = Task.Run(() =>
        {
            CopyAssets(Path.Combine(options.TemplatesDir, "assets"), Path.Combine(outDir, "assets"));
            CopySources(sources, outDir);
        });
        try
        {
            var site = new SiteWriter(model, templates, Language.Load(options.TemplatesDir), SiteSettings.Load(options.TemplatesDir), outDir,
                map.GetAwaiter().GetResult()) { Reuse = reuse, CopiedSources = sources };
            // The page types with many pages spread them over the cores (SiteWriter.ForEach), and the page types run side by
            // side too: several (the home page, the downloads, the theme pages) work mostly on one core, and one after another
            // they left the other core idle for seconds at 1,000 programmes once the search export beside render had finished.
            // Safe because each page is its own file and SiteWriter is thread-safe; what is aggregated (the sitemap, the
            // feed) is written afterwards in a fixed order. The order of Pages() only decides which type starts first.
            Parallel.ForEach(Partitioner.Create(Pages(), EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, page => page.Write(site));
            Sitemap.Write(site);
            AtomFeed.Write(site);
        }
        catch
        {
            // The caller deletes the staging folder: no copy may still be writing into it.
            copies.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
            throw;
        }
        copies.GetAwaiter().GetResult();
    }

    /// <summary>True when the original of <paramref name="fileName"/> is (or will be) under site/sources/.</summary>
    public static bool IsCopiedSource(SiteWriter site, string fileName) => site.CopiedSources.Contains(fileName);

    /// <summary>
    /// The originals published under sources/, so readers can check the text against them: each ingested programme's
    /// source, byte for byte. Only plain-text and office names are published: a source named <c>x.html</c> or
    /// <c>x.svg</c> would otherwise be served as live, executable content (a .docx, .odt, .doc, .rtf or .pdf is a download, or opens in the browser's PDF viewer:
    /// a PDF holding scripts, actions or attached files is not published); rejected
    /// (e.g. oversized or binary) sources are not published at all.
    /// </summary>
    private SortedSet<string> SourcesToCopy(AtlasModel model)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in model.Programmes.Select(p => p.Programme.Source.FileName))
        {
            if (!SafeName(name) || !PublishedExtensions.Contains(Path.GetExtension(name))) continue;
            var from = new FileInfo(Path.Combine(options.SourcesDir, name));
            if (!from.Exists || from.Length > Ingest.Decoding.SourceDecoder.MaxBytes) continue;
            // A PDF that holds scripts, actions or attached files would run them in a reader's viewer: its text only.
            if (Path.GetExtension(name).Equals(".pdf", StringComparison.OrdinalIgnoreCase)
                && Ingest.Decoding.PdfText.HasActiveContent(File.ReadAllBytes(from.FullName))) continue;
            names.Add(name);
        }
        return names;
    }

    private void CopySources(IEnumerable<string> names, string outDir)
    {
        foreach (var name in names)
        {
            Directory.CreateDirectory(Path.Combine(outDir, "sources"));
            File.Copy(Path.Combine(options.SourcesDir, name), Path.Combine(outDir, "sources", name), overwrite: true);
        }
    }

    private static readonly HashSet<string> PublishedExtensions = new([".txt", ".md", ".text", ".docx", ".odt", ".doc", ".rtf", ".pdf"], StringComparer.OrdinalIgnoreCase);

    /// <summary>A plain file name (no folder part): sources are copied flat and must not escape sources/.</summary>
    private static bool SafeName(string name) =>
        name.Length > 0 && name == Path.GetFileName(name) && name is not ("." or "..") && name != "index.html";

    private static void CopyAssets(string from, string to)
    {
        if (!Directory.Exists(from)) return;
        // The search client is published by the search stage, next to the shards it loads (search/atlas-search.js,
        // minified); a second copy under assets/ would be dead weight in every published site.
        var searchClient = Path.Combine(from, "search", Atlas.Search.SearchExporter.ClientScript);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (file == searchClient) continue;
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            ShippedScript.Copy(file, target, "templates/assets/" + Path.GetRelativePath(from, file).Replace('\\', '/'));
        }
    }
}
