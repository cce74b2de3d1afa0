using System.Text;
using Atlas.Bench;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Bench;

/// <summary>The scale corpus for bench/run.sh: deterministic, re-addressed to other provinces, every document distinct.</summary>
public sealed class CorpusGeneratorSpec
{
    private static readonly IReadOnlyList<string> Provinces = ProvinceNames.Load(Repo.Content);

    [Fact]
    public void The_same_count_writes_the_same_bytes()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        ScaleCorpus.Write(Repo.Content, a.Path, 12);
        ScaleCorpus.Write(Repo.Content, b.Path, 12);

        var filesA = Files(a["content/sources"]);
        var filesB = Files(b["content/sources"]);
        Assert.Equal(12, filesA.Count);
        Assert.Equal(filesA.Keys, filesB.Keys);
        foreach (var (name, bytes) in filesA) Assert.True(bytes.SequenceEqual(filesB[name]), name + " differs between two runs");
    }

    [Fact]
    public void A_smaller_corpus_is_the_start_of_a_larger_one()
    {
        var (seeds, _) = ScaleCorpus.ReadSeeds(Repo.Sources, Provinces);
        var small = new CorpusGenerator(seeds, Provinces).Generate(7);
        var large = new CorpusGenerator(seeds, Provinces).Generate(20);
        Assert.Equal(small, large.Take(7));
    }

    [Fact]
    public void Every_seed_is_recognised_with_its_own_province()
    {
        var (seeds, skipped) = ScaleCorpus.ReadSeeds(Repo.Sources, Provinces);
        Assert.Empty(skipped);
        Assert.Equal(Directory.EnumerateFiles(Repo.Sources, "*.txt").Count(), seeds.Count);
        var tienGiang = seeds.Single(s => s.FileName.StartsWith("tien-giang", StringComparison.Ordinal));
        // Its text names Long An as often as Tiền Giang; the header and the file name decide.
        Assert.Equal("Tiền Giang", tienGiang.Province);
        Assert.Equal("Kiên Giang", seeds.Single(s => s.FileName.StartsWith("kien-giang", StringComparison.Ordinal)).Province);
    }

    [Fact]
    public void The_seed_province_is_replaced_in_composed_decomposed_and_upper_case_forms()
    {
        var nfc = "Hậu Giang";
        var text = $"TỈNH ỦY {nfc.ToUpperInvariant()}\nSố 123-CTr/TU\n{nfc}, ngày 22 tháng 8 năm 2022\n"
                 + $"tỉnh {nfc.Normalize(NormalizationForm.FormD)} và {nfc.ToUpperInvariant().Normalize(NormalizationForm.FormD)}; "
                 + $"Chương trình 123-CTr/TU; Hậu Giangxyz is not a mention.\n";
        var seed = new CorpusSeed("hau-giang-123-ctr-tu-2022.txt", text, nfc);
        var doc = new CorpusGenerator([seed], ["Đắk Lắk"]).Generate(1).Single();

        Assert.Equal(0, NameReplacer.CountMentions(doc.Text, nfc));
        Assert.Contains("TỈNH ỦY ĐẮK LẮK", doc.Text);
        Assert.Contains("Đắk Lắk, ngày", doc.Text);
        Assert.Contains("tỉnh " + "Đắk Lắk".Normalize(NormalizationForm.FormD) + " và", doc.Text);
        Assert.Contains("ĐẮK LẮK".Normalize(NormalizationForm.FormD) + ";", doc.Text);
        Assert.Contains("Hậu Giangxyz", doc.Text);
        Assert.DoesNotContain("123-CTr/TU", doc.Text);
        Assert.Matches(@"Số \d+-CTr/TU\n[\s\S]*Chương trình \d+-CTr/TU", doc.Text);
        Assert.Equal("dak-lak-123-ctr-tu-2022-0001.txt", doc.FileName);
    }

    [Fact]
    public void Generated_documents_no_longer_name_their_seed_province()
    {
        var (seeds, _) = ScaleCorpus.ReadSeeds(Repo.Sources, Provinces);
        var docs = new CorpusGenerator(seeds, Provinces).Generate(40);
        foreach (var doc in docs)
        {
            var seed = seeds.Single(s => s.FileName == doc.SeedFileName);
            if (doc.Province == seed.Province) continue;
            Assert.True(NameReplacer.CountMentions(doc.Text, seed.Province) == 0, $"{doc.FileName} still names {seed.Province}");
            Assert.True(NameReplacer.CountMentions(doc.Text, doc.Province) > 0, $"{doc.FileName} does not name {doc.Province}");
        }
    }

    [Fact]
    public void N_documents_are_distinct_and_the_first_63_name_different_provinces()
    {
        var (seeds, _) = ScaleCorpus.ReadSeeds(Repo.Sources, Provinces);
        var docs = new CorpusGenerator(seeds, Provinces).Generate(130);

        Assert.Equal(130, docs.Select(d => d.Text).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(130, docs.Select(d => d.FileName).Distinct(StringComparer.Ordinal).Count());
        var first = docs.Take(Provinces.Count).Select(d => d.Province).ToList();
        Assert.Equal(first.Count, first.Distinct(StringComparer.Ordinal).Count());
        Assert.True(Provinces.Count >= 63, $"only {Provinces.Count} province names");
        // Realistic size: each document stays within a few percent of its seed.
        foreach (var doc in docs)
        {
            var seed = seeds.Single(s => s.FileName == doc.SeedFileName);
            Assert.InRange(doc.Text.Length, seed.Text.Length * 0.97, seed.Text.Length * 1.03);
        }
    }

    [Fact]
    public void A_reworded_corpus_copies_no_long_paragraph_word_for_word()
    {
        var (seeds, _) = ScaleCorpus.ReadSeeds(Repo.Sources, Provinces);
        static double Repeated(IEnumerable<CorpusDocument> docs)
        {
            var lines = docs.SelectMany(d => d.Text.Split('\n')).Where(l => l.Length >= 120).ToList();
            return 1 - (double)lines.Distinct(StringComparer.Ordinal).Count() / lines.Count;
        }
        var plain = new CorpusGenerator(seeds, Provinces).Generate(40);
        var reworded = new CorpusGenerator(seeds, Provinces, reword: true).Generate(40);

        // The plain corpus re-addresses five seeds: most long paragraphs are copies. Reworded, next to none are.
        Assert.True(Repeated(plain) > 0.5, $"plain corpus: {Repeated(plain):P0} of long paragraphs repeated");
        Assert.True(Repeated(reworded) < 0.01, $"reworded corpus: {Repeated(reworded):P1} of long paragraphs repeated");
        Assert.Equal(reworded, new CorpusGenerator(seeds, Provinces, reword: true).Generate(40));
        foreach (var (doc, before) in reworded.Zip(plain))
        {
            Assert.Equal(before.FileName, doc.FileName);
            Assert.InRange(doc.Text.Length, before.Text.Length * 0.97, before.Text.Length * 1.03);
            Assert.Equal(before.Text.Split('\n').Length, doc.Text.Split('\n').Length);
        }
    }

    [Fact]
    public void Figures_change_but_keep_their_printed_shape()
    {
        var (seeds, _) = ScaleCorpus.ReadSeeds(Repo.Sources, Provinces);
        var docs = new CorpusGenerator(seeds, Provinces).Generate(5);
        var figure = new System.Text.RegularExpressions.Regex(@"\d+,\d+%");
        var changed = docs.Count(d => !figure.Matches(d.Text).Select(m => m.Value)
            .SequenceEqual(figure.Matches(seeds.Single(s => s.FileName == d.SeedFileName).Text).Select(m => m.Value)));
        Assert.True(changed >= 3, $"only {changed} of 5 documents had a decimal percentage changed");
    }

    [Fact]
    public void The_output_is_a_content_folder_with_the_registries()
    {
        using var temp = new TempDir();
        var summary = ScaleCorpus.Write(Repo.Content, temp.Path, 3);
        Assert.Equal(3, summary.Documents);
        Assert.Equal(3, Directory.EnumerateFiles(temp["content/sources"], "*.txt").Count());
        foreach (var registry in Directory.EnumerateFiles(Repo.Content, "*.yml"))
            Assert.True(File.Exists(temp[Path.Combine("content", Path.GetFileName(registry))]), Path.GetFileName(registry) + " not copied");
        // A rerun with a smaller count leaves no document of the larger one behind.
        ScaleCorpus.Write(Repo.Content, temp.Path, 2);
        Assert.Equal(2, Directory.EnumerateFiles(temp["content/sources"]).Count());
    }

    private static Dictionary<string, byte[]> Files(string dir) =>
        Directory.EnumerateFiles(dir).ToDictionary(p => Path.GetFileName(p), File.ReadAllBytes, StringComparer.Ordinal);
}
