using Atlas.Ingest.Header;

namespace Atlas.Tests.Ingest.Header;

/// <summary>
/// What a programme implements is read from the part of its title after "thực hiện" (or "triển khai", "quán triệt")
/// and from the opening clause of its preamble. A title without such a word is the programme's own name: its kind word
/// ("Chương trình hành động") is not a document it implements, and neither is its own number.
/// </summary>
public class ImplementsReaderSpec
{
    [Fact]
    public void A_title_that_only_names_the_programme_implements_nothing()
    {
        var found = ImplementsReader.Read("CHƯƠNG TRÌNH HÀNH ĐỘNG về phát triển công nghiệp giai đoạn 2021-2025", "Mục 1", null, out var evidence);

        Assert.Empty(found);
        Assert.Null(evidence);
    }

    [Fact]
    public void A_title_that_repeats_the_programme_s_own_number_does_not_implement_it()
    {
        var found = ImplementsReader.Read("KẾ HOẠCH số 12-KH/TU về phát triển nguồn nhân lực", null, "12-KH/TU", out _);

        Assert.Empty(found);
    }

    [Fact]
    public void A_numbered_document_a_title_is_about_is_still_read_without_an_implementing_word()
    {
        var found = ImplementsReader.Read("CHƯƠNG TRÌNH HÀNH ĐỘNG của Tỉnh ủy về Nghị quyết số 29-NQ/TW ngày 17/11/2022", null, "45-CTr/TU", out var evidence);

        var document = Assert.Single(found);
        Assert.Equal(("29-NQ/TW", "2022-11-17"), (document.Number, document.Date));
        Assert.StartsWith("CHƯƠNG TRÌNH HÀNH ĐỘNG", evidence);
    }

    [Theory]
    [InlineData("KẾ HOẠCH triển khai Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2020-2025")]
    [InlineData("CHƯƠNG TRÌNH HÀNH ĐỘNG thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2020-2025")]
    public void A_document_named_after_an_implementing_word_in_the_title_is_read(string title)
    {
        var document = Assert.Single(ImplementsReader.Read(title, null, null, out _));

        Assert.Null(document.Number);
        Assert.Equal("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX", document.Label);
    }

    [Fact]
    public void The_evidence_is_the_preamble_s_clause_when_it_names_the_documents_too()
    {
        const string preamble = "Thực hiện Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng, Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch thực hiện như sau:";

        var found = ImplementsReader.Read("KẾ HOẠCH thực hiện Nghị quyết số 45-NQ/TW", preamble, "12-KH/TU", out var evidence);

        Assert.Equal(["45-NQ/TW"], found.Select(d => d.Number));
        Assert.Equal("2023-11-24", found[0].Date);
        Assert.Equal("Thực hiện Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng", evidence);
    }
}
