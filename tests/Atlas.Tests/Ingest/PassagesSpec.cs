using Atlas.Model;

namespace Atlas.Tests.Ingest;

/// <summary>Every paragraph or bullet is a passage: clean one-line text, a stable id, its section path.</summary>
public class PassagesSpec
{
    [Theory]
    [MemberData(nameof(AllSeeds))]
    public void No_passage_keeps_conversion_debris(string seed)
    {
        var p = Seeds.Ingest(seed).Programme;
        Assert.NotEmpty(p.Passages);
        foreach (var passage in p.Passages)
        {
            Assert.DoesNotContain("**", passage.Text);
            Assert.DoesNotContain("##", passage.Text);
            Assert.DoesNotContain("\t", passage.Text);
            Assert.DoesNotContain("-----", passage.Text);
            Assert.DoesNotContain("\n", passage.Text);
            Assert.DoesNotContain("  ", passage.Text);
            Assert.Equal(passage.Text.Trim(), passage.Text);
            Assert.True(passage.Text.IsNormalized(System.Text.NormalizationForm.FormC));
        }
    }

    public static TheoryData<string> AllSeeds() => new(Seeds.All);

    [Fact]
    public void A_markdown_tables_delimiter_row_is_debris_and_its_rows_stay_passages()
    {
        var text = Seeds.Text(Seeds.TienGiang).Replace("\r\n", "\n");
        var at = text.IndexOf("III- NHIỆM VỤ", StringComparison.Ordinal);
        var table = "| Chỉ tiêu | Năm 2025 | Năm 2030 |\n|:---|---:|---:|\n| Tỷ lệ đô thị hóa (%) | 35 | 45 |\n\n";
        var p = Seeds.IngestText("table.txt", text[..at] + table + text[at..]).Programme;
        Assert.DoesNotContain(p.Passages, x => x.Text.Contains("---", StringComparison.Ordinal));
        Assert.Single(p.Passages, x => x.Text == "| Tỷ lệ đô thị hóa (%) | 35 | 45 |");
        Assert.Equal(Seeds.Ingest(Seeds.TienGiang).Programme.Passages.Count + 2, p.Passages.Count); // header row and data row
    }

    [Fact]
    public void An_appendix_after_the_signature_is_a_section_of_the_programme_and_not_part_of_the_signature()
    {
        var text = Seeds.Text(Seeds.TienGiang).TrimEnd() +
            "\n\nPHỤ LỤC\nCÁC CHỈ TIÊU CHỦ YẾU\n\n| Chỉ tiêu | Đơn vị | Năm 2025 | Năm 2030 |\n|---|---|---|---|\n| Tỷ lệ đô thị hóa | % | 40 | 45 |\n";
        var plain = Seeds.Ingest(Seeds.TienGiang).Programme;
        var p = Seeds.IngestText("appendix.txt", text).Programme;

        Assert.Equal(plain.Closing.Recipients, p.Closing.Recipients);
        Assert.Equal(plain.Closing.SignatureLines, p.Closing.SignatureLines);
        var appendix = Assert.Single(p.Sections, s => s.Id == "s-phu-luc"); // top level, beside the parts
        Assert.Equal("| Tỷ lệ đô thị hóa | % | 40 | 45 |", p.Passages.Last().Text);
        Assert.StartsWith(appendix.Id, p.Passages.Last().SectionId); // ids are paths: the row is in the appendix
        Assert.Equal(plain.Passages.Select(x => x.Id), p.Passages.Take(plain.Passages.Count).Select(x => x.Id));
    }

    [Theory]
    [InlineData("PHỤ LỤC", true)]
    [InlineData("**PHỤ LỤC II**", true)]
    [InlineData("Phụ lục 1", true)]
    [InlineData("Phụ lục kèm theo Kế hoạch số 12-KH/TU", false)]
    [InlineData("- Phụ lục,", false)]
    public void An_appendix_heading_is_phu_luc_in_capitals_or_with_its_number_only(string text, bool expected) =>
        Assert.Equal(expected, Atlas.Ingest.Structure.UnnumberedHeading.IsAppendix(text));

