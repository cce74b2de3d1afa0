using System.Security.Cryptography;
using Atlas.Build;
using Atlas.Build.Cache;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Build.Cache;

/// <summary>
/// An incremental build (the cache of the previous build, and pages carried over from the published site) gives the
/// site, content/programmes and the ingest report of a full <c>--no-cache</c> build of the same inputs, byte for byte,
/// whatever changed in between: a source, a new or deleted source, a template, an override file, a registry.
/// Only pages whose inputs are unchanged are carried over; anything doubtful is rendered again.
/// </summary>
public class IncrementalBuildSpec
{
    private const string Changed = "tien-giang-38-ctr-tu-2023.txt";

    /// <summary>A copy of the repository's content (sources and registries, no generated Markdown) and templates.</summary>
    private static BuildOptions Copy(TempDir temp, string name)
    {
        BuiltSite.CopyDirectory(Repo.Content, temp[name + "/content"]);
        var generated = Path.Combine(temp[name + "/content"], "programmes");
        if (Directory.Exists(generated)) Directory.Delete(generated, true);
        BuiltSite.CopyDirectory(Repo.Templates, temp[name + "/templates"]);
        return new BuildOptions(temp[name + "/content"], temp[name + "/templates"], temp[name + "/site"]);
    }

    private static void Edit(string path, Func<string, string> change) => File.WriteAllText(path, change(File.ReadAllText(path)));

    private static Dictionary<string, string> Tree(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);

