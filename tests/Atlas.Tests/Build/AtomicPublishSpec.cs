using System.Security.Cryptography;
using Atlas.Build;
using Atlas.Tests.Robustness;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Build;

/// <summary>A build that fails anywhere leaves the published site exactly as it was, and says which template and line failed.</summary>
[Collection(HostileAtlasCollection.Name)]
public class AtomicPublishSpec(HostileAtlas atlas)
{
    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);

    private static string BrokenTemplates(TempDir t, string template, Func<string[], (string[] Lines, int BrokenLine)> breakIt, out int line)
    {
        var dir = t["templates"];
        BuiltSite.CopyDirectory(Repo.Templates, dir);
        var path = Path.Combine(dir, template);
        var (lines, broken) = breakIt(File.ReadAllLines(path));
        File.WriteAllLines(path, lines);
        line = broken;
        return dir;
    }

    [Fact]
    public void A_template_failing_mid_render_leaves_the_old_site_byte_identical()
    {
        Assert.True(File.Exists(Path.Combine(atlas.SiteDir, "index.html")), atlas.Output);
        var before = Snapshot(atlas.SiteDir);
        using var t = new TempDir();
        // The home page renders first; the first programme page then fails at run time.
        var templates = BrokenTemplates(t, "programme.sbn",
            lines => ([.. lines, "{{ include \"partials/no-such-partial\" }}"], lines.Length + 1), out var line);

        var result = new AtlasBuilder(atlas.Options with { TemplatesDir = templates }).Build();

        Assert.False(result.Published);
        // The template and line come first, not the "one or more errors occurred" of the parallel loops around the page.
        Assert.StartsWith($"templates/programme.sbn({line},", result.FatalError);
        Assert.Equal(before, Snapshot(atlas.SiteDir));
        Assert.False(Directory.Exists(atlas.SiteDir + ".staging"));
    }

    [Fact]
    public void A_template_syntax_error_is_reported_with_its_name_and_line_and_nothing_is_published()
    {
        var before = Snapshot(atlas.SiteDir);
        using var t = new TempDir();
        var templates = BrokenTemplates(t, "theme.sbn",
            lines => ([.. lines.Take(2), "{{ if }}", .. lines.Skip(2)], 3), out var line);

        var result = new AtlasBuilder(atlas.Options with { TemplatesDir = templates }).Build();

        Assert.False(result.Published);
        Assert.Contains($"templates/theme.sbn({line},", result.FatalError);
        Assert.Equal(before, Snapshot(atlas.SiteDir));
    }

    [Fact]
    public void A_page_script_that_does_not_parse_is_reported_with_its_name_and_line_and_nothing_is_published()
    {
        // Scripts ship minified (ShippedScript): a syntax error a staff member leaves in one would otherwise break the
        // published pages' behaviour without any message.
        var before = Snapshot(atlas.SiteDir);
        using var t = new TempDir();
        var templates = BrokenTemplates(t, Path.Combine("assets", "js", "atlas.js"),
            lines => ([.. lines.Take(3), "  var broken = function ( {", .. lines.Skip(3)], 4), out var line);

        var result = new AtlasBuilder(atlas.Options with { TemplatesDir = templates }).Build();

        Assert.False(result.Published);
        Assert.StartsWith($"templates/assets/js/atlas.js: line {line}: ", result.FatalError);
        Assert.Equal(before, Snapshot(atlas.SiteDir));
        Assert.False(Directory.Exists(atlas.SiteDir + ".staging"));
    }

    [Fact]
    public void Atlas_build_with_a_broken_template_exits_1_and_names_the_template()
    {
        var before = Snapshot(atlas.SiteDir);
        using var t = new TempDir();
        var templates = BrokenTemplates(t, "layout.sbn", lines => ([.. lines.Take(4), "{{ for x in }}", .. lines.Skip(4)], 5), out var line);

        var (code, output) = AtlasCli.Run(t.Path, "build", "--content", atlas.ContentDir, "--templates", templates, "--site", atlas.SiteDir);

        Assert.Equal(1, code);
        Assert.Contains($"templates/layout.sbn({line},", output);
        Assert.Equal(before, Snapshot(atlas.SiteDir));
    }

    [Fact]
    public void A_content_folder_that_cannot_be_written_fails_the_build_and_leaves_the_old_site_byte_identical()
    {
        var before = Snapshot(atlas.SiteDir);
        using var t = new TempDir();
        // content/ and the build cache are written beside render: their failure must still stop the publish.
        var content = t["content"];
        Directory.CreateDirectory(content);
        foreach (var file in Directory.EnumerateFiles(atlas.ContentDir)) File.Copy(file, Path.Combine(content, Path.GetFileName(file)));
        BuiltSite.CopyDirectory(Path.Combine(atlas.ContentDir, "sources"), Path.Combine(content, "sources"));
        File.WriteAllText(Path.Combine(content, "programmes"), "a file where the Markdown folder should be");

        var result = new AtlasBuilder(atlas.Options with { ContentDir = content }).Build();

        Assert.False(result.Published);
        Assert.Contains("programmes", result.FatalError);
        Assert.Equal(before, Snapshot(atlas.SiteDir));
        Assert.False(Directory.Exists(atlas.SiteDir + ".staging"));
    }
}