    [Fact]
    public void A_sentence_split_by_a_page_break_is_one_passage()
    {
        var p = Seeds.Ingest(Seeds.ThaiBinh).Programme;
        var joined = Assert.Single(p.Passages, x => x.Text.Contains("quyết định thành"));
        Assert.Contains("quyết định thành lập từ năm 2017", joined.Text);
        Assert.DoesNotContain(p.Passages, x => x.Text.StartsWith("lập từ năm 2017", StringComparison.Ordinal));
    }

    [Fact]
    public void Split_paragraphs_are_rejoined_in_every_seed_but_separate_paragraphs_are_not()
    {
        foreach (var seed in Seeds.All)
            Assert.All(Seeds.Ingest(seed).Programme.Passages, x => Assert.False(char.IsLower(x.Text[0]), $"{seed}: {x.Id} starts in lower case: {x.Text[..20]}"));
        var tien = Seeds.Ingest(Seeds.TienGiang).Programme;
        // "Tuy nhiên …" and "Nguyên nhân …" are consecutive lines without a blank, and two paragraphs.
        Assert.Contains(tien.Passages, x => x.Text.StartsWith("Nguyên nhân của những hạn chế", StringComparison.Ordinal));
    }

    [Fact]
    public void Assignment_lines_are_fields_of_the_task_not_passages()
    {
        var p = Seeds.Ingest(Seeds.QuangNgai).Programme;
        Assert.DoesNotContain(p.Passages, x => x.Text.StartsWith("Cơ quan", StringComparison.Ordinal) || x.Text.StartsWith("Thời gian thực hiện", StringComparison.Ordinal));
        var task = Assert.Single(p.Passages, x => x.Text.StartsWith("Triển khai quán triệt nội dung của Nghị quyết số 29-NQ/TW", StringComparison.Ordinal));
        Assert.Equal(["Cơ quan chỉ đạo", "Cơ quan chủ trì tham mưu", "Cơ quan tổ chức thực hiện", "Thời gian thực hiện"], task.Fields.Select(f => f.Label));
        // The value broken across a page break is whole.
        Assert.Equal("Các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc, các tổ chức chính trị - xã hội.", task.Fields[2].Value);
        Assert.Equal("Thường xuyên.", task.Fields[3].Value);
        var withFields = p.Passages.Count(x => x.Fields.Count > 0);
        Assert.True(withFields >= 40, $"only {withFields} tasks carry assignments");
        Assert.All(p.Passages.SelectMany(x => x.Fields), f => Assert.Contains(f.Label, new[]
        {
            "Cơ quan chỉ đạo", "Cơ quan chủ trì tham mưu", "Cơ quan tham mưu, thực hiện", "Cơ quan tổ chức thực hiện", "Thời gian thực hiện",
        }));
    }

    [Fact]
    public void Distribution_list_and_signature_block_are_closing_matter_not_body()
    {
        var (p, _) = Seeds.Ingest(Seeds.TienGiang);
        Assert.DoesNotContain(p.Passages, x => x.Text.Contains("Nơi nhận") || x.Text.Contains("Lưu Văn phòng") || x.Text == "Nguyễn Văn Danh" || x.Text.Contains("T/M"));
        Assert.Equal(8, p.Closing.Recipients.Count);
        Assert.Equal("Lưu Văn phòng Tỉnh ủy.", p.Closing.Recipients[^1]);
        Assert.Equal(["T/M TỈNH ỦY", "BÍ THƯ", "Nguyễn Văn Danh"], p.Closing.SignatureLines);

        var hau = Seeds.Ingest(Seeds.HauGiang).Programme;
        Assert.Empty(hau.Closing.SignatureLines);
        Assert.Contains("Các huyện, thị, thành ủy, đảng ủy trực thuộc Tỉnh ủy,", hau.Closing.Recipients);
        Assert.StartsWith("Ban cán sự đảng Ủy ban nhân dân tỉnh chủ trì", hau.Passages[^1].Text);
    }

