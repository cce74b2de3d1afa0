namespace Atlas.Build;

/// <summary>A source file and its optional sidecar override (same name, <c>.yml</c>).</summary>
public sealed record SourceFile(string Path, string FileName, string? OverridesYaml)
{
    /// <summary>Why the document is not read as found (a symbolic link; a sidecar too large or unreadable): it then fails
    /// with this message, and its file is not read.</summary>
    public string? Problem { get; init; }
}

/// <summary>Lists content/sources/: every file but the sidecar .yml overrides, in ordinal name order.</summary>
public static class SourceFolder
{
    private static readonly string[] SidecarExtensions = [".yml", ".yaml"];

    public static IReadOnlyList<SourceFile> Read(string sourcesDir)
    {
        if (!Directory.Exists(sourcesDir)) return [];
        return Directory.EnumerateFiles(sourcesDir)
            .Where(p => !SidecarExtensions.Contains(Path.GetExtension(p), StringComparer.OrdinalIgnoreCase))
            .Where(p => !Path.GetFileName(p).StartsWith('.'))
            .OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal)
            .Select(Describe)
            .ToList();
    }

    private static SourceFile Describe(string sourcePath)
    {
        var name = Path.GetFileName(sourcePath);
        // A link may point anywhere on the machine (/etc/passwd, /dev/zero), and whatever a source holds is published.
        if (new FileInfo(sourcePath).LinkTarget is not null)
            return new SourceFile(sourcePath, name, null) { Problem = $"{name}: là liên kết tượng trưng, không đọc (a symbolic link: not read; copy the document itself into content/sources)" };
        var stem = Path.Combine(Path.GetDirectoryName(sourcePath)!, Path.GetFileNameWithoutExtension(sourcePath));
        foreach (var ext in SidecarExtensions)
        {
            var sidecar = stem + ext;
            if (!File.Exists(sidecar)) continue;
            if (new FileInfo(sidecar).Length > SourceGate.MaxOverrideBytes)
                return new SourceFile(sourcePath, name, null) { Problem = $"{Path.GetFileName(sidecar)}: tệp ghi đè quá lớn (override file larger than {SourceGate.MaxOverrideBytes / 1024} KB)" };
            try
            {
                return new SourceFile(sourcePath, name, File.ReadAllText(sidecar));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return new SourceFile(sourcePath, name, null) { Problem = $"{Path.GetFileName(sidecar)}: không đọc được (cannot read): {ex.Message}" };
            }
        }
        return new SourceFile(sourcePath, name, null);
    }
}
