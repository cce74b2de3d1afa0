using Atlas.Build;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Build;

/// <summary>A sources folder with nothing in it yet (a new atlas) still builds: a whole site that lists no programme.</summary>
public class EmptySourcesSpec
{
    [Fact]
    public void An_empty_sources_folder_publishes_an_atlas_with_no_programmes()
    {
        using var t = new TempDir();
        var content = t["content"];
        Directory.CreateDirectory(Path.Combine(content, "sources"));
        foreach (var registry in Directory.EnumerateFiles(Repo.Content, "*.yml")) File.Copy(registry, Path.Combine(content, Path.GetFileName(registry)));

        var result = new AtlasBuilder(new BuildOptions(content, Repo.Templates, t["site"])).Build();

        Assert.Null(result.FatalError);
        Assert.True(result.Published);
        Assert.Empty(result.Report.Documents);
        Assert.True(File.Exists(Path.Combine(t["site"], "index.html")));
        var programmePages = Path.Combine(t["site"], "programmes");
        Assert.Empty(Directory.Exists(programmePages) ? Directory.GetFiles(programmePages).Where(f => Path.GetFileName(f) != "index.html") : []);
    }
}
