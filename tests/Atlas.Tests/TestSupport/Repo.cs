namespace Atlas.Tests.TestSupport;

/// <summary>Paths into the repository the tests run from.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");
    public static string Sources => Path.Combine(Root, "content", "sources");
    public static string Templates => Path.Combine(Root, "templates");
    public static string Site => Path.Combine(Root, "site");

    public static string Source(string fileName) => Path.Combine(Sources, fileName);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Atlas.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Atlas.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder deleted when the test ends.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("atlas-test-").FullName;
    public string this[string relative] => System.IO.Path.Combine(Path, relative);
    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
