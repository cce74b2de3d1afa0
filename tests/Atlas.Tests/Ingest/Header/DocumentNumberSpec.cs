using Atlas.Ingest.Header;

namespace Atlas.Tests.Ingest.Header;

public class DocumentNumberSpec
{
    [Theory]
    [InlineData("Số: 40 - CTr/TU", "40-CTr/TU")]
    [InlineData("Nghị quyết số 202/2025/QH15 ngày 12/6/2025", "202/2025/QH15")]
    [InlineData("Nghị định số 10/2020/NĐ-CP của Chính phủ", "10/2020/NĐ-CP")]
    [InlineData("Quyết định 1234/QĐ-UBND ngày 05/8/2025", "1234/QĐ-UBND")]
    [InlineData("Kế hoạch số 01-KH/BCĐTW", "01-KH/BCĐTW")]
    public void Numbers_in_party_and_state_shapes(string text, string number) =>
        Assert.Equal([number], DocumentNumber.FindAll(text).Select(n => n.Number));

    [Theory]
    [InlineData("ngày 12/6/2025 và 17/11/2022")]
    [InlineData("tỷ lệ 2/2025/abc")]
    public void Dates_and_fractions_are_not_numbers(string text) => Assert.Empty(DocumentNumber.FindAll(text));
}
