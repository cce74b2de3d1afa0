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

    /// <summary>The definition: NFD, combining marks dropped, lower case, đ → d, runs of anything else → one dash.</summary>
    private static string Reference(string text)
    {
        var sb = new System.Text.StringBuilder();
        bool dash = false;
        foreach (var ch in text.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            var c = ch switch { 'đ' => 'd', 'Đ' => 'd', _ => char.ToLowerInvariant(ch) };
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') { sb.Append(c); dash = false; }
            else if (!dash && sb.Length > 0) { sb.Append('-'); dash = true; }
        }
        return sb.ToString().TrimEnd('-');
    }

    [Fact]
    public void Every_character_folds_as_its_canonical_decomposition_does()
    {
        for (int c = 1; c < 0x10000; c++)
        {
            if (char.IsSurrogate((char)c)) continue;
            var text = "a" + (char)c + "b";
            string reference;
            try { reference = Reference(text); }
            catch (ArgumentException) { Assert.Equal("a-b", Slugs.From(text)); continue; } // unassigned: a separator
            Assert.True(Reference(text) == Slugs.From(text), $"U+{c:X4}: {Reference(text)} vs {Slugs.From(text)}");
        }
    }

    [Fact]
    public void Whole_documents_fold_as_the_definition_says()
    {
        foreach (var seed in Atlas.Tests.Ingest.Seeds.All)
            foreach (var line in Atlas.Tests.Ingest.Seeds.Text(seed).Split('\n'))
                Assert.Equal(Reference(line), Slugs.From(line));
        Assert.Equal(Reference("x\U0001D400y 𝐀"), Slugs.From("x\U0001D400y 𝐀"));
    }
}
