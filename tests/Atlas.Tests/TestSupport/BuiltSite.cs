using Atlas.Build;

namespace Atlas.Tests.TestSupport;

/// <summary>
/// One full build of the repository's content into a temporary site folder, shared by every test
/// in the "built site" collection so the (slow) build runs once per test run.
/// Content is copied first so the build never writes into the repository.
/// </summary>
public sealed class BuiltSite : IDisposable
{
    private readonly TempDir temp = new();

    public BuiltSite()
    {
        CopyDirectory(Repo.Content, temp["content"]);
        Options = new BuildOptions(temp["content"], Repo.Templates, temp["site"]);
        Result = new AtlasBuilder(Options).Build();
    }

    public BuildOptions Options { get; }
    public BuildResult Result { get; }
    public string SiteDir => Options.SiteDir;
    public string ContentDir => Options.ContentDir;

    public string Page(string relative) => Path.Combine(SiteDir, relative);

    public static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }

    public void Dispose() => temp.Dispose();
}

[CollectionDefinition(Name)]
public sealed class BuiltSiteCollection : ICollectionFixture<BuiltSite>
{
    public const string Name = "built site";
}
