using Atlas.Build;
using Atlas.Ingest;
using Atlas.Tests.Robustness;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Build;

public class SourceAdderSpec
{
    private const string Seed = "tien-giang-38-ctr-tu-2023.txt";

    private static BuildOptions EmptyAtlas(TempDir t)
    {
        var options = BuildOptions.ForRoot(t.Path);
        Directory.CreateDirectory(options.SourcesDir);
        return options;
    }

    [Fact]
    public void A_received_file_is_copied_byte_for_byte_under_a_name_from_province_number_and_year()
    {
        using var t = new TempDir();
        var options = EmptyAtlas(t);
        File.Copy(Repo.Source(Seed), t["Scan_CTHD so 38 (ban cuoi).txt"]);

        var result = SourceAdder.Add(options, t["Scan_CTHD so 38 (ban cuoi).txt"]);

        Assert.Null(result.Error);
        Assert.Equal(Path.Combine(options.SourcesDir, "tien-giang-38-ctr-tu-2023.txt"), result.AddedPath);
        Assert.Equal(File.ReadAllBytes(Repo.Source(Seed)), File.ReadAllBytes(result.AddedPath!));
        var ok = Assert.IsType<Ingested>(result.Outcome);
        Assert.Equal("tien-giang-38-ctr-tu-2023", ok.Programme.Slug);
    }

    [Fact]
    public void The_same_file_twice_is_refused_naming_the_copy_already_there()
    {
        using var t = new TempDir();
        var options = EmptyAtlas(t);
        File.Copy(Repo.Source(Seed), Path.Combine(options.SourcesDir, "older-name.txt"));

        var result = SourceAdder.Add(options, Repo.Source(Seed));

        Assert.Null(result.AddedPath);
        Assert.Contains("already added as older-name.txt", result.Error);
        Assert.Single(Directory.EnumerateFiles(options.SourcesDir));
    }

    [Fact]
    public void A_different_file_that_would_take_an_existing_name_never_overwrites_it()
    {
        using var t = new TempDir();
        var options = EmptyAtlas(t);
        var existing = Path.Combine(options.SourcesDir, "tien-giang-38-ctr-tu-2023.txt");
        File.WriteAllText(existing, "bản trước (the earlier version)");
        File.WriteAllText(t["new.txt"], File.ReadAllText(Repo.Source(Seed)) + "\nGhi chú thêm.\n");

        var result = SourceAdder.Add(options, t["new.txt"]);

        Assert.Null(result.AddedPath);
        Assert.Contains("not overwritten", result.Error);
        Assert.Equal("bản trước (the earlier version)", File.ReadAllText(existing));
    }

    [Fact]
    public void An_unreadable_file_is_not_added_and_the_reason_is_given()
    {
        using var t = new TempDir();
        var options = EmptyAtlas(t);
        File.WriteAllBytes(t["photo.txt"], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);

        var result = SourceAdder.Add(options, t["photo.txt"]);

        Assert.Null(result.AddedPath);
        Assert.Contains("PNG", result.Error);
        Assert.Empty(Directory.EnumerateFiles(options.SourcesDir));
    }

    [Fact]
    public void Missing_fields_come_with_an_override_template_that_is_harmless_as_written()
    {
        using var t = new TempDir();
        var options = EmptyAtlas(t);
        File.WriteAllText(t["ban-nhap.txt"],
            "CHƯƠNG TRÌNH HÀNH ĐỘNG\nvề phát triển công nghiệp\n\nI. MỤC TIÊU\n\n1. Mục tiêu chung\n\n- Phát triển công nghiệp nhanh và bền vững, tạo việc làm cho người lao động trong tỉnh.\n\n- Nâng cao năng lực cạnh tranh của doanh nghiệp.\n");

        var result = SourceAdder.Add(options, t["ban-nhap.txt"]);

        Assert.NotNull(result.AddedPath);
        Assert.Equal("ban-nhap.txt", Path.GetFileName(result.AddedPath));
        Assert.NotNull(result.OverrideTemplate);
        Assert.Contains("# number:", result.OverrideTemplate);
        Assert.Contains("# date:", result.OverrideTemplate);
        Assert.Contains("content/sources/ban-nhap.yml", result.OverrideTemplate);

        var again = new ProgrammeIngester().Ingest(new SourceDocument("ban-nhap.txt", File.ReadAllBytes(result.AddedPath!)), result.OverrideTemplate);
        Assert.Equal("ok", again.Report.Status);
    }

    [Fact]
    public void Atlas_add_prints_the_report_and_exits_0()
    {
        using var t = new TempDir();
        Directory.CreateDirectory(t["content/sources"]);
        File.Copy(Repo.Source(Seed), t["received.txt"]);

        var (code, output) = AtlasCli.Run(t.Path, "add", "received.txt");

        Assert.True(code == 0, output);
        Assert.Contains("tien-giang-38-ctr-tu-2023.txt", output);
        Assert.Contains("province", output);
        Assert.True(File.Exists(t["content/sources/tien-giang-38-ctr-tu-2023.txt"]));
    }
}
