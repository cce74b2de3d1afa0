using System.Security.Cryptography;
using Atlas.Build;
using Atlas.Build.Cache;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Build.Cache;

/// <summary>
/// The build cache (.cache/ next to content/): a rebuild reuses what an unchanged source gave, and its output is the
/// output of a full build, byte for byte. Anything doubtful — a corrupt entry, a changed override file or registry —
/// means doing the work again, never a wrong page.
/// </summary>
public class BuildCacheSpec
{
    private const string Changed = "tien-giang-38-ctr-tu-2023.txt";

    private static BuildOptions Copy(TempDir temp, string name)
    {
        BuiltSite.CopyDirectory(Repo.Content, temp[name + "/content"]);
        foreach (var generated in new[] { "programmes" })
            if (Directory.Exists(Path.Combine(temp[name + "/content"], generated))) Directory.Delete(Path.Combine(temp[name + "/content"], generated), true);
        return new BuildOptions(temp[name + "/content"], Repo.Templates, temp[name + "/site"]);
    }

    private static void Edit(BuildOptions options, string file, Func<string, string> change)
    {
        var path = Path.Combine(options.ContentDir, file);
        File.WriteAllText(path, change(File.ReadAllText(path)));
    }

    private static Dictionary<string, string> Tree(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);

    private static void AssertSameOutput(BuildOptions a, BuildOptions b)
    {
        Assert.Equal(Tree(a.SiteDir), Tree(b.SiteDir));
        Assert.Equal(Tree(Path.Combine(a.ContentDir, "programmes")), Tree(Path.Combine(b.ContentDir, "programmes")));
        Assert.Equal(File.ReadAllBytes(a.ReportPath), File.ReadAllBytes(b.ReportPath));
    }

    private static string[] Entries(BuildOptions options) =>
        Directory.Exists(Path.Combine(options.CacheDir, ProgrammeCache.Stage))
            ? Directory.GetFiles(Path.Combine(options.CacheDir, ProgrammeCache.Stage), "*" + ProgrammeCache.Extension)
            : [];

    [Fact]
    public void A_rebuild_after_one_source_changed_gives_the_bytes_of_a_full_build()
    {
        using var temp = new TempDir();
        var incremental = Copy(temp, "incremental");
        var first = new AtlasBuilder(incremental).Build();
        Assert.True(first.Published, first.FatalError);
        Assert.Equal(Directory.GetFiles(Path.Combine(incremental.ContentDir, "sources"), "*.txt").Length, Entries(incremental).Length);

        Edit(incremental, "sources/" + Changed, t => t.Replace("Tiền Giang", "Tiền  Giang mới", StringComparison.Ordinal));
        var second = new AtlasBuilder(incremental).Build();
        Assert.True(second.Published, second.FatalError);

        var full = Copy(temp, "full") with { UseCache = false };
        Edit(full, "sources/" + Changed, t => t.Replace("Tiền Giang", "Tiền  Giang mới", StringComparison.Ordinal));
        var fresh = new AtlasBuilder(full).Build();
        Assert.True(fresh.Published, fresh.FatalError);
        Assert.False(Directory.Exists(full.CacheDir), "--no-cache writes no cache");

        AssertSameOutput(incremental, full);
    }

    [Fact]
    public void A_corrupt_or_truncated_entry_is_ignored()
    {
        using var temp = new TempDir();
        var options = Copy(temp, "a");
        Assert.True(new AtlasBuilder(options).Build().Published);
        var entries = Entries(options);
        Assert.NotEmpty(entries);
        File.WriteAllText(entries[0], "{ not json");
        File.WriteAllBytes(entries[^1], File.ReadAllBytes(entries[^1])[..100]);
        if (entries.Length > 2) File.WriteAllText(entries[1], "{\"Programme\":null}");

        var again = new AtlasBuilder(options).Build();
        Assert.True(again.Published, again.FatalError);
        Assert.DoesNotContain(again.Report.Documents, d => d.Status != "ok");

        var full = Copy(temp, "b") with { UseCache = false };
        Assert.True(new AtlasBuilder(full).Build().Published);
        AssertSameOutput(options, full);
    }

