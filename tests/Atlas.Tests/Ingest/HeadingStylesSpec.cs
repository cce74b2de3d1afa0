using Atlas.Model;

namespace Atlas.Tests.Ingest;

/// <summary>Headings are recognised whatever style the document (or whoever re-typed it) uses, and sentences never are.</summary>
public class HeadingStylesSpec
{
    /// <summary>A programme whose body is <paramref name="body"/>, after a title and a rule.</summary>
    internal static Programme Body(string body) =>
        Seeds.IngestText("style.txt", "CHƯƠNG TRÌNH HÀNH ĐỘNG\n\n-----\n\n" + body).Programme;

    /// <summary>Every section as "citation:heading", in document order.</summary>
    internal static string Tree(Programme p) =>
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
    public void Decimal_sub_sections_are_cited_with_their_own_number_under_the_part()
    {
        var p = Body("II. MỤC TIÊU\n\n2. Mục tiêu cụ thể\n\n2.2. Các mục tiêu cụ thể\n\n2.2.1. Mục tiêu đến năm 2025\n\n- Tăng trưởng 8%.\n");
        Assert.Equal("II:MỤC TIÊU | II.2:Mục tiêu cụ thể | II.2.2:Các mục tiêu cụ thể | II.2.2.1:Mục tiêu đến năm 2025", Tree(p));
        Assert.Equal("II.2.2.1", Assert.Single(p.Passages).Citation);
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
    public void Headings_in_capitals_without_numbers_are_sections_with_ids_from_their_words()
    {
        var p = Body("MỤC TIÊU VÀ YÊU CẦU\n\nĐoạn mở đầu của mục tiêu.\n\n1. Mục tiêu chung\n\nPhát triển nhanh.\n\n" +
                     "NHIỆM VỤ, GIẢI PHÁP\n\n1. Về kinh tế\n\nTăng trưởng.\n\nTỔ CHỨC THỰC HIỆN\n\nCác cấp ủy quán triệt.\n");
        Assert.Equal("MỤC TIÊU VÀ YÊU CẦU:MỤC TIÊU VÀ YÊU CẦU | MỤC TIÊU VÀ YÊU CẦU.1:Mục tiêu chung | NHIỆM VỤ, GIẢI PHÁP:NHIỆM VỤ, GIẢI PHÁP | NHIỆM VỤ, GIẢI PHÁP.1:Về kinh tế | TỔ CHỨC THỰC HIỆN:TỔ CHỨC THỰC HIỆN", Tree(p));
        Assert.Equal(["s-muc-tieu-va-yeu-cau", "s-muc-tieu-va-yeu-cau-1", "s-nhiem-vu-giai-phap", "s-nhiem-vu-giai-phap-1", "s-to-chuc-thuc-hien"],
            Seeds.AllSections(p.Sections).Select(s => s.Id));
        Assert.Equal("s-muc-tieu-va-yeu-cau-p1", p.Passages[0].Id);
        Assert.All(p.Sections, s => Assert.Equal(SectionKind.Unnumbered, s.Kind));
    }

    [Fact]
    public void Capitals_inside_roman_parts_are_one_level_below_the_parts()
    {
        var p = Body("I. MỤC TIÊU\n\nMỤC TIÊU CHUNG\n\nPhát triển nhanh.\n\nII. NHIỆM VỤ\n\nĐoạn.\n");
        Assert.Equal("I:MỤC TIÊU | I.MỤC TIÊU CHUNG:MỤC TIÊU CHUNG | II:NHIỆM VỤ", Tree(p));
    }

    [Fact]
    public void Markdown_headings_without_numbers_are_sections_but_bold_sentences_are_not()
    {
        var p = Body("## Mục tiêu chung\n\nPhát triển nhanh.\n\n**Đây là một câu in đậm để nhấn mạnh.**\n\nĐoạn tiếp.\n");
        Assert.Equal("Mục tiêu chung:Mục tiêu chung", Tree(p));
        Assert.Equal(["Phát triển nhanh.", "Đây là một câu in đậm để nhấn mạnh.", "Đoạn tiếp."], p.Passages.Select(x => x.Text));
    }

    [Theory]
    [InlineData("PHẦN I\n\nĐÁNH GIÁ TÌNH HÌNH", "I", "ĐÁNH GIÁ TÌNH HÌNH")]
    [InlineData("Phần thứ nhất: ĐÁNH GIÁ TÌNH HÌNH", "I", "ĐÁNH GIÁ TÌNH HÌNH")]
    [InlineData("PHẦN THỨ HAI\nNHIỆM VỤ", "II", "NHIỆM VỤ")]
    [InlineData("I/ ĐÁNH GIÁ TÌNH HÌNH", "I", "ĐÁNH GIÁ TÌNH HÌNH")]
    [InlineData("I) ĐÁNH GIÁ", "I", "ĐÁNH GIÁ")]
    [InlineData("Chương III. Tổ chức thực hiện", "III", "Tổ chức thực hiện")]
    [InlineData("Mục 2. Nhiệm vụ", "2", "Nhiệm vụ")]
    [InlineData("**2. Nhiệm vụ, giải pháp**", "2", "Nhiệm vụ, giải pháp")]
    [InlineData("2) Nhiệm vụ", "2", "Nhiệm vụ")]
    [InlineData("(b) Nhiệm vụ", "b", "Nhiệm vụ")]
    [InlineData("b. Nhiệm vụ", "b", "Nhiệm vụ")]
    [InlineData("2.Nhiệm vụ", "2", "Nhiệm vụ")]            // typed without its space
    [InlineData("2.1.NHIỆM VỤ", "2.1", "NHIỆM VỤ")]
    [InlineData("b)Nhiệm vụ", "b", "Nhiệm vụ")]
    public void Heading_styles_are_read_with_their_number(string heading, string number, string text)
    {
        var p = Body(heading + "\n\n- Nội dung thứ nhất.\n\n- Nội dung thứ hai.\n");
        var s = Assert.Single(Seeds.AllSections(p.Sections));
        Assert.Equal((number, text), (s.Number, s.Heading));
        Assert.Equal(2, p.Passages.Count(x => x.SectionId == s.Id));
    }

    [Theory]
    [InlineData("PHẦN LỚN các doanh nghiệp đã đổi mới công nghệ.")]
    [InlineData("XÂY DỰNG nông thôn mới là nhiệm vụ thường xuyên.")]
    [InlineData("Chương trình này được phổ biến đến chi bộ.")]
    [InlineData("Mục tiêu của chương trình là phát triển nhanh và bền vững.")]
    [InlineData("GRDP TĂNG 8%.")]
    [InlineData("1.500 doanh nghiệp được hỗ trợ.")]       // a number, not "1." without its space
    [InlineData("2.5 triệu lượt khách du lịch.")]
    public void A_sentence_is_never_a_heading(string sentence)
    {
        var p = Body("I. MỤC TIÊU\n\n" + sentence + "\n\nĐoạn tiếp theo.\n");
        Assert.Equal("I:MỤC TIÊU", Tree(p));
        Assert.Equal(sentence, p.Passages[0].Text);
    }

    [Fact]
    public void A_numbered_item_with_a_colon_after_a_sentence_is_not_a_heading_even_in_sequence()
    {
        var p = Body("I. MỤC TIÊU\n\n1. Mục tiêu chung\n\nPhát triển nhanh.\n\n2. Đến năm 2030, tỉnh phấn đấu đạt các chỉ tiêu sau đây, cụ thể là các chỉ tiêu về kinh tế và xã hội như sau: tăng trưởng 8%.\n");
        Assert.Equal("I:MỤC TIÊU | I.1:Mục tiêu chung", Tree(p));
    }
}

/// <summary>Every seed with its headings re-typed in another style reads as the same section tree with the same passages.</summary>
public class RestyledSeedsSpec
{
    public static TheoryData<string> AllSeeds() => new(Seeds.All);

