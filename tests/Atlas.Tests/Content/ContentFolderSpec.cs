using System.Text;
using Atlas.Content;
using Atlas.Ingest;
using Atlas.Model;
using Atlas.Tests.Ingest;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Content;

/// <summary>content/programmes/&lt;slug&gt;.md and content/ingest-report.json: reviewable, annotated, byte-for-byte reproducible.</summary>
public class ContentFolderSpec
{
    private static IReadOnlyList<Ingested> AllSeeds() => Seeds.All.Select(Seeds.Ingest).ToList();

    private static IngestReport ReportOf(IEnumerable<Ingested> ingested) => new(ingested.Select(i => i.Report).ToList());

    private static List<AnalysedProgramme> Analysed(IEnumerable<Ingested> ingested) =>
        ingested.Select(i => new AnalysedProgramme(i.Programme, ProgrammeAnalysis.Empty)).ToList();

    [Fact]
    public void Writes_one_markdown_file_per_programme_and_the_report()
    {
        using var temp = new TempDir();
        var seeds = AllSeeds();
        ContentFolder.Write(temp.Path, Analysed(seeds), ReportOf(seeds));
        var files = Directory.GetFiles(temp["programmes"]).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(seeds.Select(s => s.Programme.Slug + ".md").Order(StringComparer.Ordinal), files);
        Assert.True(File.Exists(temp["ingest-report.json"]));
    }

    [Fact]
    public void Writing_the_same_input_twice_gives_identical_bytes()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        ContentFolder.Write(a.Path, Analysed(AllSeeds()), ReportOf(AllSeeds()));
        ContentFolder.Write(b.Path, Analysed(AllSeeds()), ReportOf(AllSeeds()));
        foreach (var file in Directory.GetFiles(a.Path, "*", SearchOption.AllDirectories))
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(b.Path, Path.GetRelativePath(a.Path, file))));
    }

    [Fact]
    public void Markdown_of_sources_that_are_gone_is_removed()
    {
        using var temp = new TempDir();
        var seeds = AllSeeds();
        ContentFolder.Write(temp.Path, Analysed(seeds), ReportOf(seeds));
        File.WriteAllText(temp["programmes/old-programme.md"], "---\n---\n");
        var fewer = seeds.Take(2).ToList();
        ContentFolder.Write(temp.Path, Analysed(fewer), ReportOf(fewer));
        Assert.Equal(fewer.Select(s => s.Programme.Slug + ".md").Order(StringComparer.Ordinal),
            Directory.GetFiles(temp["programmes"]).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Front_matter_reads_back_as_the_same_metadata()
    {
        foreach (var ingested in AllSeeds())
        {
            var p = ingested.Programme;
            var markdown = ProgrammeMarkdown.Write(new AnalysedProgramme(p, ProgrammeAnalysis.Empty));
            var front = ProgrammeMarkdownReader.ReadFrontMatter(markdown);
            var back = front.ToMetadata();
            Assert.Equal(p.Slug, front.Slug);
            Assert.Equal(p.Metadata.Title, back.Title);
            Assert.Equal(p.Metadata.Province, back.Province);
            Assert.Equal(p.Metadata.Issuer, back.Issuer);
            Assert.Equal(p.Metadata.Number, back.Number);
            Assert.Equal(p.Metadata.Date, back.Date);
            Assert.Equal(p.Metadata.Place, back.Place);
            Assert.Equal(p.Metadata.Implements, back.Implements);
            Assert.Equal(p.Metadata.Signatory, back.Signatory);
            Assert.Equal(p.Metadata.HorizonYears, back.HorizonYears);
            Assert.Equal(p.Source.Sha256, front.Source!.Sha256);
            Assert.Equal(p.Source.FileName, front.Source.File);
            Assert.Equal("utf-8", front.Source.Encoding);
        }
    }

    [Fact]
    public void Headings_and_passages_carry_their_ids_and_analysis_annotations()
    {
        var p = Seeds.Ingest(Seeds.TienGiang).Programme;
        var passage = p.Passages.First(x => x.SectionId == "s-iii-2");
        var analysis = ProgrammeAnalysis.Empty with
        {
            Themes = [new PassageTheme(passage.Id, "industry", "keyword", "công nghiệp")],
            Targets = [new Target(passage.Id, "grdp-growth", Comparator.AtLeast, 7m, null, "%", null, 2030, "7%", false)],
        };
        var markdown = ProgrammeMarkdown.Write(new AnalysedProgramme(p, analysis));
        Assert.Contains("\n## III. NHIỆM VỤ VÀ GIẢI PHÁP {#s-iii}\n", markdown);
        Assert.Contains("\n### 2. Triển khai thực hiện cơ chế, chính sách thúc đẩy công nghiệp hóa, hiện đại hóa {#s-iii-2}\n", markdown);
        Assert.Contains($" {{#{passage.Id} .indicator-grdp-growth .target .theme-industry}}\n", markdown);
        Assert.Contains(" {#s-0-p1}\n", markdown);
        foreach (var x in p.Passages) Assert.Contains("{#" + x.Id, markdown);
    }

    [Fact]
    public void Markdown_renders_with_the_ids_as_anchors()
    {
        var p = Seeds.Ingest(Seeds.QuangNgai).Programme;
        var markdown = ProgrammeMarkdown.Write(new AnalysedProgramme(p, ProgrammeAnalysis.Empty));
        var body = markdown[(markdown.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..];
        var pipeline = Markdig.MarkdownExtensions.UseGenericAttributes(new Markdig.MarkdownPipelineBuilder()).Build();
        var html = Markdig.Markdown.ToHtml(body, pipeline);
        Assert.Contains("id=\"s-iii-1\"", html);
        Assert.Contains("id=\"s-iii-1-p1\"", html);
        Assert.Contains("Cơ quan chỉ đạo:", html);
        foreach (var x in p.Passages) Assert.Contains($"id=\"{x.Id}\"", html);
        Assert.DoesNotContain("{#", html);
    }

    [Fact]
    public void The_report_is_indented_utf8_json_without_escaped_vietnamese()
    {
        using var temp = new TempDir();
        var seeds = AllSeeds();
        var failed = Assert.IsType<Rejected>(Seeds.IngestBytes("rong.txt", []));
        var report = new IngestReport(seeds.Select(s => s.Report).Append(failed.Report).ToList());
        ContentFolder.Write(temp.Path, Analysed(seeds), report);
        var bytes = File.ReadAllBytes(temp["ingest-report.json"]);
        Assert.False(bytes.Take(3).SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }));
        var json = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\"province\"", json);
        Assert.Contains("Kiên Giang nằm xa", json);
        Assert.DoesNotContain("\\u", json);
        Assert.Contains("\n  \"documents\": [", json);
        Assert.Contains("\"status\": \"failed\"", json);
        var back = IngestReportJson.Read(json)!;
        Assert.Equal(6, back.Documents.Count);
        Assert.Equal("inferred", back.Documents.Single(d => d.Source == Seeds.KienGiang).Fields.Single(f => f.Field == "province").State);
    }

    [Fact]
    public void Passage_text_that_looks_like_markdown_is_escaped()
    {
        Assert.Equal("1\\. x", ProgrammeMarkdown.Escape("1. x", atStart: true));
        Assert.Equal("\\# a \\*b\\* \\{c\\}", ProgrammeMarkdown.Escape("# a *b* {c}", atStart: true));
    }
}
