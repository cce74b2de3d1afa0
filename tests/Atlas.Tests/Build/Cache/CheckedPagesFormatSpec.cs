using Atlas.Build.Cache;
using Atlas.Verify;

namespace Atlas.Tests.Build.Cache;

/// <summary>The checked pages of a site survive the cache byte for byte in meaning; a damaged file is no file.</summary>
public class CheckedPagesFormatSpec
{
    private static CheckedPagesFile Sample() => new("/srv/atlas/site", new Dictionary<string, CheckedPage>(StringComparer.Ordinal)
    {
        ["index.html"] = new("inputs-a", new PageFacts("vi", "Atlas chính sách", "Trang chủ", ["main", "main", "q"], [],
            [new PageLink("programmes/a.html#s-1-p2", "a"), new PageLink("assets/site.css", "link"), new PageLink("programmes/a.html#s-1-p2", "a")])),
        ["programmes/a.html"] = new("inputs-b", new PageFacts(null, null, "Chương trình", ["s-1-p2"], ["old-anchor"],
            [new PageLink("../index.html", "a"), new PageLink("", "img")])),
        ["empty.html"] = new("", new PageFacts("", "", "", [], [], [])),
    });

    [Fact]
    public void Every_fact_of_every_page_reads_back_as_written_nulls_duplicates_and_order_included()
    {
        var file = Sample();
        var back = CheckedPagesFormat.Read(CheckedPagesFormat.Write(file));
        Assert.NotNull(back);
        Assert.Equal(file.Site, back.Site);
        Assert.Equal(file.Pages.Keys.Order(StringComparer.Ordinal), back.Pages.Keys.Order(StringComparer.Ordinal));
        foreach (var (relative, page) in file.Pages)
        {
            var read = back.Pages[relative];
            Assert.Equal(page.Inputs, read.Inputs);
            Assert.Equal((page.Facts.Lang, page.Facts.Title, page.Facts.H1), (read.Facts.Lang, read.Facts.Title, read.Facts.H1));
            Assert.Equal(page.Facts.Ids, read.Facts.Ids);
            Assert.Equal(page.Facts.Names, read.Facts.Names);
            Assert.Equal(page.Facts.Links, read.Facts.Links);
        }
    }

    [Fact]
    public void The_same_file_gives_the_same_bytes()
    {
        Assert.Equal(CheckedPagesFormat.Write(Sample()), CheckedPagesFormat.Write(Sample()));
    }

    [Fact]
    public void A_cut_altered_or_foreign_file_reads_as_absent()
    {
        var bytes = CheckedPagesFormat.Write(Sample());
        Assert.Null(CheckedPagesFormat.Read(bytes[..(bytes.Length / 2)]));
        var altered = (byte[])bytes.Clone();
        altered[bytes.Length / 3] ^= 0x20;
        Assert.Null(CheckedPagesFormat.Read(altered));
        Assert.Null(CheckedPagesFormat.Read("{\"Site\":\"x\",\"Pages\":{}}"u8.ToArray()));
        Assert.Null(CheckedPagesFormat.Read([]));
    }
}
