using Atlas.Model;

namespace Atlas.Tests.Ingest;

/// <summary>Headings are recognised whatever style the document (or whoever re-typed it) uses, and sentences never are.</summary>
public class HeadingStylesSpec
{
    private static Programme Body(string body) =>
        Seeds.IngestText("style.txt", "CHƯƠNG TRÌNH HÀNH ĐỘNG\n\n-----\n\n" + body).Programme;

    private static string Tree(Programme p) =>
        string.Join(" | ", Seeds.AllSections(p.Sections).Select(s => $"{s.Citation}:{s.Heading}"));

    [Fact]
    public void Quang_ngai_vision_2045_is_section_II_3_with_its_text_as_a_passage()
    {
        var p = Seeds.Ingest(Seeds.QuangNgai).Programme;
        var vision = Seeds.SectionAt(p, "II", "3");
        Assert.Equal("Tầm nhìn đến năm 2045", vision.Heading);
        Assert.Equal("s-ii-3", vision.Id);
        var text = Assert.Single(p.Passages, x => x.SectionId == "s-ii-3");
        Assert.Equal("Quảng Ngãi là tỉnh phát triển bền vững và đa dạng với các ngành công nghiệp xanh, công nghiệp công nghệ cao.", text.Text);
        Assert.Null(text.Marker);
        Assert.DoesNotContain(p.Passages, x => x.SectionId == "s-ii");
    }

    [Fact]
    public void A_numbered_heading_with_inline_text_is_a_section_when_it_continues_the_numbering()
    {
        var p = Body("I. MỤC TIÊU\n\n1. Mục tiêu chung\n\nPhát triển nhanh.\n\n2. Mục tiêu cụ thể\n\n- Tăng trưởng 8%.\n\n" +
                     "3. Tầm nhìn đến năm 2045: Tỉnh phát triển khá.\n\nII. NHIỆM VỤ\n\n2.1. Về kinh tế\n\nĐoạn.\n\n2.2. Về xã hội: Giảm nghèo bền vững.\n");
        Assert.Equal("I:MỤC TIÊU | I.1:Mục tiêu chung | I.2:Mục tiêu cụ thể | I.3:Tầm nhìn đến năm 2045 | II:NHIỆM VỤ | II.2.1:Về kinh tế | II.2.2:Về xã hội", Tree(p));
        Assert.Equal("Tỉnh phát triển khá.", Assert.Single(p.Passages, x => x.SectionId == "s-i-3").Text);
        Assert.Equal("Giảm nghèo bền vững.", Assert.Single(p.Passages, x => x.SectionId == "s-ii-2-2").Text);
    }

    [Fact]
    public void A_numbered_list_item_with_a_colon_stays_a_list_item()
    {
        // No sibling section 1 before it: items of a list, not headings.
        var p = Body("IV. TỔ CHỨC THỰC HIỆN\n\n1. Ban Tuyên giáo: chủ trì tuyên truyền.\n\n2. Các sở, ngành: xây dựng kế hoạch.\n\n" +
                     "3. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc: báo cáo Ban Thường vụ. Thực hiện hằng năm.\n");
        Assert.Equal("IV:TỔ CHỨC THỰC HIỆN", Tree(p));
        Assert.Equal(["1.", "2.", "3."], p.Passages.Select(x => x.Marker));
    }

    [Fact]
    public void A_numbered_item_with_a_colon_after_a_sentence_is_not_a_heading_even_in_sequence()
    {
        var p = Body("I. MỤC TIÊU\n\n1. Mục tiêu chung\n\nPhát triển nhanh.\n\n2. Đến năm 2030, tỉnh phấn đấu đạt các chỉ tiêu sau đây, cụ thể là các chỉ tiêu về kinh tế và xã hội như sau: tăng trưởng 8%.\n");
        Assert.Equal("I:MỤC TIÊU | I.1:Mục tiêu chung", Tree(p));
    }
}
