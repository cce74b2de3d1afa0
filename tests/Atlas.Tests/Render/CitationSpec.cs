using Atlas.Model;
using Atlas.Render;

namespace Atlas.Tests.Render;

public sealed class CitationSpec
{
    [Fact]
    public void Cites_a_section_the_way_Vietnamese_scholarship_does()
    {
        var m = TestAtlas.TienGiang().Metadata;
        Assert.Equal("Tỉnh ủy Tiền Giang, Chương trình số 38-CTr/TU ngày 31/3/2023, mục III.2", Citation.For(m, "III.2"));
    }

    [Fact]
    public void Leaves_out_what_the_document_does_not_state()
    {
        var m = new ProgrammeMetadata("Chương trình hành động thực hiện Nghị quyết", "Quảng Ngãi", null, null, null, null, [], null, []);
        Assert.Equal("Quảng Ngãi, Chương trình hành động, mục II.1", Citation.For(m, "II.1"));
        Assert.Equal("Chương trình hành động", Citation.For(m with { Province = null }, null));
    }

    [Theory]
    [InlineData("TỈNH ỦY TIỀN GIANG", "Tiền Giang", "Tỉnh ủy Tiền Giang")]
    [InlineData("BAN THƯỜNG VỤ TỈNH ỦY HẬU GIANG", "Hậu Giang", "Ban thường vụ tỉnh ủy Hậu Giang")]
    [InlineData("Tỉnh ủy Thái Bình", "Thái Bình", "Tỉnh ủy Thái Bình")]
    [InlineData("Ban Thường vụ Tỉnh ủy", "Hậu Giang", "Ban Thường vụ Tỉnh ủy Hậu Giang")]
    [InlineData("Ban Chấp hành Đảng bộ tỉnh", "Kiên Giang", "Ban Chấp hành Đảng bộ tỉnh Kiên Giang")]
    public void Writes_the_issuer_as_running_text_naming_its_province(string issuer, string province, string expected)
    {
        var m = new ProgrammeMetadata(null, province, issuer, null, null, null, [], null, []);
        Assert.Equal(expected, Citation.Issuer(m));
    }

    [Theory]
    [InlineData("123-CTr/TU", "Chương trình")]
    [InlineData("05-KH/TU", "Kế hoạch")]
    [InlineData("12-NQ/TU", "Nghị quyết")]
    [InlineData("245/KH-UBND", "Kế hoạch")]
    public void Names_the_kind_of_document_from_its_number(string number, string kind) =>
        Assert.Equal(kind, Citation.Kind(new ProgrammeMetadata(null, null, null, number, null, null, [], null, [])));

    [Theory]
    [InlineData("ĐỀ ÁN phát triển công nghiệp bán dẫn", "Đề án")]
    [InlineData("CHƯƠNG TRÌNH HÀNH ĐỘNG thực hiện Nghị quyết 29-NQ/TW", "Chương trình hành động")]
    [InlineData("Kế hoạch triển khai", "Kế hoạch")]
    [InlineData("Chương trìnhX", "Chương trình")] // not a kind word: the citation's default
    public void Without_a_number_the_kind_is_the_one_the_title_opens_with(string title, string kind)
    {
        var m = new ProgrammeMetadata(title, null, null, null, null, null, [], null, []);
        Assert.Equal(kind, Citation.Kind(m));
        Assert.Equal(title.StartsWith("Chương trìnhX") ? null : kind, DocumentKinds.Of(m));
    }
}

public sealed class DocumentLinkerSpec
{
    private static readonly Atlas.Render.PageLinks At = new(new Atlas.Render.Language("vi", "", new Dictionary<string, string>()), "programmes/x.html");

    [Theory]
    [InlineData("theo Nghị quyết 29-NQ/TW.", "theo Nghị quyết <a class=\"doc-ref\" href=\"../resolutions/29-nq-tw.html\">29-NQ/TW</a>.")]
    [InlineData("Kế hoạch 13- KH/TW và", "Kế hoạch <a class=\"doc-ref\" href=\"../resolutions/13-kh-tw.html\">13- KH/TW</a> và")]
    [InlineData("Quyết định 52/NQ-CP", "Quyết định 52/NQ-CP")]
    [InlineData("129-NQ/TW và 29-NQ/TWX", "129-NQ/TW và 29-NQ/TWX")]
    [InlineData("<b>29-NQ/TW</b>", "&lt;b&gt;<a class=\"doc-ref\" href=\"../resolutions/29-nq-tw.html\">29-NQ/TW</a>&lt;/b&gt;")]
    public void Escapes_the_text_then_links_only_known_numbers(string text, string html) =>
        Assert.Equal(html, new Atlas.Render.DocumentLinker(["29-nq-tw", "13-kh-tw"]).Link(text, At).Value);
}
