// Blocking waits with a timeout are the point here: a hang must fail the case, not stall the run.
#pragma warning disable xUnit1031
using System.Text;
using System.Text.Json;
using Atlas.Ingest;
using Atlas.Model;
using Atlas.Tests.Ingest.Decoding;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Robustness;

/// <summary>The same programme received in another form gives the same model.</summary>
public class IngestInputSpec
{
    private static readonly ProgrammeIngester Ingester = new();

    public static TheoryData<string> Seeds() => new(Directory.EnumerateFiles(Repo.Sources, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    /// <summary>The model as JSON, without the source facts (file name, digest, encoding) that legitimately differ.</summary>
    private static string Model(byte[] bytes, string name)
    {
        var outcome = Ingester.Ingest(new SourceDocument(name, bytes));
        var ok = Assert.IsType<Ingested>(outcome);
        var p = ok.Programme with { Source = new SourceInfo("", "", "") };
        return JsonSerializer.Serialize(p, new JsonSerializerOptions { WriteIndented = true });
    }

    private static string Text(string seed) => File.ReadAllText(Repo.Source(seed)).ReplaceLineEndings("\n");

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Crlf_and_cr_line_endings_give_the_same_programme_as_lf(string seed)
    {
        var lf = Model(Encoding.UTF8.GetBytes(Text(seed)), seed);
        Assert.Equal(lf, Model(Encoding.UTF8.GetBytes(Text(seed).Replace("\n", "\r\n")), seed));
        Assert.Equal(lf, Model(Encoding.UTF8.GetBytes(Text(seed).Replace("\n", "\r")), seed));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Bom_utf16_and_windows1258_give_the_same_programme_as_utf8(string seed)
    {
        var text = Text(seed);
        var utf8 = Model(Encoding.UTF8.GetBytes(text), seed);
        Assert.Equal(utf8, Model([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)], seed));
        Assert.Equal(utf8, Model([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)], seed));
        Assert.Equal(utf8, Model(Encoding.BigEndianUnicode.GetBytes(text.Replace("\n", "\r\n")), seed));
        Assert.Equal(utf8, Model(LegacyText.Windows1258(text.Replace("\n", "\r\n")), seed));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Tcvn3_gives_the_same_structure_and_metadata_as_utf8(string seed)
    {
        var text = Text(seed);
        var utf8 = Assert.IsType<Ingested>(Ingester.Ingest(new SourceDocument(seed, Encoding.UTF8.GetBytes(text)))).Programme;
        var tcvn = Assert.IsType<Ingested>(Ingester.Ingest(new SourceDocument(seed, LegacyText.Tcvn3(text)))).Programme;
        Assert.Equal("tcvn3", tcvn.Source.Encoding);
        var report = Ingester.Ingest(new SourceDocument(seed, LegacyText.Tcvn3(text))).Report;
        Assert.Contains(report.Warnings, w => w.Contains("converted from TCVN3", StringComparison.Ordinal));
        Assert.Equal(utf8.Passages.Select(p => p.Id), tcvn.Passages.Select(p => p.Id));
        Assert.Equal(utf8.Passages.Select(p => LegacyText.Fold(p.Text)), tcvn.Passages.Select(p => LegacyText.Fold(p.Text)));
        Assert.Equal(utf8.Metadata.Number, tcvn.Metadata.Number);
        Assert.Equal(utf8.Metadata.Date, tcvn.Metadata.Date);
    }

    [Fact]
    public void A_ten_megabyte_single_line_is_ingested_with_bounded_memory()
    {
        var sentence = "Phát triển công nghiệp chế biến, chế tạo gắn với chuyển đổi số và tăng trưởng xanh. ";
        var text = "CHƯƠNG TRÌNH HÀNH ĐỘNG\n\nI. MỤC TIÊU\n\n" + string.Concat(Enumerable.Repeat(sentence, 10 * 1024 * 1024 / Encoding.UTF8.GetByteCount(sentence)));
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.True(bytes.Length > 10_000_000);

        long allocated = 0;
        var work = Task.Factory.StartNew(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var outcome = Ingester.Ingest(new SourceDocument("one-line.txt", bytes));
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            return outcome;
        }, TaskCreationOptions.LongRunning);

        Assert.True(work.Wait(TimeSpan.FromMinutes(2)), "ingest of a 10 MB line did not finish");
        Assert.NotNull(work.Result.Report);
        // Linear work allocates a few copies of the text; anything quadratic would be orders of magnitude more.
        Assert.True(allocated < 60L * bytes.Length, $"allocated {allocated / (1024 * 1024)} MB for a {bytes.Length / (1024 * 1024)} MB source");
    }
}