    [Fact]
    public void Passage_ids_are_section_anchor_plus_ordinal_and_the_preamble_is_s_0()
    {
        var p = Seeds.Ingest(Seeds.TienGiang).Programme;
        Assert.Equal("s-0-p1", p.Passages[0].Id);
        Assert.Null(p.Passages[0].SectionId);
        Assert.StartsWith("Thực hiện Nghị quyết 29-NQ/TW ngày 17/11/2022", p.Passages[0].Text);
        var inIII2 = p.Passages.Where(x => x.SectionId == "s-iii-2").ToList();
        Assert.Equal(Enumerable.Range(1, inIII2.Count).Select(n => $"s-iii-2-p{n}"), inIII2.Select(x => x.Id));
        Assert.All(inIII2, x => Assert.Equal(["III", "2"], x.SectionPath));
        Assert.All(inIII2, x => Assert.Equal("-", x.Marker));
        foreach (var seed in Seeds.All)
        {
            var ids = Seeds.Ingest(seed).Programme.Passages.Select(x => x.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }
    }

    [Fact]
    public void Editing_a_paragraph_in_one_section_does_not_change_ids_elsewhere()
    {
        var text = Seeds.Text(Seeds.TienGiang);
        var original = Seeds.IngestText(Seeds.TienGiang, text).Programme;
        // Add a paragraph to I and remove one bullet from III.2.
        var edited = text.Replace("Tuy nhiên, công nghiệp của tỉnh", "Một đoạn mới được thêm vào.\n\nTuy nhiên, công nghiệp của tỉnh")
                         .Replace("- Phát triển kinh tế số, xã hội số;", "Phát triển kinh tế số, xã hội số;");
        var changed = Seeds.IngestText(Seeds.TienGiang, edited).Programme;
        string[] untouched = ["s-ii-1", "s-iii-1", "s-iii-5", "s-iv"];
        foreach (var section in untouched)
            Assert.Equal(original.Passages.Where(x => x.SectionId == section).Select(x => (x.Id, x.Text)),
                         changed.Passages.Where(x => x.SectionId == section).Select(x => (x.Id, x.Text)));
        Assert.Equal(Seeds.AllSections(original.Sections).Select(s => s.Id), Seeds.AllSections(changed.Sections).Select(s => s.Id));
    }
}

/// <summary>The closing matter whatever its layout.</summary>
public class ClosingMatterSpec
{
    [Fact]
    public void A_two_column_closing_flattened_into_tabbed_lines_is_split_into_recipients_and_signature()
    {
        var text = "CHƯƠNG TRÌNH\n-----\nI- MỤC TIÊU\n\nNội dung.\n\nNơi nhận:\t\tT/M TỈNH ỦY\n- Ban Bí thư,\t\tBÍ THƯ\n- Lưu VPTU.\n\t\tTrần Văn Nam\n";
        var p = Seeds.IngestText("closing.txt", text).Programme;
        Assert.Equal(["Ban Bí thư,", "Lưu VPTU."], p.Closing.Recipients);
        Assert.Equal(new Atlas.Model.Signatory("Trần Văn Nam", "Bí thư"), p.Metadata.Signatory);
        Assert.Equal("Nội dung.", Assert.Single(p.Passages).Text);
    }

    [Fact]
    public void A_signature_without_distribution_list_still_leaves_the_body()
    {
        var text = "CHƯƠNG TRÌNH\n-----\nI- MỤC TIÊU\n\nNội dung một.\n\nNội dung hai.\n\nNội dung ba.\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nLê Thị Hoa\n";
        var (p, _) = Seeds.IngestText("sig.txt", text);
        Assert.Equal(3, p.Passages.Count);
        Assert.Equal(new Atlas.Model.Signatory("Lê Thị Hoa", "Phó Bí thư"), p.Metadata.Signatory);
    }
}
