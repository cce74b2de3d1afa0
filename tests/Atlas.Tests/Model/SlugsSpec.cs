using Atlas.Model;

namespace Atlas.Tests.Model;

public class SlugsSpec
{
    [Theory]
    [InlineData("Tiền Giang", "tien-giang")]
    [InlineData("Đắk Lắk", "dak-lak")]
    [InlineData("29-NQ/TW", "29-nq-tw")]
    [InlineData("  Thừa Thiên Huế!! ", "thua-thien-hue")]
    [InlineData("Hòa Bình", "hoa-binh")]
    public void Folds_vietnamese_to_ascii_dashes(string input, string expected) =>
        Assert.Equal(expected, Slugs.From(input));

    [Fact]
    public void Nfd_and_nfc_give_the_same_slug() =>
        Assert.Equal(Slugs.From("Quảng Ngãi"), Slugs.From("Quảng Ngãi".Normalize(System.Text.NormalizationForm.FormD)));
}
