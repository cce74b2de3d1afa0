using Atlas.Ingest;

namespace Atlas.Tests.Ingest;

/// <summary>A sidecar &lt;name&gt;.yml corrects any front-matter field; the report says which values came from it.</summary>
public class OverridesSpec
{
    private static IngestOutcome WithOverrides(string yaml) =>
        Seeds.IngestBytes(Seeds.KienGiang, File.ReadAllBytes(TestSupport.Repo.Source(Seeds.KienGiang)), yaml);

    [Fact]
    public void Overridden_fields_replace_what_ingest_read_and_are_reported_with_the_file()
    {
        var yaml = """
            number: 12-CTr/TU
            date: 2021-06-30
            province: Kiên Giang
            signatory:
              role: Phó Bí thư
            implements:
              - label: Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI
                date: 2020-10-15
            """;
        var (p, report) = Assert.IsType<Ingested>(WithOverrides(yaml));
        Assert.Equal("12-CTr/TU", p.Metadata.Number);
        Assert.Equal("2021-06-30", p.Metadata.Date);
        Assert.Equal("Mai Văn Huỳnh", p.Metadata.Signatory!.Name);
        Assert.Equal("Phó Bí thư", p.Metadata.Signatory.Role);
        Assert.Equal("2020-10-15", Assert.Single(p.Metadata.Implements).Date);
        var number = report.Fields.Single(f => f.Field == "number");
        Assert.Equal("overridden", number.State);
        Assert.Equal("kien-giang-phat-trien-cong-nghiep-2021-2025.yml", number.Evidence);
        Assert.Equal("overridden", report.Fields.Single(f => f.Field == "province").State);
        Assert.Equal("found", report.Fields.Single(f => f.Field == "signatory.name").State);
    }

    [Fact]
    public void A_slug_override_renames_the_programme()
    {
        var (p, report) = Assert.IsType<Ingested>(WithOverrides("slug: kien-giang-cong-nghiep"));
        Assert.Equal("kien-giang-cong-nghiep", p.Slug);
        Assert.Equal("kien-giang-cong-nghiep", report.Slug);
    }

    [Theory]
    [InlineData("slug: ../../x")]
    [InlineData("slug: a/b")]
    [InlineData("slug: 'a\\b'")]
    [InlineData("slug: /etc/passwd")]
    [InlineData("slug: C:/x")]
    [InlineData("slug: Có Dấu")]
    public void A_slug_that_is_a_path_is_refused_naming_the_file(string yaml)
    {
        var rejected = Assert.IsType<Rejected>(WithOverrides(yaml));
        Assert.Contains("kien-giang-phat-trien-cong-nghiep-2021-2025.yml", rejected.Report.Error);
        Assert.Contains("slug", rejected.Report.Error);
    }

    [Theory]
    [InlineData("number: [unclosed")]
    [InlineData("province: a\n  bad: indentation: here")]
    [InlineData("provnce: Kiên Giang")]
    [InlineData("date: 31/3/2023")]
    public void A_malformed_override_is_a_clear_error_naming_the_file(string yaml)
    {
        var rejected = Assert.IsType<Rejected>(WithOverrides(yaml));
        Assert.Equal("failed", rejected.Report.Status);
        Assert.Contains("kien-giang-phat-trien-cong-nghiep-2021-2025.yml", rejected.Report.Error);
    }

    [Fact]
    public void An_empty_override_file_changes_nothing()
    {
        var plain = Seeds.Ingest(Seeds.KienGiang);
        var (p, _) = Assert.IsType<Ingested>(WithOverrides("# nothing to correct\n"));
        Assert.Equal(Seeds.Understood(plain.Programme), Seeds.Understood(p));
    }

    [Fact]
    public void The_example_in_the_readme_is_a_valid_override()
    {
        var readme = File.ReadAllText(Path.Combine(TestSupport.Repo.Root, "README.md"));
        int start = readme.IndexOf("```yaml\nnumber:", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no override example");
        var yaml = readme[(start + 8)..readme.IndexOf("```", start + 8, StringComparison.Ordinal)];
        var (p, report) = Assert.IsType<Ingested>(WithOverrides(yaml));
        Assert.Equal("kien-giang-cong-nghiep", p.Slug);
        Assert.Equal([2025, 2030], p.Metadata.HorizonYears);
        Assert.Equal("Rạch Giá", p.Metadata.Place);
        Assert.All(report.Fields.Where(f => f.Field is "number" or "date" or "place" or "slug"), f => Assert.Equal("overridden", f.State));
    }
}
