using Atlas.Ingest;
using Atlas.Ingest.Decoding;
using Atlas.Model;

namespace Atlas.Build;

/// <summary>
/// Reads one source for ingest without ever letting it take the build down: an oversized file is refused from its
/// length (never read into memory), an unreadable one or an ingest crash becomes that document's failure.
/// </summary>
public static class SourceGate
{
    /// <summary>A sidecar override is a few lines of YAML; anything bigger is a mistake, not an override.</summary>
    public const long MaxOverrideBytes = 256 * 1024;

    /// <param name="read">The file's bytes when the caller already read them (within <see cref="SourceDecoder.MaxBytes"/>), to
    /// key the build cache: the file is then not read a second time.</param>
    public static IngestOutcome Ingest(ProgrammeIngester ingester, SourceFile source, byte[]? read = null)
    {
        if (source.Problem is not null) return Fail(source, source.Problem);
        var bytes = read;
        if (bytes is null)
        {
            var length = new FileInfo(source.Path).Length;
            if (length > SourceDecoder.MaxBytes) return Fail(source, SourceDecoder.TooLargeMessage(length));
            try
            {
                bytes = File.ReadAllBytes(source.Path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return Fail(source, $"không đọc được tệp (cannot read the file): {ex.Message}");
            }
        }
        try
        {
            return ingester.Ingest(new SourceDocument(source.FileName, bytes), source.OverridesYaml);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug or an unforeseen input in one document must not stop the others from being published.
            return Fail(source, $"lỗi khi đọc văn bản (ingest failed): {ex.GetType().Name}: {ex.Message}");
        }
    }

    public static Rejected Fail(SourceFile source, string error) =>
        new(new DocumentReport(source.FileName, null, "failed", error, [], []));
}
