using Atlas.Model;

namespace Atlas.Tests.Model;

/// <summary>A passage is cited by its section path as a reader would write it: the document's decimal numbers already
/// carry their parents' numbers, so they are not repeated.</summary>
public class SectionPathSpec
{
    [Theory]
    [InlineData(new[] { "II", "2", "2.2", "2.2.1" }, "II.2.2.1")]
    [InlineData(new[] { "II", "1", "1.1" }, "II.1.1")]
    [InlineData(new[] { "II", "2.1" }, "II.2.1")]
    [InlineData(new[] { "III", "2", "a" }, "III.2.a")]
    [InlineData(new[] { "I", "1", "12" }, "I.1.12")]
    [InlineData(new[] { "I", "2", "2.10" }, "I.2.10")]
    [InlineData(new[] { "MỤC TIÊU", "1" }, "MỤC TIÊU.1")]
    [InlineData(new[] { "IV" }, "IV")]
    [InlineData(new string[0], "")]
    public void Decimal_numbers_replace_the_parent_numbers_they_repeat(string[] path, string citation) =>
        Assert.Equal(citation, SectionPath.Cite(path));

    [Fact]
    public void A_passage_and_its_section_are_cited_alike()
    {
        var section = new Section("s-ii-2-2-1", "2.2.1", SectionKind.Numbered, "Mục tiêu đến năm 2025", ["II", "2", "2.2", "2.2.1"], []);
        var passage = new Passage("s-ii-2-2-1-p1", section.Id, section.Path, null, "Tăng trưởng 8%.");
        Assert.Equal("II.2.2.1", section.Citation);
        Assert.Equal(section.Citation, passage.Citation);
    }
}