    [Fact]
    public void A_changed_override_file_or_registry_is_not_served_from_the_cache()
    {
        using var temp = new TempDir();
        var options = Copy(temp, "a");
        Assert.True(new AtlasBuilder(options).Build().Published);

        File.WriteAllText(Path.Combine(options.SourcesDir, Path.ChangeExtension(Changed, ".yml")), "place: Nơi Thử Nghiệm\n");
        Edit(options, "themes.yml", t => t + "\n# a comment changes the registry's bytes\n");
        var again = new AtlasBuilder(options).Build();
        Assert.True(again.Published, again.FatalError);
        var markdown = File.ReadAllText(Path.Combine(options.ProgrammesDir, Path.ChangeExtension(Changed, ".md")));
        Assert.Contains("Nơi Thử Nghiệm", markdown);

        var full = Copy(temp, "b") with { UseCache = false };
        File.WriteAllText(Path.Combine(full.SourcesDir, Path.ChangeExtension(Changed, ".yml")), "place: Nơi Thử Nghiệm\n");
        Edit(full, "themes.yml", t => t + "\n# a comment changes the registry's bytes\n");
        Assert.True(new AtlasBuilder(full).Build().Published);
        AssertSameOutput(options, full);
    }

    [Fact]
    public void Keys_depend_on_every_part_and_the_generator()
    {
        Assert.NotEqual(BuildCache.Key("a", "bc"), BuildCache.Key("ab", "c"));
        Assert.NotEqual(BuildCache.Key("a", null), BuildCache.Key("a", ""));
        Assert.Equal(BuildCache.Key("x", "y"), BuildCache.Key("x", "y"));
        Assert.Matches("^[0-9a-f]{64}$", BuildCache.Key("x"));
        Assert.Matches("^[0-9A-F]{64}$", BuildCache.GeneratorVersion);
    }

    [Fact]
    public void An_entry_written_as_a_stream_is_complete_or_absent()
    {
        using var temp = new TempDir();
        var cache = new BuildCache(temp["cache"]);
        string whole = BuildCache.Key("whole"), cut = BuildCache.Key("cut"), refused = BuildCache.Key("refused");
        cache.WriteWith("verify", whole, ".bin", stream => stream.Write("all of it"u8));
        Assert.Equal("all of it"u8.ToArray(), cache.Read("verify", whole, ".bin"));

        // A write that fails half-way leaves neither an entry nor its temporary file, and an older entry stays as it was.
        void Cut(Stream stream)
        {
            stream.Write("half"u8);
            throw new IOException("disk full");
        }
        cache.WriteWith("verify", cut, ".bin", Cut);
        cache.WriteWith("verify", whole, ".bin", Cut);
        // A failure of the writer itself (not of the disk) reaches the caller, with the partial file removed as well.
        Assert.Throws<InvalidOperationException>(() => cache.WriteWith("verify", refused, ".bin", stream =>
        {
            stream.Write("half"u8);
            throw new InvalidOperationException("a record the layout cannot hold");
        }));
        Assert.Null(cache.Read("verify", cut, ".bin"));
        Assert.Null(cache.Read("verify", refused, ".bin"));
        Assert.Equal("all of it"u8.ToArray(), cache.Read("verify", whole, ".bin"));
        Assert.Empty(Directory.GetFiles(temp["cache"], "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_default_cache_folder_is_next_to_content()
    {
        var options = new BuildOptions("/x/atlas/content", "/x/atlas/templates", "/x/atlas/site");
        Assert.Equal(Path.GetFullPath("/x/atlas/.cache"), options.CacheDir);
        Assert.Equal("/elsewhere", (options with { CacheDir = "/elsewhere" }).CacheDir);
    }
}
