using System.Text.Json;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Robustness;

[CollectionDefinition(Name)]
public sealed class HostileAtlasCollection : ICollectionFixture<HostileAtlas>, ICollectionFixture<Browser>
{
    public const string Name = "hostile atlas";
}

/// <summary>Bad files in content/sources/ fail alone, with a message naming the file and the problem; the rest is published.</summary>
[Collection(HostileAtlasCollection.Name)]
public class BadInputBuildSpec(HostileAtlas atlas)
{
    [Fact]
    public void The_build_exits_with_1_but_publishes_every_good_programme()
    {
        Assert.True(atlas.ExitCode == 1, atlas.Output);
        foreach (var seed in Directory.EnumerateFiles(Repo.Sources, "*.txt"))
            Assert.True(File.Exists(Path.Combine(atlas.SiteDir, "programmes", Path.GetFileNameWithoutExtension(seed) + ".html")), $"{seed} not published\n{atlas.Output}");
        Assert.True(File.Exists(Path.Combine(atlas.SiteDir, "programmes", "hostile.html")), atlas.Output);
    }

    public static TheoryData<string, string> Failures()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, problem) in HostileAtlas.ExpectedErrors) data.Add(file, problem);
        return data;
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_bad_file_is_named_with_its_problem(string file, string problem)
    {
        // The console wraps long lines: read the message up to the next document's mark, whitespace collapsed.
        var flat = System.Text.RegularExpressions.Regex.Replace(atlas.Output, @"\s+", " ");
        var at = flat.IndexOf("✗ " + file + ":", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no failure line for {file} in:\n{atlas.Output}");
        var end = flat.IndexOf('✗', at + 1);
        Assert.Contains(problem, end < 0 ? flat[at..] : flat[at..end]);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_bad_file_is_in_the_ingest_report_as_failed(string file, string problem)
    {
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(atlas.ContentDir, "ingest-report.json")));
        var json = report.RootElement.GetRawText();
        Assert.Contains(file, json);
        Assert.Contains(problem, json);
    }

    [Fact]
    public void A_path_like_override_slug_writes_nothing_outside_the_site()
    {
        var root = Path.GetDirectoryName(atlas.SiteDir)!;
        Assert.False(File.Exists(Path.Combine(root, "x.html")));
        Assert.False(Directory.Exists(Path.Combine(root, "x")));
        Assert.DoesNotContain(Directory.EnumerateFiles(atlas.SiteDir, "*", SearchOption.AllDirectories),
            f => Path.GetFileName(f).Contains("passwd"));
    }

    [Fact]
    public void Two_sources_with_the_same_number_and_province_are_both_published_and_both_warned()
    {
        var report = File.ReadAllText(Path.Combine(atlas.ContentDir, "ingest-report.json"));
        using var doc = JsonDocument.Parse(report);
        var docs = doc.RootElement.EnumerateObject().Select(p => p.Value).FirstOrDefault(v => v.ValueKind == JsonValueKind.Array);
        if (docs.ValueKind != JsonValueKind.Array) docs = doc.RootElement;
        string Warnings(string source) => docs.EnumerateArray()
            .Where(d => d.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == source))
            .Select(d => d.GetRawText()).Single();
        Assert.Contains("hostile.txt", Warnings(HostileAtlas.Twin));
        Assert.Contains(HostileAtlas.Twin, Warnings("hostile.txt"));
        Assert.True(File.Exists(Path.Combine(atlas.SiteDir, "programmes", "hostile.html")));
        Assert.True(File.Exists(Path.Combine(atlas.SiteDir, "programmes", Path.GetFileNameWithoutExtension(HostileAtlas.Twin) + ".html")));
    }
}
