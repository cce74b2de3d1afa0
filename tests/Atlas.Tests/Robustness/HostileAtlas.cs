using System.Text;
using Atlas.Build;
using Atlas.Ingest.Decoding;
using Atlas.Tests.Ingest.Decoding;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Robustness;

/// <summary>
/// One build, through the real <c>atlas build</c> command, of the repository's content plus every kind of bad
/// input staff may drop into content/sources/: empty, blank, binary, unsure legacy encoding, oversized, a path-like
/// override slug, a duplicate, and a source full of markup and template syntax. Shared by the robustness specs.
/// </summary>
public sealed class HostileAtlas : IDisposable
{
    /// <summary>The global the hostile scripts would set (no underscores: ingest reads "__x__" as emphasis debris).</summary>
    public const string Pwn = "atlasPwned";
    public const string Twin = "tien-giang-38-ctr-tu-2023.txt";

    public static readonly string HostileLine =
        $"- Nội dung độc hại: <script>window.{Pwn}=1</script> <img src=x onerror=\"window.{Pwn}=2\"> " +
        $"[bấm vào đây](javascript:window.{Pwn}=3) [trang giả](http://evil.example/phish) <a href=\"javascript:alert(1)\">liên kết</a> " +
        "![ảnh](javascript:alert(1)) <https://evil.example/auto> {{ 1+1 }} {% if true %}có{% end %} &lt;b&gt; <svg onload=alert(1)> \"'`";

    public static readonly Dictionary<string, string> ExpectedErrors = new()
    {
        ["empty.txt"] = "empty file",
        ["blank.txt"] = "whitespace-only",
        ["image.txt"] = "binary file",
        ["scan.pdf"] = "PDF",
        ["legacy-unsure.txt"] = "Windows-1258",
        ["huge.txt"] = "file too large",
        ["traversal.txt"] = "slug refused",
        ["absolute.txt"] = "slug refused",
    };

    private readonly TempDir temp = new();

    public HostileAtlas()
    {
        BuiltSite.CopyDirectory(Repo.Content, temp["content"]);
        foreach (var generated in new[] { "programmes", "ingest-report.json" })
        {
            var path = Path.Combine(temp["content"], generated);
            if (Directory.Exists(path)) Directory.Delete(path, true);
            if (File.Exists(path)) File.Delete(path);
        }
        var sources = temp["content/sources"];
        File.WriteAllBytes(Path.Combine(sources, "empty.txt"), []);
        File.WriteAllText(Path.Combine(sources, "blank.txt"), "  \r\n\t\n   \n");
        File.WriteAllBytes(Path.Combine(sources, "image.txt"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        File.WriteAllBytes(Path.Combine(sources, "scan.pdf"), Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"));
        File.WriteAllBytes(Path.Combine(sources, "legacy-unsure.txt"), LegacyText.Windows1258("CHƯƠNG TRÌNH HÀNH ĐỘNG\nI. MỤC TIÊU\n- Phát triển."));
        using (var f = File.Create(Path.Combine(sources, "huge.txt"))) f.SetLength(SourceDecoder.MaxBytes + 1);
        var seedText = File.ReadAllText(Repo.Source("quang-ngai-nq29.txt"));
        File.WriteAllText(Path.Combine(sources, "traversal.txt"), seedText);
        File.WriteAllText(Path.Combine(sources, "traversal.yml"), "slug: ../../x\n");
        File.WriteAllText(Path.Combine(sources, "absolute.txt"), seedText);
        File.WriteAllText(Path.Combine(sources, "absolute.yml"), "slug: /etc/passwd\n");
        File.WriteAllText(Path.Combine(sources, "hostile.txt"), Hostile(File.ReadAllText(Repo.Source(Twin))));
        File.WriteAllText(Path.Combine(sources, "hostile.yml"), $"title: \"Chương trình <script>window.{Pwn}=4</script> {{{{ 1+1 }}}}\"\n");

        Options = new BuildOptions(temp["content"], Repo.Templates, temp["site"]);
        (ExitCode, Output) = AtlasCli.Run(temp.Path, "build", "--content", Options.ContentDir, "--templates", Options.TemplatesDir, "--site", Options.SiteDir);
    }

    /// <summary>The seed with hostile text in a passage, in a heading and in a field line.</summary>
    private static string Hostile(string seed)
    {
        var lines = seed.ReplaceLineEndings("\n").Split('\n').ToList();
        int passage = lines.FindIndex(l => l.StartsWith("- ", StringComparison.Ordinal));
        lines.Insert(passage + 1, "");
        lines.Insert(passage + 2, HostileLine);
        lines.Insert(passage + 3, "");
        lines.Insert(passage + 4, "- Thời hạn {{ 1+1 }} <b onmouseover=alert(1)>đậm</b> [x](javascript:alert(1)).");
        return string.Join('\n', lines);
    }

    public BuildOptions Options { get; }
    public int ExitCode { get; }
    public string Output { get; }
    public string SiteDir => Options.SiteDir;
    public string ContentDir => Options.ContentDir;

    public void Dispose() => temp.Dispose();
}
