using System.Text;

namespace Atlas.Tests.Ingest;

/// <summary>The same programme re-typed — other line endings, decomposed diacritics, hard-wrapped — is understood the same way.</summary>
public class TextVariantsSpec
{
    public static TheoryData<string> AllSeeds() => new(Seeds.All);

    [Theory]
    [MemberData(nameof(AllSeeds))]
    public void Crlf_and_cr_line_endings_give_an_identical_programme(string seed)
    {
        var lf = Seeds.Text(seed).Replace("\r\n", "\n");
        var expected = Seeds.Understood(Seeds.IngestText(seed, lf).Programme);
        Assert.Equal(expected, Seeds.Understood(Seeds.IngestText(seed, lf.Replace("\n", "\r\n")).Programme));
        Assert.Equal(expected, Seeds.Understood(Seeds.IngestText(seed, lf.Replace("\n", "\r")).Programme));
    }

    [Theory]
    [MemberData(nameof(AllSeeds))]
    public void Decomposed_diacritics_give_an_identical_programme(string seed)
    {
        var text = Seeds.Text(seed);
        var expected = Seeds.Understood(Seeds.IngestText(seed, text.Normalize(NormalizationForm.FormC)).Programme);
        Assert.Equal(expected, Seeds.Understood(Seeds.IngestText(seed, text.Normalize(NormalizationForm.FormD)).Programme));
    }

    [Theory]
    [InlineData("\uF0B7 ")]  // Word's Symbol bullet, copied as text
    [InlineData("\uF0D8\t")] // a Wingdings arrow and the tab Word puts after it
    [InlineData("  \uF0A7 ")]
    public void Word_symbol_bullets_are_bullets_and_never_print_as_empty_boxes(string bullet)
    {
        var text = Seeds.Text(Seeds.TienGiang).Replace("\r\n", "\n");
        var dashed = Seeds.IngestText(Seeds.TienGiang, text).Programme;
        var symbol = Seeds.IngestText(Seeds.TienGiang, System.Text.RegularExpressions.Regex.Replace(text, "(?m)^- ", bullet)).Programme;
        Assert.Equal(dashed.Passages.Select(p => p.Id), symbol.Passages.Select(p => p.Id));
        Assert.DoesNotContain(symbol.Passages, p => p.Text.Any(c => c is >= '\uF000' and <= '\uF0FF'));
        Assert.Equal(dashed.Passages.Count(p => p.Text.StartsWith("- ")), symbol.Passages.Count(p => p.Text.StartsWith("• ")));
    }

    [Theory]
    [InlineData(Seeds.KienGiang)]
    [InlineData(Seeds.ThaiBinh)]
    [InlineData(Seeds.QuangNgai)]
    [InlineData(Seeds.HauGiang)]
    public void A_copy_hard_wrapped_at_72_columns_gives_the_same_passages(string seed)
    {
        var original = Seeds.Ingest(seed).Programme;
        var wrapped = Seeds.IngestText(seed, Seeds.HardWrap(Seeds.Text(seed), 72)).Programme;
        Assert.Equal(original.Passages.Select(p => p.Text), wrapped.Passages.Select(p => p.Text));
        Assert.Equal(original.Passages.Select(p => p.Id), wrapped.Passages.Select(p => p.Id));
        Assert.Equal(original.Metadata.Number, wrapped.Metadata.Number);
        Assert.Equal(original.Metadata.Province, wrapped.Metadata.Province);
    }

    /// <summary>
    /// Tiền Giang puts two paragraphs on consecutive lines with no blank between them ("… chưa cao..." / "Nguyên nhân …").
    /// Hard-wrapped, the first one's last line happens to be full, so nothing in the wrapped text tells a paragraph end from
    /// a wrap at a sentence end; ingest reads it as a wrap (the far more common case). Everything else is read the same.
    /// </summary>
    [Fact]
    public void A_hard_wrapped_tien_giang_differs_only_where_a_paragraph_end_is_indistinguishable_from_a_wrap()
    {
        var original = Seeds.Ingest(Seeds.TienGiang).Programme.Passages.Select(p => p.Text).ToList();
        var wrapped = Seeds.IngestText(Seeds.TienGiang, Seeds.HardWrap(Seeds.Text(Seeds.TienGiang), 72)).Programme.Passages.Select(p => p.Text).ToList();
        int merged = original.FindIndex(t => t.StartsWith("Tuy nhiên, công nghiệp của tỉnh", StringComparison.Ordinal));
        var expected = original.ToList();
        expected[merged] = original[merged] + " " + original[merged + 1];
        expected.RemoveAt(merged + 1);
        Assert.Equal(expected, wrapped);
    }

    [Fact]
    public void A_byte_order_mark_changes_nothing_but_the_reported_encoding()
    {
        var bytes = Encoding.UTF8.GetBytes(Seeds.Text(Seeds.ThaiBinh));
        var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(bytes).ToArray();
        var a = Assert.IsType<Atlas.Ingest.Ingested>(Seeds.IngestBytes(Seeds.ThaiBinh, bytes));
        var b = Assert.IsType<Atlas.Ingest.Ingested>(Seeds.IngestBytes(Seeds.ThaiBinh, withBom));
        Assert.Equal(Seeds.Understood(a.Programme), Seeds.Understood(b.Programme));
    }
}
