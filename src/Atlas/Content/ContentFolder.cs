using System.Text;
using Atlas.Model;

namespace Atlas.Content;

/// <summary>
/// Lets a build leave a programme's Markdown as it is when it would be written with the same bytes (incremental build);
/// without it every file is made again and compared.
/// </summary>
public interface IUnchangedContent
{
    /// <summary>True when the file at <paramref name="path"/> already holds <paramref name="programme"/>'s Markdown.</summary>
    bool Unchanged(string path, AnalysedProgramme programme);
}

/// <summary>Writes the reviewable record of ingest: content/programmes/&lt;slug&gt;.md and content/ingest-report.json.</summary>
public static class ContentFolder
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string contentDir, IReadOnlyList<AnalysedProgramme> programmes, IngestReport report, IUnchangedContent? unchanged = null)
    {
        var dir = Path.Combine(contentDir, "programmes");
        Directory.CreateDirectory(dir);
        var written = new HashSet<string>(StringComparer.Ordinal);
        var unique = new List<AnalysedProgramme>();
        foreach (var analysed in programmes.OrderBy(p => p.Programme.Slug, StringComparer.Ordinal))
            if (written.Add(analysed.Programme.Slug + ".md")) unique.Add(analysed); // a duplicate slug is reported by the build; the first (in slug order) wins
        // Each file is its own: written in parallel, the bytes do not depend on the order they finish in.
        Parallel.ForEach(unique, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            analysed =>
            {
                var path = Path.Combine(dir, analysed.Programme.Slug + ".md");
                if (unchanged?.Unchanged(path, analysed) != true) WriteIfChanged(path, ProgrammeMarkdown.Write(analysed));
            });
        // Markdown of sources that are gone, renamed or failed this time must not linger as if still valid.
        foreach (var stale in Directory.EnumerateFiles(dir, "*.md"))
            if (!written.Contains(Path.GetFileName(stale))) File.Delete(stale);
        WriteIfChanged(Path.Combine(contentDir, "ingest-report.json"), IngestReportJson.Write(report));
    }

    /// <summary>Writes through a temporary file so a crash never leaves half a file; unchanged files are not touched.</summary>
    private static void WriteIfChanged(string path, string text)
    {
        var bytes = Utf8.GetBytes(text);
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)) return;
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}
