using System.Text;
using Atlas.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Atlas.Tests.Search;

public class VietnameseTextSpec
{
    [Theory]
    [InlineData("hóa", "hoá")]
    [InlineData("hoá", "hoá")]
    [InlineData("HÓA DẦU", "hoá dầu")]
    [InlineData("thủy lợi", "thuỷ lợi")]
    [InlineData("thuỷ lợi", "thuỷ lợi")]
    [InlineData("khỏe", "khoẻ")]
    [InlineData("hòa", "hoà")]
    [InlineData("Thọai", "thoại")]
    [InlineData("lũy kế", "luỹ kế")]
    [InlineData("tụy", "tuỵ")]
    [InlineData("úy ban", "uý ban")]
    public void Both_tone_placements_normalise_to_the_mark_on_the_main_vowel(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Normalize(input));

    [Theory]
    [InlineData("quý")]
    [InlineData("quỳnh")]
    [InlineData("quỹ")]
    [InlineData("giá")]
    [InlineData("gìn giữ")]
    [InlineData("của")]
    [InlineData("mùa")]
    [InlineData("hoàn thành")]
    [InlineData("khuyến khích")]
    public void Words_already_in_canonical_form_are_unchanged(string word) =>
        Assert.Equal(word, VietnameseText.Normalize(word));

    [Fact]
    public void NFD_input_normalises_like_NFC()
    {
        var nfc = "Khu công nghiệp dịch vụ dầu khí Soài Rạp";
        var nfd = nfc.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(nfc, nfd);
        Assert.Equal(VietnameseText.Normalize(nfc), VietnameseText.Normalize(nfd));
        Assert.Equal(VietnameseText.Words(nfc).Select(w => w.Term), VietnameseText.Words(nfd).Select(w => w.Term));
    }

    [Theory]
    [InlineData("điện gió", "dien gio")]
    [InlineData("Đường sắt", "Duong sat")]
    [InlineData("hoá dầu", "hoa dau")]
    [InlineData("ưu tiên", "uu tien")]
    [InlineData("logistics", "logistics")]
    public void Folding_removes_marks_and_turns_d_stroke_into_d(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Words_are_runs_of_letters_digits_and_marks_with_offsets_into_the_text()
    {
        var text = "Nghị quyết 29-NQ/TW (khóa XIII), đạt 98,7%.";
        var words = VietnameseText.Words(text);
        Assert.Equal(["nghị", "quyết", "29", "nq", "tw", "khoá", "xiii", "đạt", "98", "7"], words.Select(w => w.Term));
        Assert.Equal(Enumerable.Range(0, 10), words.Select(w => w.Position));
        Assert.All(words, w => Assert.Equal(w.Term, VietnameseText.Normalize(text[w.Start..w.End])));
    }

    [Fact]
    public void An_overlong_word_is_skipped_but_keeps_its_position()
    {
        var words = VietnameseText.Words("điện " + new string('x', VietnameseText.MaxWordLength + 1) + " gió");
        Assert.Equal(["điện", "gió"], words.Select(w => w.Term));
        Assert.Equal([0, 2], words.Select(w => w.Position));
    }

    [Fact]
    public void The_analyzer_emits_exact_terms_for_text_and_folded_terms_for_the_folded_field()
    {
        using var analyzer = new VietnameseAnalyzer();
        Assert.Equal(["điện", "gió", "hoá", "dầu"], Terms(analyzer, PassageFields.Text, "Điện GIÓ, hóa dầu"));
        Assert.Equal(["dien", "gio", "hoa", "dau"], Terms(analyzer, PassageFields.Folded, "Điện GIÓ, hóa dầu"));
        Assert.Equal(["điện", "gió"], Terms(analyzer, PassageFields.Text, "Điện gió".Normalize(NormalizationForm.FormD)));
    }

    private static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var ts = analyzer.GetTokenStream(field, text);
        var term = ts.AddAttribute<ICharTermAttribute>();
        ts.Reset();
        while (ts.IncrementToken()) terms.Add(term.ToString());
        ts.End();
        return terms;
    }

    [Fact]
    public void A_character_joins_a_word_exactly_when_it_is_a_letter_a_digit_or_a_mark_ascii_included()
    {
        // The scanner takes a shortcut for ASCII; every character of the first blocks must still follow the category rule.
        for (char c = '\0'; c < '\u2000'; c++)
        {
            if (char.IsSurrogate(c)) continue;
            var category = System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c);
            bool wordChar = char.IsLetter(c) || category is System.Globalization.UnicodeCategory.DecimalDigitNumber
                or System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
                or System.Globalization.UnicodeCategory.EnclosingMark;
            var words = VietnameseText.Words("x" + c + "x");
            // Lower-casing or NFC may change a letter, never whether it is one.
            Assert.True(wordChar ? words.Count == 1 : words.All(w => w.Term == "x"), $"U+{(int)c:X4} ({category})");
        }
    }
}