    private static IEnumerable<string> Tree(Programme p) =>
        Seeds.AllSections(p.Sections).Select(s => $"{s.Id} {s.Kind} {s.Number} {s.Heading}");

    [Theory]
    [MemberData(nameof(AllSeeds))]
    public void A_seed_with_its_headings_restyled_has_the_same_tree_and_passages(string seed)
    {
        var original = Seeds.Ingest(seed).Programme;
        var failures = new List<string>();
        foreach (var (name, style) in RestyledHeadings.PartStyles)
        {
            var text = RestyledHeadings.Apply(Seeds.Text(seed), original, style);
            if (text == Seeds.Text(seed).Replace("\r\n", "\n")) continue; // the seed has no heading of that kind
            var p = Seeds.IngestText(seed, text).Programme;
            if (!Tree(original).SequenceEqual(Tree(p)))
                failures.Add($"{name}: tree differs: {string.Join(" / ", Tree(p).Except(Tree(original)).Take(3))} | missing {string.Join(" / ", Tree(original).Except(Tree(p)).Take(3))}");
            if (!original.Passages.Select(x => (x.Id, x.Text)).SequenceEqual(p.Passages.Select(x => (x.Id, x.Text))))
                failures.Add($"{name}: passages differ");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// The Roman numbers taken away: the parts are then headings in capitals, unnumbered sections with ids from their words,
    /// holding the same numbered sections and the same passages.
    /// </summary>
    [Theory]
    [MemberData(nameof(AllSeeds))]
    public void A_seed_whose_parts_lose_their_roman_numbers_has_unnumbered_parts_in_capitals(string seed)
    {
        var original = Seeds.Ingest(seed).Programme;
        var text = RestyledHeadings.Apply(Seeds.Text(seed), original, (s, t) => s.Kind == SectionKind.Part ? t : null);
        var p = Seeds.IngestText(seed, text).Programme;
        Assert.Equal(original.Sections.Select(s => s.Heading), p.Sections.Select(s => s.Heading));
        Assert.All(p.Sections, s => Assert.Equal((SectionKind.Unnumbered, ""), (s.Kind, s.Number)));
        Assert.All(p.Sections, s => Assert.Equal("s-" + Atlas.Ingest.Structure.UnnumberedHeading.Token(s.Heading), s.Id));
        Assert.Equal(original.Sections.Select(s => s.Children.Select(c => c.Number)), p.Sections.Select(s => s.Children.Select(c => c.Number)));
        Assert.Equal(original.Passages.Select(x => x.Text), p.Passages.Select(x => x.Text));
    }
}

/// <summary>Divisions lettered in capitals ("A. MỤC TIÊU", "B- NHIỆM VỤ") nest between the Roman parts and the numbered sections.</summary>
public class CapitalDivisionsSpec
{
    private static Programme Body(string body) => HeadingStylesSpec.Body(body);

    private static string Tree(Programme p) => HeadingStylesSpec.Tree(p);

    [Fact]
    public void Capital_lettered_divisions_sit_between_the_roman_parts_and_the_numbered_sections()
    {
        var p = Body("I. MỤC ĐÍCH, YÊU CẦU\n\nQuán triệt sâu sắc Nghị quyết.\n\nII. MỤC TIÊU, NHIỆM VỤ\n\nA. MỤC TIÊU\n\na) Đến năm 2030 đạt 35%.\n\n" +
                     "B- NHIỆM VỤ, GIẢI PHÁP\n\n1. Nâng cao nhận thức\n\n- Tổ chức học tập.\n\n2. Hoàn thiện cơ chế\n\n- Ban hành chính sách.\n\n" +
                     "C/ KINH PHÍ\n\nBố trí từ ngân sách.\n\nIII. TỔ CHỨC THỰC HIỆN\n\n1. Ban Tuyên giáo chủ trì.\n");
        Assert.Equal("I:MỤC ĐÍCH, YÊU CẦU | II:MỤC TIÊU, NHIỆM VỤ | II.A:MỤC TIÊU | II.B:NHIỆM VỤ, GIẢI PHÁP | II.B.1:Nâng cao nhận thức | " +
                     "II.B.2:Hoàn thiện cơ chế | II.C:KINH PHÍ | III:TỔ CHỨC THỰC HIỆN", Tree(p));
        Assert.Equal(["s-ii-a", "s-ii-b", "s-ii-b-1", "s-ii-b-2", "s-ii-c"],
            Seeds.AllSections(p.Sections).Where(s => s.Id.StartsWith("s-ii-")).Select(s => s.Id));
        Assert.Equal("II.B.2", Assert.Single(p.Passages, x => x.Text == "Ban hành chính sách.").Citation);
    }

    [Fact]
    public void Capital_lettered_divisions_that_open_the_document_hold_its_roman_parts()
    {
        var p = Body("A. MỤC ĐÍCH, YÊU CẦU\n\nQuán triệt Nghị quyết.\n\nB. NỘI DUNG\n\nI. PHÁT TRIỂN CÔNG NGHIỆP\n\n1. Công nghiệp chế biến\n\nĐoạn văn.\n\n" +
                     "II. PHÁT TRIỂN DỊCH VỤ\n\nĐoạn văn khác.\n");
        Assert.Equal("A:MỤC ĐÍCH, YÊU CẦU | B:NỘI DUNG | B.I:PHÁT TRIỂN CÔNG NGHIỆP | B.I.1:Công nghiệp chế biến | B.II:PHÁT TRIỂN DỊCH VỤ", Tree(p));
    }

    [Theory]
    [InlineData("I. MỤC TIÊU", "I")]
    [InlineData("V. TỔ CHỨC THỰC HIỆN", "V")]
    [InlineData("X- KINH PHÍ", "X")]
    public void Capitals_that_are_roman_numerals_stay_parts(string line, string part)
    {
        var p = Body(line + "\n\nĐoạn văn.\n");
        Assert.Equal(part, Assert.Single(p.Sections).Number);
        Assert.Equal(SectionKind.Part, p.Sections[0].Kind);
    }

    [Theory]
    [InlineData("A. Lưu ý: đoạn văn bắt đầu bằng chữ cái in hoa.")]
    [InlineData("B.Nguyễn Văn A phụ trách.")]
    public void A_sentence_starting_with_a_capital_and_a_full_stop_is_not_a_division_unless_it_is_followed_by_a_space_and_reads_like_one(string line)
    {
        var p = Body("I. NHIỆM VỤ\n\n" + line + "\n");
        Assert.Equal(["I"], Seeds.AllSections(p.Sections).Select(s => s.Number));
    }
}
