using System.Text;
using Atlas.Ingest;

namespace Atlas.Tests.Ingest;

/// <summary>Strange input is rejected with a clear message naming the file, never thrown and never hung on.</summary>
public class BadInputSpec
{
    [Fact]
    public void An_empty_file_is_rejected_naming_the_file()
    {
        var outcome = Seeds.IngestBytes("trong.txt", []);
        var rejected = Assert.IsType<Rejected>(outcome);
        Assert.Equal("failed", rejected.Report.Status);
        Assert.Contains("trong.txt", rejected.Report.Error);
    }

    [Fact]
    public void A_file_with_no_paragraphs_is_rejected()
    {
        var rejected = Assert.IsType<Rejected>(Seeds.IngestBytes("rules.txt", Encoding.UTF8.GetBytes("-----\n*\n\n#\n")));
        Assert.Contains("rules.txt", rejected.Report.Error);
    }

    [Theory]
    [InlineData("((((((((((((((((((((((((((((((((((((((((((((((((((")]
    [InlineData("1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1 A")]
    [InlineData("**********************************************************")]
    [InlineData("Số 1-1-1-1-1-1-1-1-1-1-1-1-1-1/1/1/1/1/1/1/1/ ngày ngày ngày 1/1/")]
    [InlineData("T/M\nT/M\nNơi nhận\nNơi nhận:\n- \n-\n+\n(1)\na)\nI-\nIV.\n")]
    public void Pathological_lines_are_ingested_or_rejected_without_throwing(string line)
    {
        var text = string.Join('\n', Enumerable.Repeat(line, 200)) + "\nMột đoạn văn bình thường.\n";
        var outcome = Seeds.IngestBytes("x.txt", Encoding.UTF8.GetBytes(text));
        Assert.True(outcome is Ingested or Rejected);
    }

    [Fact]
    public void A_very_long_single_line_is_one_passage()
    {
        var text = string.Concat(Enumerable.Repeat("Phát triển công nghiệp bền vững, ", 20000)) + "hết.";
        var p = Assert.IsType<Ingested>(Seeds.IngestBytes("long.txt", Encoding.UTF8.GetBytes(text))).Programme;
        Assert.Single(p.Passages);
    }

    [Fact]
    public void A_file_of_more_paragraphs_than_any_programme_is_rejected_with_the_count()
    {
        var text = string.Concat(Enumerable.Range(1, ProgrammeIngester.MaxPassages + 1).Select(k => $"Phát triển công nghiệp thứ {k} của tỉnh.\n\n"));
        var rejected = Assert.IsType<Rejected>(Seeds.IngestBytes("dump.txt", Encoding.UTF8.GetBytes(text)));
        Assert.StartsWith($"dump.txt: {ProgrammeIngester.MaxPassages + 1} đoạn văn", rejected.Report.Error);
    }

    [Fact]
    public void A_file_at_the_paragraph_limit_is_ingested()
    {
        var text = string.Concat(Enumerable.Range(1, ProgrammeIngester.MaxPassages).Select(k => $"Phát triển công nghiệp thứ {k} của tỉnh.\n\n"));
        var p = Assert.IsType<Ingested>(Seeds.IngestBytes("big.txt", Encoding.UTF8.GetBytes(text))).Programme;
        Assert.Equal(ProgrammeIngester.MaxPassages, p.Passages.Count);
    }
}
