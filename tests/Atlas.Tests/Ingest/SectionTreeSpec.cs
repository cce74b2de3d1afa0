using Atlas.Model;

namespace Atlas.Tests.Ingest;

/// <summary>The section tree keeps the document's own numbering, whatever its typography.</summary>
public class SectionTreeSpec
{
    [Theory]
    [InlineData(Seeds.TienGiang, new[] { "III" }, 10)]
    [InlineData(Seeds.KienGiang, new[] { "III" }, 9)]
    [InlineData(Seeds.ThaiBinh, new[] { "II", "2" }, 10)]
    [InlineData(Seeds.QuangNgai, new[] { "III" }, 11)]
    [InlineData(Seeds.HauGiang, new[] { "III" }, 9)]
    public void Tasks_and_solutions_have_the_numbered_groups_the_document_has(string seed, string[] path, int groups)
    {
        var part = Seeds.SectionAt(Seeds.Ingest(seed).Programme, path);
        Assert.Equal(groups, part.Children.Count);
        Assert.All(part.Children, c => Assert.Equal(SectionKind.Numbered, c.Kind));
        var expectedNumbers = Enumerable.Range(1, groups).Select(n => path.Length == 2 ? $"{path[1]}.{n}" : n.ToString());
        Assert.Equal(expectedNumbers, part.Children.Select(c => c.Number));
    }

    [Fact]
    public void Thai_binh_1_2_enumerates_twelve_targets()
    {
        var p = Seeds.Ingest(Seeds.ThaiBinh).Programme;
        var section = Seeds.SectionAt(p, "II", "1", "1.2");
        Assert.Equal("s-ii-1-2", section.Id);
        var items = p.Passages.Where(x => x.SectionId == section.Id).ToList();
        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"({n})"), items.Select(x => x.Marker));
    }

    [Fact]
    public void Hau_giang_3_1_to_3_4_enumerate_twenty_targets()
    {
        var p = Seeds.Ingest(Seeds.HauGiang).Programme;
        var three = Seeds.SectionAt(p, "II", "3");
        Assert.Equal(["3.1", "3.2", "3.3", "3.4"], three.Children.Select(c => c.Number));
        var items = three.Children.SelectMany(c => p.Passages.Where(x => x.SectionId == c.Id)).ToList();
        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"({n})"), items.Select(x => x.Marker));
    }

    [Fact]
    public void Roman_parts_are_read_from_dash_dot_bold_and_markdown_styles()
    {
        Assert.Equal(["I", "II", "III", "IV"], Seeds.Ingest(Seeds.TienGiang).Programme.Sections.Select(s => s.Number)); // "I-"
        Assert.Equal(["I", "II", "III", "IV"], Seeds.Ingest(Seeds.KienGiang).Programme.Sections.Select(s => s.Number)); // "**I-", "## II-", "#### IV-"
        Assert.Equal(["I", "II", "III"], Seeds.Ingest(Seeds.ThaiBinh).Programme.Sections.Select(s => s.Number)); // "**I.", "## II."
        Assert.Equal(["I", "II", "III", "IV"], Seeds.Ingest(Seeds.HauGiang).Programme.Sections.Select(s => s.Number)); // "I."
    }

    [Fact]
    public void Anchor_ids_follow_the_numbering_path()
    {
        var kien = Seeds.Ingest(Seeds.KienGiang).Programme;
        Assert.Equal("s-ii-3-a", Seeds.SectionAt(kien, "II", "3", "a").Id);
        Assert.Equal(SectionKind.Lettered, Seeds.SectionAt(kien, "II", "3", "c").Kind);
        var hau = Seeds.Ingest(Seeds.HauGiang).Programme;
        Assert.Equal("s-ii-2-2-1", Seeds.SectionAt(hau, "II", "2", "2.2", "2.2.1").Id);
        Assert.Equal("s-iii-2", Seeds.SectionAt(Seeds.Ingest(Seeds.TienGiang).Programme, "III", "2").Id);
    }

    [Fact]
    public void Section_ids_are_unique_even_when_the_document_repeats_a_number()
    {
        var text = "CHƯƠNG TRÌNH\n\n-----\n\nI. MỤC TIÊU\n\n1. Mục tiêu chung\n\nĐoạn một.\n\n1. Mục tiêu chung lặp lại\n\nĐoạn hai.\n";
        var p = Seeds.IngestText("dup.txt", text).Programme;
        var ids = Seeds.AllSections(p.Sections).Select(s => s.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(["s-i", "s-i-1", "s-i-1--2"], ids);
        Assert.All(p.Sections, s => Assert.Equal(s.Id, s.Id.ToLowerInvariant()));
    }

    [Fact]
    public void Headings_are_clean_text_without_numbering_or_markup()
    {
        foreach (var seed in Seeds.All)
            foreach (var s in Seeds.AllSections(Seeds.Ingest(seed).Programme.Sections))
            {
                Assert.DoesNotContain("*", s.Heading);
                Assert.DoesNotContain("#", s.Heading);
                Assert.False(s.Heading.StartsWith(s.Number, StringComparison.Ordinal), s.Heading);
            }
    }
}