    private static void AssertSameOutput(BuildOptions incremental, BuildOptions full)
    {
        var (a, b) = (Tree(incremental.SiteDir), Tree(full.SiteDir));
        Assert.Equal(b.Keys.Order(StringComparer.Ordinal), a.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(a.Where(kv => b[kv.Key] != kv.Value).Select(kv => kv.Key)); // names the differing files
        Assert.Equal(Tree(full.ProgrammesDir), Tree(incremental.ProgrammesDir));
        Assert.Equal(File.ReadAllBytes(full.ReportPath), File.ReadAllBytes(incremental.ReportPath));
    }

    private static BuildResult Build(BuildOptions options)
    {
        var result = new AtlasBuilder(options).Build();
        Assert.True(result.Published, result.FatalError);
        return result;
    }

    /// <summary>Builds once with the cache, applies <paramref name="change"/>, rebuilds; then builds the changed inputs
    /// from scratch without cache and compares. Returns the incremental rebuild's result.</summary>
    private static BuildResult RebuildMatchesFullBuild(TempDir temp, Action<BuildOptions> change)
    {
        var incremental = Copy(temp, "incremental");
        var first = Build(incremental);
        Assert.Equal(0, first.PagesReused);
        change(incremental);
        var again = Build(incremental);

        var full = Copy(temp, "full") with { UseCache = false };
        change(full);
        var fresh = Build(full);
        Assert.Null(fresh.PagesRendered);
        AssertSameOutput(incremental, full);
        return again;
    }

    [Fact]
    public void A_changed_source_rerenders_only_part_of_the_site_and_gives_the_bytes_of_a_full_build()
    {
        using var temp = new TempDir();
        var result = RebuildMatchesFullBuild(temp, o => Edit(Path.Combine(o.SourcesDir, Changed),
            t => t.Replace("Tiền Giang", "Tiền  Giang mới", StringComparison.Ordinal)));
        Assert.True(result.PagesRendered > 0, "the changed programme's pages are rendered");
        Assert.True(result.PagesReused > result.PagesRendered, $"{result.PagesReused} carried over, {result.PagesRendered} rendered");
        // The checks take a carried-over page's facts from the last check instead of reading it again.
        Assert.Equal(result.PagesReused, result.PagesCheckedFromCache);
        // Only the changed programme's Markdown is made again.
        Assert.Equal(Directory.GetFiles(temp["incremental/content/programmes"], "*.md").Length - 1, result.MarkdownReused);
    }

    [Fact]
    public void A_rebuild_with_nothing_changed_renders_no_page()
    {
        using var temp = new TempDir();
        var result = RebuildMatchesFullBuild(temp, _ => { });
        Assert.Equal(0, result.PagesRendered);
        Assert.True(result.PagesReused > 100);
        Assert.Equal(Directory.GetFiles(temp["incremental/content/programmes"], "*.md").Length, result.MarkdownReused);
    }

    [Fact]
    public void A_hand_edited_programme_markdown_is_written_again_from_its_source()
    {
        using var temp = new TempDir();
        var options = Copy(temp, "incremental");
        Build(options);
        var markdown = Directory.GetFiles(options.ProgrammesDir, "*.md").Order(StringComparer.Ordinal).ToList();
        var generated = File.ReadAllBytes(markdown[0]);
        Edit(markdown[0], t => t.Replace("Tỉnh", "Tinh", StringComparison.Ordinal) + "\nsửa tay\n");

        var again = Build(options);

        Assert.Equal(generated, File.ReadAllBytes(markdown[0]));
        Assert.Equal(markdown.Count - 1, again.MarkdownReused);
    }

    [Fact]
    public void A_build_without_cache_makes_every_programme_markdown()
    {
        using var temp = new TempDir();
        var options = Copy(temp, "incremental");
        Build(options);
        Assert.Equal(0, Build(options with { UseCache = false }).MarkdownReused);
    }

    [Fact]
    public void An_added_source_gives_the_bytes_of_a_full_build()
    {
        using var temp = new TempDir();
        var result = RebuildMatchesFullBuild(temp, o => File.WriteAllText(Path.Combine(o.SourcesDir, "tien-giang-ban-sao.txt"),
            File.ReadAllText(Path.Combine(o.SourcesDir, Changed)).Replace("38-CTr/TU", "39-CTr/TU", StringComparison.Ordinal)));
        Assert.True(result.PagesRendered > 0);
    }

    [Fact]
    public void A_deleted_source_gives_the_bytes_of_a_full_build_and_its_pages_are_gone()
    {
        using var temp = new TempDir();
        RebuildMatchesFullBuild(temp, o => File.Delete(Path.Combine(o.SourcesDir, Changed)));
        Assert.Empty(Directory.GetFiles(temp["incremental/site/programmes"], "tien-giang-38*"));
    }

    [Fact]
    public void A_rebuild_writes_its_search_export_over_the_files_of_the_site_replaced_last_time_and_removes_the_rest()
    {
        using var temp = new TempDir();
        var incremental = Copy(temp, "incremental");
        Build(incremental);
        Assert.Equal(0, Build(incremental).SearchFilesRecycled); // nothing in the trash yet: the first site goes there now
        var before = Directory.GetFiles(Path.Combine(incremental.SiteDir, "search"), "*", SearchOption.AllDirectories).Length;
        // One programme fewer: fewer passages, so the export written over the old one has files to remove.
        File.Delete(Path.Combine(incremental.SourcesDir, Changed));

        var third = Build(incremental);

        Assert.True(third.SearchFilesRecycled > 0, "the export wrote over the old site's search files");
        var after = Directory.GetFiles(Path.Combine(incremental.SiteDir, "search"), "*", SearchOption.AllDirectories).Length;
        Assert.True(third.SearchFilesRecycled <= after && after < before, $"{before} files before, {after} after, {third.SearchFilesRecycled} written over");
        var full = Copy(temp, "full") with { UseCache = false };
        File.Delete(Path.Combine(full.SourcesDir, Changed));
        Build(full);
        AssertSameOutput(incremental, full);
    }

    [Fact]
    public void Old_search_files_in_the_way_of_the_new_export_are_given_up_and_the_export_written_afresh()
    {
        using var temp = new TempDir();
        var incremental = Copy(temp, "incremental");
        Build(incremental);
        Build(incremental);
        // As after a change of the export's layout: a folder in the old site where the new export writes a file.
        var inTheWay = Directory.GetFiles(Path.Combine(incremental.CacheDir, "trash"), "meta.js", SearchOption.AllDirectories).Single();
        File.Delete(inTheWay);
        Directory.CreateDirectory(inTheWay);
        File.WriteAllText(Path.Combine(inTheWay, "old.js"), "old");

        var third = Build(incremental);

        Assert.Equal(0, third.SearchFilesRecycled);
        var full = Copy(temp, "full") with { UseCache = false };
        Build(full);
        AssertSameOutput(incremental, full);
    }

    [Fact]
    public void A_changed_template_rerenders_every_page()
    {
        using var temp = new TempDir();
        var result = RebuildMatchesFullBuild(temp, o => Edit(Path.Combine(o.TemplatesDir, "layout.sbn"), t => t.Replace("</body>", "<!-- x --></body>", StringComparison.Ordinal)));
        Assert.Equal(0, result.PagesReused);
        Assert.Contains("<!-- x -->", File.ReadAllText(temp["incremental/site/about.html"]));
    }

    [Fact]
    public void A_changed_override_file_gives_the_bytes_of_a_full_build()
    {
        using var temp = new TempDir();
        RebuildMatchesFullBuild(temp, o => File.WriteAllText(Path.Combine(o.SourcesDir, Path.ChangeExtension(Changed, ".yml")), "place: Nơi Thử Nghiệm\n"));
        Assert.Contains("Nơi Thử Nghiệm", File.ReadAllText(Path.Combine(temp["incremental/site/programmes"], Path.ChangeExtension(Changed, ".html"))));
    }

    [Fact]
    public void A_changed_registry_gives_the_bytes_of_a_full_build()
    {
        using var temp = new TempDir();
        RebuildMatchesFullBuild(temp, o => Edit(Path.Combine(o.ContentDir, "themes.yml"),
            t => t.Replace("name_en: ", "name_en: Renamed ", StringComparison.Ordinal)));
        Assert.Contains("Renamed", File.ReadAllText(temp["incremental/site/en/themes/index.html"]));
    }

    [Fact]
    public void A_corrupt_page_manifest_or_checked_pages_file_is_ignored()
    {
        using var temp = new TempDir();
        var result = RebuildMatchesFullBuild(temp, o =>
        {
            if (!o.UseCache) return; // the full build has no cache
            foreach (var stage in new[] { PageCarryOver.Stage, CheckedPages.Stage })
            foreach (var file in Directory.GetFiles(Path.Combine(o.CacheDir, stage)))
                File.WriteAllBytes(file, File.ReadAllBytes(file)[..(int)(new FileInfo(file).Length / 2)]);
        });
        Assert.Equal(0, result.PagesReused);
    }

    [Fact]
    public void A_page_edited_in_the_published_site_is_rendered_again_not_carried_over()
    {
        using var temp = new TempDir();
        RebuildMatchesFullBuild(temp, o =>
        {
            if (!Directory.Exists(o.SiteDir)) return; // the full build has no published site yet
            File.AppendAllText(Path.Combine(o.SiteDir, "about.html"), "edited by hand");
            File.WriteAllText(Path.Combine(o.SiteDir, "index.html"), "x");
        });
        Assert.DoesNotContain("edited by hand", File.ReadAllText(temp["incremental/site/about.html"]));
    }

    [Fact]
    public void A_failing_incremental_build_leaves_the_published_site_untouched_and_the_next_one_is_still_exact()
    {
        using var temp = new TempDir();
        var incremental = Copy(temp, "incremental");
        Build(incremental);
        var before = Tree(incremental.SiteDir);

        Edit(Path.Combine(incremental.SourcesDir, Changed), t => t.Replace("Tiền Giang", "Tiền  Giang mới", StringComparison.Ordinal));
        var theme = Path.Combine(incremental.TemplatesDir, "theme.sbn");
        var good = File.ReadAllText(theme);
        File.WriteAllText(theme, good + "{{ include \"partials/no-such-partial\" }}");
        var failed = new AtlasBuilder(incremental).Build();
        Assert.False(failed.Published);
        Assert.Equal(before, Tree(incremental.SiteDir)); // carried-over pages are links to site/: none was written through

        File.WriteAllText(theme, good);
        var again = Build(incremental);
        Assert.True(again.PagesReused > 0);
        var full = Copy(temp, "full") with { UseCache = false };
        Edit(Path.Combine(full.SourcesDir, Changed), t => t.Replace("Tiền Giang", "Tiền  Giang mới", StringComparison.Ordinal));
        Build(full);
        AssertSameOutput(incremental, full);
    }
}
