using System.Text;
using System.Text.Json;
using Atlas.Search;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Search;

/// <summary>
/// The browser client splits and folds text exactly as <see cref="VietnameseText"/> does, including on text its
/// shortcuts do not cover (whole-string lower-casing, a per-character table, a memo of folded words): final sigma,
/// </summary>
public sealed class ClientTextRulesSpec(ExportedSearch site, Browser browser) : IClassFixture<ExportedSearch>, IClassFixture<Browser>
{
    public static readonly string[] Texts =
    [
        "Nghị quyết 29-NQ/TW (khóa XIII), đạt 98,7%.",
        "THỦY LỢI, Hòa Bình, KHỎE mạnh; lũy kế",
        "Điện gió Soài Rạp".Normalize(NormalizationForm.FormD),
        "ΟΔΥΣΣΕΥΣ Σ ΑΣ. σς",                          // final sigma depends on context when a whole string is lower-cased
        "İstanbul İ DİYARBAKIR",                       // U+0130 lower-cases to two units
        "𝐀𝐁 中文 日本語 한국어 😀x😀 \U0001D7D8",          // outside the BMP: letters, a symbol, a digit
        "x\u0301y \u20DD z\u0903",                     // marks, enclosing and spacing
        "điện " + new string('x', VietnameseText.MaxWordLength + 1) + " gió " + new string('y', VietnameseText.MaxWordLength),
        "Ⅻ ½ ² ٣ ߁ ＡＢＣ ǅungla ǈ",                 // numbers that are not decimal digits, full width, title case
    ];

    [Fact]
    public async Task The_client_finds_the_same_words_as_the_analyzer()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(site.HarnessUrl);
        foreach (var text in Texts)
        {
            // Twice: the second run goes through the filled character table and fold memo.
            for (int run = 0; run < 2; run++)
            {
                var client = await page.EvaluateAsync<JsonElement>(
                    "t => AtlasSearch.words(t).map(w => [w.term, w.position, w.start, w.end, AtlasSearch.fold(w.term)])", text);
                var expected = VietnameseText.Words(text)
                    .Select(w => $"{w.Term}|{w.Position}|{w.Start}|{w.End}|{VietnameseText.Fold(w.Term)}").ToList();
                var actual = client.EnumerateArray()
                    .Select(a => $"{a[0].GetString()}|{a[1].GetInt32()}|{a[2].GetInt32()}|{a[3].GetInt32()}|{a[4].GetString()}").ToList();
                Assert.True(expected.SequenceEqual(actual), $"{text}: expected {string.Join(" ", expected)}; client {string.Join(" ", actual)}");
                Assert.Equal(VietnameseText.Normalize(text), await page.EvaluateAsync<string>("t => AtlasSearch.normalize(t)", text));
            }
        }
    }
}
