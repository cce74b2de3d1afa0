namespace Atlas.Build;

/// <summary>Where the build reads and writes. Defaults are the repository's standard folders.</summary>
public sealed record BuildOptions(string ContentDir, string TemplatesDir, string SiteDir)
{
    public string SourcesDir => Path.Combine(ContentDir, "sources");
    public string ProgrammesDir => Path.Combine(ContentDir, "programmes");
    public string ReportPath => Path.Combine(ContentDir, "ingest-report.json");

    public static BuildOptions ForRoot(string root) =>
        new(Path.Combine(root, "content"), Path.Combine(root, "templates"), Path.Combine(root, "site"));
}
