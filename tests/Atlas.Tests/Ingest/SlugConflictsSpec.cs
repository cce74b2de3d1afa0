using System.Text;
using Atlas.Ingest;

namespace Atlas.Tests.Ingest;

/// <summary>Slugs come from file names (or a sidecar) and must be unique across the atlas.</summary>
public class SlugConflictsSpec
{
    [Fact]
    public void The_slug_is_the_slugged_file_stem()
    {
        var p = Seeds.IngestText("Chương trình Tiền Giang (bản 2).TXT", Seeds.Text(Seeds.TienGiang)).Programme;
        Assert.Equal("chuong-trinh-tien-giang-ban-2", p.Slug);
    }

    [Fact]
    public void A_second_source_with_the_same_slug_is_rejected_naming_both_files()
    {
        var bytes = Encoding.UTF8.GetBytes(Seeds.Text(Seeds.ThaiBinh));
        var ingester = new ProgrammeIngester();
        var outcomes = SlugConflicts.Resolve([
            ingester.Ingest(new SourceDocument("thai-binh.md", bytes)),
            ingester.Ingest(new SourceDocument("thai-binh.txt", bytes)),
        ]);
        Assert.IsType<Ingested>(outcomes[0]);
        var rejected = Assert.IsType<Rejected>(outcomes[1]);
        Assert.Contains("thai-binh.txt", rejected.Report.Error);
        Assert.Contains("thai-binh.md", rejected.Report.Error);
    }

    [Fact]
    public void Thousands_of_repeated_numbers_get_distinct_ids_quickly_enough_to_finish()
    {
        var sb = new StringBuilder("CHƯƠNG TRÌNH\n-----\nI. NỘI DUNG\n");
        for (int i = 0; i < 3000; i++) sb.Append("1. Mục tiêu\n- Một việc cần làm.\n+ Chi tiết.\nThời gian thực hiện: Thường xuyên.\n");
        var p = Seeds.IngestText("lap.txt", sb.ToString()).Programme;
        var ids = Seeds.AllSections(p.Sections).Select(s => s.Id).ToList();
        Assert.Equal(3001, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal("s-i-1--3000", ids[^1]);
        Assert.All(p.Passages.Where(x => x.Marker == "-"), x => Assert.Single(x.Fields));
    }
}
