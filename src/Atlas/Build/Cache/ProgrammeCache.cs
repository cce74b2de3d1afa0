using System.Text.Json;
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

    // Immutable once built; the default (reflection) contract covers every record of the model, including
    // init-only properties added later, so a new model field is cached without touching this class.
    // Vietnamese text is written as UTF-8, not as \uXXXX escapes: entries about half the size, read and written faster
    // (a cache file is never served to a browser, so HTML-safe escaping buys nothing).
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The digest of the registries under content/ that ingest and analysis read.</summary>
    public static string RegistriesDigest(string contentDir) =>
        BuildCache.DigestFiles(Directory.Exists(contentDir)
            ? Directory.EnumerateFiles(contentDir).Where(p => p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            : []);

    public bool Enabled => cache.Enabled;

    /// <summary>The key of a source given its bytes; null when it must not be cached (its override file could not be read).</summary>
    public string? KeyOf(SourceFile source, byte[] bytes) =>
        source.OverridesError is not null ? null
            : BuildCache.Key("programme", source.FileName, BuildCache.Digest(bytes), source.OverridesYaml, registriesDigest);

    public ProgrammeCacheEntry? Read(string key)
    {
        var bytes = cache.Read(Stage, key);
        if (bytes is null) return null;
        try
        {
            var entry = JsonSerializer.Deserialize<ProgrammeCacheEntry>(bytes, Json);
            return entry?.Report is null ? null : entry;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            return null; // corrupt or from an incompatible layout: do the work again
        }
    }

    public void Write(string key, ProgrammeCacheEntry entry) =>
        cache.Write(Stage, key, JsonSerializer.SerializeToUtf8Bytes(entry, Json));

    public void Prune(IReadOnlySet<string> used) => cache.Prune(Stage, used);
}
