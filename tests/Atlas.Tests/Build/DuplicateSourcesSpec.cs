using Atlas.Build;
using Atlas.Ingest;
using Atlas.Model;

namespace Atlas.Tests.Build;

public class DuplicateSourcesSpec
{
    private static Ingested Programme(string file, string slug, string? number, string? province)
    {
        var meta = new ProgrammeMetadata("Chương trình hành động", province, null, number, null, null, [], null, []);
        var p = new Programme(slug, meta, [], [new Passage("p1", null, [], null, "Nội dung")], new ClosingMatter([], []), new SourceInfo(file, "00", "utf-8"));
        return new Ingested(p, new DocumentReport(file, slug, "ok", null, [], []));
    }

    [Fact]
    public void Two_sources_with_the_same_number_and_province_are_both_kept_and_both_warned()
    {
        var outcomes = DuplicateSources.Mark(
        [
            Programme("a.txt", "a", "38-CTr/TU", "Tiền Giang"),
            Programme("b.txt", "b", "38 - CTr/TU", "tiền giang"),
            Programme("c.txt", "c", "38-CTr/TU", "Hậu Giang"),
        ]);

        Assert.Equal(["a", "b", "c"], outcomes.Select(o => ((Ingested)o).Programme.Slug));
        Assert.Contains(outcomes[0].Report.Warnings, w => w.Contains("b.txt") && w.Contains("both kept"));
        Assert.Contains(outcomes[1].Report.Warnings, w => w.Contains("a.txt") && w.Contains("both kept"));
        Assert.Empty(outcomes[2].Report.Warnings);
    }

    [Fact]
    public void Programmes_without_number_or_province_are_never_called_duplicates()
    {
        var outcomes = DuplicateSources.Mark([Programme("a.txt", "a", null, "Tiền Giang"), Programme("b.txt", "b", null, "Tiền Giang")]);
        Assert.All(outcomes, o => Assert.Empty(o.Report.Warnings));
    }
}
