using System.Text;
using Atlas.Analysis.Themes;

namespace Atlas.Tests.Analysis.Themes;

/// <summary>The buffer form of the folded words (used for every passage) gives exactly the words of the string form.</summary>
public class ThemeTextSpec
{
    public static TheoryData<string> Texts => new()
    {
        "",
        "   ",
        "- ; : .",
        "Công nghiệp hóa, hiện đại hóa",
        "KHOA HỌC - CÔNG NGHỆ; kỹ thuật/kĩ thuật",
        "Đẩy mạnh   chuyển đổi số.",
        "Nông nghiệp".Normalize(NormalizationForm.FormD),
        "ﬁnance ½ x²", // chars whose decomposition holds several letters or digits take the slow path
        "a",
        "tỷ lệ 95%, năm 2030",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_buffered_words_equal_the_split_words(string text)
    {
        // Tiny buffers, so growing them is exercised too.
        var chars = new char[1];
        var ends = new int[1];
        int count = ThemeText.Words(text, ref chars, ref ends);
        var words = new List<string>();
        int start = 0;
        for (int k = 0; k < count; k++)
        {
            words.Add(new string(chars, start, ends[k] - start));
            start = ends[k];
        }
        Assert.Equal(ThemeText.Words(text), words);
    }

    [Fact]
    public void Buffers_are_reused_from_one_text_to_the_next()
    {
        var chars = new char[64];
        var ends = new int[16];
        ThemeText.Words("một hai ba bốn năm sáu bảy tám", ref chars, ref ends);
        int count = ThemeText.Words("Hóa", ref chars, ref ends);
        Assert.Equal(1, count);
        Assert.Equal("hoa", new string(chars, 0, ends[0]));
    }
}
