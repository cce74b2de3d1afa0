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
    public void Writes_a_capitalised_issuer_as_running_text(string issuer, string province, string expected)
    {
        var m = new ProgrammeMetadata(null, province, issuer, null, null, null, [], null, []);
        Assert.Equal(expected, Citation.Issuer(m));
    }

    [Theory]
    [InlineData("123-CTr/TU", "Chương trình")]
    [InlineData("05-KH/TU", "Kế hoạch")]
    [InlineData("12-NQ/TU", "Nghị quyết")]
    public void Names_the_kind_of_document_from_its_number(string number, string kind) =>
        Assert.Equal(kind, Citation.Kind(new ProgrammeMetadata(null, null, null, number, null, null, [], null, [])));
}
