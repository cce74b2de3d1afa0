using System.Collections.Concurrent;
using Atlas.Content;
using Atlas.Model;

namespace Atlas.Build.Cache;

/// <summary>What content/programmes/&lt;slug&gt;.md was written from (the programme's ingest key) and the file as written.</summary>
public sealed record WrittenMarkdown(string Inputs, long Length, long ModifiedTicks);

/// <summary>The Markdown files of one content folder: <c>.cache/content/&lt;key of the folder&gt;.json</c>.</summary>
public sealed record ContentManifest(string Folder, Dictionary<string, WrittenMarkdown> Files);

/// <summary>
/// Incremental content/ (<see cref="IUnchangedContent"/>): a programme's Markdown is made from the programme and its own
/// analysis alone, and both are a function of its ingest key (the source's name and bytes, its override file, the
/// registries, the generator: <see cref="ProgrammeCache.KeyOf"/>). So when a programme comes with the key its file was last
/// written from, and the file is still as written (length and modification time: edited by hand, it is written again),
/// the Markdown is not made again; at 1,000 programmes making it was a second of processor time in every rebuild. A
/// programme without a key (not cacheable, or changed after ingest, e.g. a slug clash resolved) is always written.
/// </summary>
public sealed class ContentCarryOver : IUnchangedContent
{
    public const string Stage = "content";

    private readonly BuildCache cache;
    private readonly string folder;
    private readonly string manifestKey;
    private readonly IReadOnlyDictionary<Programme, string> keys;
    private readonly IReadOnlyDictionary<string, WrittenMarkdown> previous;
    private readonly ConcurrentDictionary<string, string> current = new(StringComparer.Ordinal);
    private int reused;

    /// <param name="keys">Each ingested programme (the very object ingest gave: a record changed since is another object) with its ingest key.</param>
    public ContentCarryOver(BuildCache cache, string programmesDir, IEnumerable<(Programme Programme, string Key)> keys)
    {
        this.cache = cache;
        folder = Path.GetFullPath(programmesDir);
        manifestKey = BuildCache.Key("markdown", folder);
        var byProgramme = new Dictionary<Programme, string>(ReferenceEqualityComparer.Instance);
        foreach (var (programme, key) in keys) byProgramme[programme] = key;
        this.keys = byProgramme;
        previous = cache.ReadJson<ContentManifest>(Stage, manifestKey) is { Files: not null } manifest && manifest.Folder == folder
            ? manifest.Files.Where(kv => kv.Value?.Inputs is not null).ToDictionary(StringComparer.Ordinal)
            : new Dictionary<string, WrittenMarkdown>();
    }

    /// <summary>Markdown files left as they were by this build.</summary>
    public int Reused => reused;

    public bool Unchanged(string path, AnalysedProgramme programme)
    {
        if (!keys.TryGetValue(programme.Programme, out var inputs)) return false;
        var name = Path.GetFileName(path);
        current[name] = inputs;
        if (!previous.TryGetValue(name, out var was) || was.Inputs != inputs) return false;
        var info = new FileInfo(path);
        if (!info.Exists || info.Length != was.Length || info.LastWriteTimeUtc.Ticks != was.ModifiedTicks) return false;
        Interlocked.Increment(ref reused);
        return true;
    }

    /// <summary>Records the files as they now are; call once content/ is written.</summary>
    public void Save()
    {
        var files = new Dictionary<string, WrittenMarkdown>(StringComparer.Ordinal);
        foreach (var (name, inputs) in current.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var info = new FileInfo(Path.Combine(folder, name));
            if (info.Exists) files[name] = new WrittenMarkdown(inputs, info.Length, info.LastWriteTimeUtc.Ticks);
        }
        cache.WriteJson(Stage, manifestKey, new ContentManifest(folder, files));
        cache.Prune(Stage, new HashSet<string>([manifestKey], StringComparer.Ordinal));
    }
}
