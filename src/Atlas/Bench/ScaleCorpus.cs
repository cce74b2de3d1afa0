using System.Text;

namespace Atlas.Bench;

/// <summary>What <see cref="ScaleCorpus.Write"/> produced.</summary>
public sealed record CorpusSummary(string ContentDir, int Documents, long Bytes, IReadOnlyList<string> SkippedSeeds);

/// <summary>
/// Writes a scale corpus as a content folder a build can take: OUT/content/sources/*.txt plus copies of the
/// repository's registries (content/*.yml). The seeds are the repository's content/sources.
/// </summary>
public static class ScaleCorpus
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static CorpusSummary Write(string repoContentDir, string outDir, int count, ulong seed = CorpusGenerator.DefaultSeed, bool reword = false)
    {
        var provinces = ProvinceNames.Load(repoContentDir);
        var (seeds, skipped) = ReadSeeds(Path.Combine(repoContentDir, "sources"), provinces);
        var documents = new CorpusGenerator(seeds, provinces, seed, reword).Generate(count);

        var content = Path.Combine(outDir, "content");
        var sources = Path.Combine(content, "sources");
        // A previous, larger corpus must not leave documents behind.
        if (Directory.Exists(sources)) Directory.Delete(sources, recursive: true);
        Directory.CreateDirectory(sources);
        foreach (var registry in Directory.EnumerateFiles(repoContentDir).Where(IsYaml))
            File.Copy(registry, Path.Combine(content, Path.GetFileName(registry)), overwrite: true);

        long bytes = 0;
        foreach (var doc in documents)
        {
            var data = Utf8.GetBytes(doc.Text);
            File.WriteAllBytes(Path.Combine(sources, doc.FileName), data);
            bytes += data.Length;
        }
        return new CorpusSummary(content, documents.Count, bytes, skipped);
    }

    /// <summary>UTF-8 seeds whose province can be recognised; others are listed as skipped (never guessed).</summary>
    public static (IReadOnlyList<CorpusSeed> Seeds, IReadOnlyList<string> Skipped) ReadSeeds(string sourcesDir, IReadOnlyList<string> provinces)
    {
        var seeds = new List<CorpusSeed>();
        var skipped = new List<string>();
        var files = Directory.Exists(sourcesDir)
            ? Directory.EnumerateFiles(sourcesDir).Where(p => !IsYaml(p) && !Path.GetFileName(p).StartsWith('.')).OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        foreach (var path in files)
        {
            var name = Path.GetFileName(path);
            string text;
            try { text = Utf8.GetString(File.ReadAllBytes(path)); }
            catch (DecoderFallbackException) { skipped.Add(name + ": not UTF-8"); continue; }
            if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
            var province = CorpusGenerator.ProvinceOf(name, text, provinces);
            if (province is null) { skipped.Add(name + ": names no known province"); continue; }
            seeds.Add(new CorpusSeed(name, text, province));
        }
        return (seeds, skipped);
    }

    private static bool IsYaml(string path) =>
        Path.GetExtension(path) is ".yml" or ".yaml";
}
