namespace Atlas.Build;

/// <summary>Where the build reads and writes. Defaults are the repository's standard folders.</summary>
public sealed record BuildOptions(string ContentDir, string TemplatesDir, string SiteDir)
{
    public string SourcesDir => Path.Combine(ContentDir, "sources");
    public string ProgrammesDir => Path.Combine(ContentDir, "programmes");
    public string ReportPath => Path.Combine(ContentDir, "ingest-report.json");

    private readonly string? cacheDir;

    /// <summary>The build cache (<see cref="Cache.BuildCache"/>); default <c>.cache</c> next to content/, ignored by git.</summary>
    public string CacheDir
    {
        get => cacheDir ?? Path.GetFullPath(Path.Combine(ContentDir, "..", ".cache"));
        init => cacheDir = value;
    }

    /// <summary>False for <c>atlas build --no-cache</c>: every stage does its full work and nothing is cached.</summary>
    public bool UseCache { get; init; } = true;

    public static BuildOptions ForRoot(string root) =>
        new(Path.Combine(root, "content"), Path.Combine(root, "templates"), Path.Combine(root, "site"));
}
