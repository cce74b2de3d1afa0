namespace Atlas.Build;

/// <summary>A source file and its optional sidecar override (same name, <c>.yml</c>).</summary>
public sealed record SourceFile(string Path, string FileName, string? OverridesYaml);

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
            .Select(p => new SourceFile(p, Path.GetFileName(p), ReadSidecar(p)))
            .ToList();
    }

    private static string? ReadSidecar(string sourcePath)
    {
        var stem = Path.Combine(Path.GetDirectoryName(sourcePath)!, Path.GetFileNameWithoutExtension(sourcePath));
        foreach (var ext in SidecarExtensions)
            if (File.Exists(stem + ext)) return File.ReadAllText(stem + ext);
        return null;
    }
}
