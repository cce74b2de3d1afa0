using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Atlas.Ingest;
using Atlas.Model;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Ingest;

/// <summary>The five seed programmes and helpers to ingest them, or variants of them, in memory.</summary>
public static class Seeds
{
    public const string TienGiang = "tien-giang-38-ctr-tu-2023.txt";
    public const string KienGiang = "kien-giang-phat-trien-cong-nghiep-2021-2025.txt";
    public const string ThaiBinh = "thai-binh-nq29-2023.txt";
    public const string QuangNgai = "quang-ngai-nq29.txt";
    public const string HauGiang = "hau-giang-123-ctr-tu-2022.txt";

    public static readonly string[] All = [TienGiang, KienGiang, ThaiBinh, QuangNgai, HauGiang];

    public static string Text(string seed) => File.ReadAllText(Repo.Source(seed), Encoding.UTF8);

    public static Ingested Ingest(string seed) => IngestText(seed, Text(seed));

    public static Ingested IngestText(string fileName, string text, string? overrides = null) =>
        Assert.IsType<Ingested>(new ProgrammeIngester().Ingest(new SourceDocument(fileName, Encoding.UTF8.GetBytes(text)), overrides));

    public static IngestOutcome IngestBytes(string fileName, byte[] bytes, string? overrides = null) =>
        new ProgrammeIngester().Ingest(new SourceDocument(fileName, bytes), overrides);

    /// <summary>Everything ingest understood, minus the source's identity (hash, encoding), as comparable text.</summary>
    public static string Understood(Programme p) =>
        JsonSerializer.Serialize(p with { Source = new SourceInfo("", "", "") },
            new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static IEnumerable<Section> AllSections(IEnumerable<Section> roots) =>
        roots.SelectMany(s => new[] { s }.Concat(AllSections(s.Children)));

    public static Section SectionAt(Programme p, params string[] path) =>
        AllSections(p.Sections).Single(s => s.Path.SequenceEqual(path));

    /// <summary>Re-wraps every line at <paramref name="width"/> columns the way a text editor's "hard wrap" does.</summary>
    public static string HardWrap(string text, int width)
    {
        var sb = new StringBuilder();
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (line.Length <= width || words.Length == 0) { sb.Append(line).Append('\n'); continue; }
            var current = new StringBuilder();
            foreach (var w in words)
            {
                if (current.Length > 0 && current.Length + 1 + w.Length > width)
                {
                    sb.Append(current).Append('\n');
                    current.Clear();
                }
                if (current.Length > 0) current.Append(' ');
                current.Append(w);
            }
            sb.Append(current).Append('\n');
        }
        return sb.ToString();
    }
}
