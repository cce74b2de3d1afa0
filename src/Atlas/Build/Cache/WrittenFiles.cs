using System.Collections.Concurrent;

namespace Atlas.Build.Cache;

/// <summary>What a file was made from (<see cref="Inputs"/>, a digest) and the file as written (length and modification
/// time), so a file edited or rewritten since is never taken for the one that was written.</summary>
public sealed record WrittenFile(string Inputs, long Length, long ModifiedTicks);

/// <summary>The files one build wrote into one folder: <c>.cache/&lt;stage&gt;/&lt;key of the folder&gt;.json</c>.</summary>
public sealed record WrittenFolder(string Folder, Dictionary<string, WrittenFile> Files);

/// <summary>
/// The record an incremental stage keeps of the files it writes into a folder (pages into site/, Markdown into
/// content/programmes): which inputs each was made from, so the next build can leave a file whose inputs are unchanged
/// as it is. The folder itself is only read; <see cref="Save"/> records it once it holds this build's files.
/// </summary>
internal sealed class WrittenFiles
{
    private readonly BuildCache cache;
    private readonly string stage;
    private readonly string key;
    private readonly IReadOnlyDictionary<string, WrittenFile> previous;
    private readonly ConcurrentDictionary<string, string> current = new(StringComparer.Ordinal);

    public WrittenFiles(BuildCache cache, string stage, string folder)
    {
        this.cache = cache;
        this.stage = stage;
        Folder = Path.GetFullPath(folder);
        key = BuildCache.Key(stage, Folder);
        // Absent or corrupt, or another folder's: every file is written again.
        previous = cache.ReadJson<WrittenFolder>(stage, key) is { Files: not null } written && written.Folder == Folder
            ? written.Files.Where(kv => kv.Value?.Inputs is not null).ToDictionary(StringComparer.Ordinal)
            : new Dictionary<string, WrittenFile>();
    }

    public string Folder { get; }

    /// <summary>
    /// Notes that this build makes <paramref name="name"/> (a path under the folder) from <paramref name="inputs"/>, and
    /// says whether the file there is still the one the last build made from the same inputs.
    /// </summary>
    public bool Unchanged(string name, string inputs)
    {
        current[name] = inputs;
        if (!previous.TryGetValue(name, out var was) || was.Inputs != inputs) return false;
        var info = new FileInfo(Path.Combine(Folder, name));
        return info.Exists && info.Length == was.Length && info.LastWriteTimeUtc.Ticks == was.ModifiedTicks;
    }

    /// <summary>The inputs this build noted for <paramref name="name"/>; null if it noted none.</summary>
    public string? InputsOf(string name) => current.GetValueOrDefault(name);

    /// <summary>Records the noted files as the folder now holds them; call once it does.</summary>
    public void Save()
    {
        var files = new Dictionary<string, WrittenFile>(StringComparer.Ordinal);
        foreach (var (name, inputs) in current.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var info = new FileInfo(Path.Combine(Folder, name));
            if (info.Exists) files[name] = new WrittenFile(inputs, info.Length, info.LastWriteTimeUtc.Ticks);
        }
        cache.WriteJson(stage, key, new WrittenFolder(Folder, files));
        cache.Prune(stage, new HashSet<string>([key], StringComparer.Ordinal));
    }
}
