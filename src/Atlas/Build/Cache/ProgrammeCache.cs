using Atlas.Ingest;
using Atlas.Model;

namespace Atlas.Build.Cache;

/// <summary>
/// What one source gave, kept between builds in <c>.cache/ingest/</c>: the raw ingest outcome (before slug clashes and
/// duplicates are resolved across sources) and the programme's own analysis (themes, targets, assignments, references;
/// not the cross-programme similarity, which is recomputed). The key hashes the source's name and bytes, its override
/// file, the registries (content/*.yml) and the generator version: the same inputs give the same programme.
/// </summary>
public sealed record ProgrammeCacheEntry(Programme? Programme, DocumentReport Report, ProgrammeAnalysis? Analysis)
{
    public IngestOutcome ToOutcome() => Programme is null ? new Rejected(Report) : new Ingested(Programme, Report);
}

public sealed class ProgrammeCache(BuildCache cache, string registriesDigest)
{
    public const string Stage = "ingest";

    /// <summary>The digest of the registries under content/ that ingest and analysis read.</summary>
    public static string RegistriesDigest(string contentDir) =>
        BuildCache.DigestFiles(Directory.Exists(contentDir)
            ? Directory.EnumerateFiles(contentDir).Where(p => p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            : []);

    public bool Enabled => cache.Enabled;

    /// <summary>The key of a source given its bytes; null when it must not be cached (it has a <see cref="SourceFile.Problem"/>).</summary>
    public string? KeyOf(SourceFile source, byte[] bytes) =>
        source.Problem is not null ? null
            : BuildCache.Key("programme", source.FileName, BuildCache.Digest(bytes), source.OverridesYaml, registriesDigest);

    /// <summary>Entries are binary (<see cref="ProgrammeCacheFormat"/>): an incremental build reads every unchanged programme back.</summary>
    public const string Extension = ".bin";

    /// <summary>The entry, or null when it is absent or unusable (corrupt, another layout): then the work is done again.</summary>
    public ProgrammeCacheEntry? Read(string key) =>
        cache.Read(Stage, key, Extension) is { } bytes && ProgrammeCacheFormat.Read(bytes) is { Report: not null } entry ? entry : null;

    public void Write(string key, ProgrammeCacheEntry entry)
    {
        try
        {
            cache.WriteWith(Stage, key, Extension, stream => ProgrammeCacheFormat.Write(entry, stream));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // a record the layout cannot hold (e.g. a null where none is expected): not cached, redone next time
        }
    }

    public void Prune(IReadOnlySet<string> used) => cache.Prune(Stage, used);
}
