using Atlas.Ingest.Text;

namespace Atlas.Tests.Ingest;

/// <summary>How physical lines become paragraphs: what a hard wrap split is joined, what the author separated stays apart.</summary>
public class WrappingSpec
{
    /// <summary>
    /// Paragraphs hard-wrapped at <paramref name="width"/> columns, so the joiner knows the copy is wrapped at that column and
    /// a probe line of that length is "full" (its next word would not have fitted).
    /// </summary>
    private static string Filler(int width)
    {
        var line = string.Concat(Enumerable.Repeat("mẫu ", width))[..width].TrimEnd().PadRight(width, 'x');
        return string.Concat(Enumerable.Repeat(line + "\nkết thúc.\n\n", 8));
    }

    /// <summary>The blocks of <paramref name="probe"/> (its first line is the longest: the wrap column, 30 or more), after the filler.</summary>
    private static IReadOnlyList<string> Blocks(params string[] probe)
    {
        Assert.All(probe, l => Assert.True(l.Length <= probe[0].Length && probe[0].Length >= 30));
        return BlockJoiner.Join(TextCleaner.Clean(Filler(probe[0].Length) + string.Join('\n', probe) + "\n")).Skip(8).Select(b => b.Text).ToList();
    }

    [Fact]
    public void A_dash_joining_two_words_continues_the_line_but_a_new_item_after_a_finished_clause_does_not()
    {
        // "kinh tế - xã hội" and "10% - 12%" split at the dash: one line.
        Assert.Equal(["Phát triển đồng bộ hạ tầng kinh tế - xã hội vùng."], Blocks("Phát triển đồng bộ hạ tầng kinh tế", "- xã hội vùng."));
        Assert.Equal(["Tăng trưởng bình quân đạt từ 10% - 12%/năm."], Blocks("Tăng trưởng bình quân đạt từ 10%", "- 12%/năm."));
        Assert.Equal(["Hoàn thành tuyến cao tốc Cần Thơ - Cà Mau và Quốc lộ 61C."], Blocks("Hoàn thành tuyến cao tốc Cần Thơ", "- Cà Mau và Quốc lộ 61C."));
        // A recipient ending in a comma, or a capital after a lower-case word: a new item.
        Assert.Equal(["- Vụ Địa phương Trung ương Đảng (b/c),", "- Các ban cán sự đảng."], Blocks("- Vụ Địa phương Trung ương Đảng (b/c),", "- Các ban cán sự đảng."));
        Assert.Equal(["2. Hoàn thiện hạ tầng kinh tế - xã hội", "- Về cải thiện môi trường."], Blocks("2. Hoàn thiện hạ tầng kinh tế - xã hội", "- Về cải thiện môi trường."));
    }

    [Fact]
    public void A_heading_in_capitals_ends_where_the_capitals_end_even_on_a_full_line()
    {
        Assert.Equal(["II- QUAN ĐIỂM CHỈ ĐẠO VÀ MỤC TIÊU", "Quan điểm là phát triển."], Blocks("II- QUAN ĐIỂM CHỈ ĐẠO VÀ MỤC TIÊU", "Quan điểm là phát triển."));
        Assert.Equal(["III. NHIỆM VỤ, GIẢI PHÁP BẢO ĐẢM QUỐC PHÒNG, AN NINH"], Blocks("III. NHIỆM VỤ, GIẢI PHÁP BẢO ĐẢM QUỐC", "PHÒNG, AN NINH"));
        // Mixed case on a full line: a wrap, whatever the next word's case.
        Assert.Equal(["Phát triển kinh tế tỉnh Tiền Giang Nhân dân đồng thuận."], Blocks("Phát triển kinh tế tỉnh Tiền Giang", "Nhân dân đồng thuận."));
    }

    [Fact]
    public void A_number_grouped_in_thousands_at_the_start_of_a_wrapped_line_is_not_numbering()
    {
        Assert.Equal(["GRDP bình quân đầu người đạt 7.700 - 7.900 USD."], Blocks("GRDP bình quân đầu người đạt 7.700 -", "7.900 USD."));
        Assert.Null(Atlas.Ingest.Structure.MarkerReader.Read("30.000 USD/người/năm"));
        Assert.Equal("2.10", Atlas.Ingest.Structure.MarkerReader.Read("2.10. Phát huy giá trị văn hóa")?.Number);
    }

    [Fact]
    public void A_numbered_heading_joined_with_its_paragraph_by_a_wrap_is_split_again_when_the_numbering_says_heading()
    {
        var text = "CHƯƠNG TRÌNH\n\n-----\n\n" + Filler(41) + "I. NHIỆM VỤ\n\n1. Phát triển công nghiệp chế biến\n\nĐoạn một.\n\n" +
                   "2. Phát triển các thành phần kinh tế nhằm\nthúc đẩy công nghiệp hóa, hiện đại hóa\nKhuyến khích các thành phần kinh tế phát triển bình đẳng.\n\n" +
                   "3. Phát triển hạ tầng\n\nĐoạn ba.\n";
        var p = Seeds.IngestText("wrapped.txt", text).Programme;
        var two = Seeds.SectionAt(p, "I", "2");
        Assert.Equal("Phát triển các thành phần kinh tế nhằm thúc đẩy công nghiệp hóa, hiện đại hóa", two.Heading);
        Assert.Equal("Khuyến khích các thành phần kinh tế phát triển bình đẳng.", Assert.Single(p.Passages, x => x.SectionId == two.Id).Text);
    }
}
