using Atlas.Search;
using Atlas.Search.Export;

namespace Atlas.Tests.Search;

/// <summary>
/// Format 5: identical passages share one posting (their first copy) and match sets are told relative to earlier
/// programmes with the same passages. Both must describe exactly the passages they stand for.
/// </summary>
public class CopyTemplatesSpec
{
    /// <summary>Three programmes of 5 passages: the second copies the first but for one passage, the third is new.</summary>
    private static (int[] Rep, int[] Starts) Layout() =>
        ([0, 1, 2, 3, 4, 0, 1, 7, 3, 4, 10, 11, 12, 13, 14], [0, 5, 10]);

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    [InlineData(new[] { 0, 2, 5, 7, 12 })]
    [InlineData(new[] { 1, 3, 6, 8, 9, 10, 11, 12, 13, 14 })]
    [InlineData(new[] { 0, 1, 2, 3, 4, 5, 6, 8, 9, 14 })]
    public void A_set_told_relative_to_templates_decodes_to_the_same_passages(int[] docs)
    {
        var (rep, starts) = Layout();
        var templates = CopyTemplates.Of(rep, starts);
        Assert.True(templates.Any);
        Assert.Equal(docs, templates.Decode(templates.Encode(docs)));
    }

    [Fact]
    public void Many_copies_of_one_programme_make_a_dense_set_a_few_characters()
    {
        const int copies = 200, length = 40;
        var rep = new int[copies * length];
        for (int d = 0; d < rep.Length; d++) rep[d] = d % length;
        var starts = Enumerable.Range(0, copies).Select(p => p * length).ToArray();
        var templates = CopyTemplates.Of(rep, starts);
        var docs = Enumerable.Range(0, rep.Length).Where(d => d % length % 3 == 0).ToArray();
        var encoded = templates.Encode(docs);
        Assert.StartsWith("~", encoded);
        Assert.True(encoded.Length * 10 < DocSets.Encode(docs).Length, $"{encoded.Length} characters");
        Assert.Equal(docs, templates.Decode(encoded));
    }

    [Fact]
    public void Passages_with_the_same_words_name_the_first_of_them_and_no_other()
    {
        var model = SearchFixtures.Model([
            SearchFixtures.Programme("a", "Hà Nội", "Phát triển công nghiệp.", "Điện gió ngoài khơi.", "Phát triển công nghiệp"),
            SearchFixtures.Programme("b", "Huế", "Phát triển công nghiệp!", "Điện gió ngoài khơi 2030.", "phát triển CÔNG NGHIỆP"),
        ]);
        var corpus = ExportCorpus.Of(PassageIndex.Records(model));
        // Same words (punctuation and case aside) → the first such passage; a number more → a passage of its own.
        Assert.Equal([0, 1, 0, 0, 4, 0], corpus.Rep);
    }
}
