using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Atlas.Build.Cache;

/// <summary>
/// The build cache folder (<see cref="BuildOptions.CacheDir"/>): one sub-folder per stage (<c>ingest/</c>, <c>analyse/</c>,
/// <c>render/</c>, <c>search/</c>), one file per entry, named by the hash of everything that determines it. A key always
/// includes <see cref="GeneratorVersion"/>, so an entry made by another build of the generator is never used.
/// Best effort by design: a missing, corrupt or unreadable entry reads as absent and a failed write is dropped —
/// the caller then does the full work. Entries are written to a temporary file and moved in place, so a reader
/// never sees half an entry. Thread-safe; no state but the folder.
/// </summary>
public sealed class BuildCache
{
    private readonly string? root;

    /// <param name="root">The cache folder; null for a disabled cache (<c>--no-cache</c>): nothing is read or written.</param>
    public BuildCache(string? root) => this.root = root;

    public static BuildCache Disabled { get; } = new(null);

    public bool Enabled => root is not null;

    /// <summary>SHA-256 of the Atlas.Core assembly file: any change to the generator's code changes every key.</summary>
    public static string GeneratorVersion => Version.Value;

    private static readonly Lazy<string> Version = new(() =>
    {
        var path = typeof(BuildCache).Assembly.Location;
        try
        {
            return path.Length > 0 ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))) : Guid.NewGuid().ToString("N");
        }
        catch (IOException)
        {
            return Guid.NewGuid().ToString("N"); // unknown version: never matches an entry, so the cache is simply cold
        }
    });

    /// <summary>A key hashing the generator version and every part, each length-prefixed so parts cannot run into each other.</summary>
    public static string Key(params ReadOnlySpan<string?> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, GeneratorVersion);
        foreach (var part in parts) Append(hash, part);
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>Hex SHA-256 of some bytes, to put file contents into a <see cref="Key"/>.</summary>
    public static string Digest(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    /// <summary>One digest of several files (name and bytes, in ordinal name order); missing files count as absent.</summary>
    public static string DigestFiles(IEnumerable<string> paths)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in paths.OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal))
        {
            Append(hash, Path.GetFileName(path));
            Append(hash, File.Exists(path) ? Digest(File.ReadAllBytes(path)) : null);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string? part)
    {
        Span<byte> length = stackalloc byte[5];
        if (part is null)
        {
            length[0] = 0;
            hash.AppendData(length[..1]);
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(part);
        length[0] = 1;
        BitConverter.TryWriteBytes(length[1..], bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }

    /// <summary>The entry's bytes, or null when the cache is disabled, the entry is missing or cannot be read.</summary>
    /// <param name="extension">The file's extension (a stage with a binary layout uses its own, e.g. ".bin").</param>
    public byte[]? Read(string stage, string key, string extension = ".json")
    {
        if (root is null) return null;
        try
        {
            var path = PathOf(stage, key, extension);
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Stores an entry written straight to its file by <paramref name="write"/> (a large entry needs no copy in memory).
    /// File-system failures are ignored (the next build just does the work again); an exception from
    /// <paramref name="write"/> itself is passed on once the partial file is removed.
    /// </summary>
    public void WriteWith(string stage, string key, string extension, Action<Stream> write)
    {
        if (root is null) return;
        var path = PathOf(stage, key, extension);
        var temp = path + "." + Environment.ProcessId + "." + Environment.CurrentManagedThreadId + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16)) write(file);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex)
        {
            // Never leave half an entry behind; a file-system failure is dropped, anything else is the caller's to handle.
            try { File.Delete(temp); } catch (Exception again) when (again is IOException or UnauthorizedAccessException) { }
            if (ex is not (IOException or UnauthorizedAccessException)) throw;
        }
    }

    // The default (reflection) contract covers every record, including init-only properties added later, so a new
    // field is cached without touching the callers. Vietnamese text is written as UTF-8, not as \uXXXX escapes: entries
    // about half the size, read and written faster (a cache file is never served to a browser).
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The entry read as JSON; null when it is absent, unreadable, corrupt or from an incompatible layout.</summary>
    public T? ReadJson<T>(string stage, string key) where T : class
    {
        var bytes = Read(stage, key);
        if (bytes is null) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, Json);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Stores an entry as JSON (see <see cref="Write"/>).</summary>
    public void WriteJson<T>(string stage, string key, T value) =>
        WriteWith(stage, key, ".json", stream => JsonSerializer.Serialize(stream, value, Json));

    /// <summary>Deletes the stage's entries whose keys are not in <paramref name="keep"/>: stale entries would only grow the folder.</summary>
    public void Prune(string stage, IReadOnlySet<string> keep)
    {
        if (root is null) return;
        try
        {
            var dir = Path.Combine(root, stage);
            if (!Directory.Exists(dir)) return;
            foreach (var file in Directory.EnumerateFiles(dir))
            {
                var name = Path.GetFileName(file);
                if (name.EndsWith(".tmp", StringComparison.Ordinal) || !keep.Contains(Path.GetFileNameWithoutExtension(name)))
                    File.Delete(file);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private string PathOf(string stage, string key, string extension)
    {
        if (extension is not (".json" or ".bin")) throw new ArgumentException("an entry is .json or .bin", nameof(extension));
        if (stage.Length == 0 || stage.Any(c => !char.IsAsciiLetterLower(c))) throw new ArgumentException("a stage is a lower-case word", nameof(stage));
        if (key.Length == 0 || key.Any(c => !char.IsAsciiHexDigitLower(c))) throw new ArgumentException("a key is lower-case hex (see Key)", nameof(key));
        return Path.Combine(root!, stage, key + extension);
    }
}
