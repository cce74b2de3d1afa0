using Atlas.Content;
using Atlas.Model;

namespace Atlas.Build.Cache;

/// <summary>
/// Incremental content/ (<see cref="IUnchangedContent"/>): a programme's Markdown is made from the programme and its own
/// analysis alone, and both are a function of its ingest key (the source's name and bytes, its override file, the
/// registries, the generator: <see cref="ProgrammeCache.KeyOf"/>). So when a programme comes with the key its file was last
/// written from, and the file is still as written (edited by hand, it is written again), the Markdown is not made again;
/// at 1,000 programmes making it was a second of processor time in every rebuild. A programme without a key (not
/// cacheable, or changed after ingest, e.g. a slug clash resolved) is always written. Kept in <c>.cache/content/</c>.
/// </summary>
public sealed class ContentCarryOver : IUnchangedContent
{
    public const string Stage = "content";

    private readonly WrittenFiles written;
    private readonly IReadOnlyDictionary<Programme, string> keys;
    private int reused;

    /// <param name="keys">Each ingested programme (the very object ingest gave: a record changed since is another object) with its ingest key.</param>
    public ContentCarryOver(BuildCache cache, string programmesDir, IEnumerable<(Programme Programme, string Key)> keys)
    {
        written = new WrittenFiles(cache, Stage, programmesDir);
        var byProgramme = new Dictionary<Programme, string>(ReferenceEqualityComparer.Instance);
        foreach (var (programme, key) in keys) byProgramme[programme] = key;
        this.keys = byProgramme;
    }

    /// <summary>Markdown files left as they were by this build.</summary>
    public int Reused => reused;

    public bool Unchanged(string path, AnalysedProgramme programme)
    {
        if (!keys.TryGetValue(programme.Programme, out var inputs) || !written.Unchanged(Path.GetFileName(path), inputs)) return false;
        Interlocked.Increment(ref reused);
        return true;
    }

    /// <summary>Records the files as they now are; call once content/ is written.</summary>
    public void Save() => written.Save();
}
