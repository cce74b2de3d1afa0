using Atlas.Model;

namespace Atlas.Tests.Ingest;

/// <summary>
/// Every seed re-typed — re-wrapped at 60–80 columns, unwrapped, with other line endings, decomposed diacritics, doubled
/// blank lines, indents — gives the same section tree and the same passages as the original. The only allowed
/// difference is where the copy itself became ambiguous (see <see cref="RetypedCopy.Ambiguous"/>): two paragraphs on
/// consecutive lines whose boundary, in the copy, looks exactly like a wrap at a sentence end. Ingest then reads a wrap
/// (by far the more common case: a full line that ends a sentence inside a paragraph is about ten times as frequent in
/// the seeds); the test checks that each such merge is one the copy made ambiguous, and nothing else differs.
/// </summary>
public class RetypedCopiesSpec
{
    public static TheoryData<string> AllSeeds() => new(Seeds.All);

    private static IEnumerable<string> Tree(Programme p) =>
        Seeds.AllSections(p.Sections).Select(s => $"{s.Id} {s.Kind} {s.Number} {s.Heading}");

    private static string Passage(Passage x) =>
        $"{x.Id} [{x.Marker}] {x.Text}" + string.Concat(x.Fields.Select(f => $" {{{f.Label}: {f.Value}}}"));

    [Theory]
    [MemberData(nameof(AllSeeds))]
    public void A_retyped_copy_has_the_same_sections_and_passages(string seed) => AssertRetypedCopiesRead(seed, Seeds.Text(seed));

    public static TheoryData<string> Fixtures() => new(OtherProvincesSpec.Files);

    /// <summary>The same for the programmes written for acceptance (tests/Fixtures/programmes/): other layouts, other numbering.</summary>
    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_retyped_copy_of_another_province_has_the_same_sections_and_passages(string file) =>
        AssertRetypedCopiesRead(file, OtherProvincesSpec.Fixture(file));

    private static void AssertRetypedCopiesRead(string seed, string text)
    {
        var original = Seeds.IngestText(seed, text).Programme;
        var failures = new List<string>();
        foreach (var copy in Retyped.CopiesOf(text))
        {
            var p = Seeds.IngestText(seed, copy.Text).Programme;
            if (!Tree(original).SequenceEqual(Tree(p)))
                failures.Add($"{copy.Name}: section tree differs: " + string.Join(" / ", Tree(p).Except(Tree(original)).Take(3)));
            var expected = original.Passages.Select(x => x.Text).ToList();
            var actual = p.Passages.Select(x => x.Text).ToList();
            foreach (var (end, start) in copy.Ambiguous)
            {
                int i = expected.FindIndex(t => t.EndsWith(Tail(end), StringComparison.Ordinal));
                if (i >= 0 && i + 1 < expected.Count && expected[i + 1].StartsWith(Head(start), StringComparison.Ordinal)
                    && !actual.Contains(expected[i + 1]))
                {
                    expected[i] += " " + expected[i + 1];
                    expected.RemoveAt(i + 1);
                }
            }
            if (!expected.SequenceEqual(actual))
            {
                int at = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(k => expected[k] != actual[k], Math.Min(expected.Count, actual.Count));
                failures.Add($"{copy.Name}: passage {at} differs:\n  expected: {Short(expected.ElementAtOrDefault(at))}\n  actual:   {Short(actual.ElementAtOrDefault(at))}");
            }
            if (copy.Ambiguous.Count == 0 && !original.Passages.Select(Passage).SequenceEqual(p.Passages.Select(Passage)))
                failures.Add($"{copy.Name}: passage ids, markers or fields differ");
            var (was, now) = (Seeds.Understood(original with { Sections = [], Passages = [] }), Seeds.Understood(p with { Sections = [], Passages = [] }));
            if (was != now) failures.Add($"{copy.Name}: metadata or closing matter differs: {FirstDifference(was, now)}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string FirstDifference(string a, string b)
    {
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        int from = Math.Max(0, i - 60);
        return $"«{a[from..Math.Min(a.Length, i + 60)]}» vs «{b[from..Math.Min(b.Length, i + 60)]}»";
    }

    private static string Tail(string s) => Clean(s)[^Math.Min(20, Clean(s).Length)..];
    private static string Head(string s) => Clean(s)[..Math.Min(20, Clean(s).Length)];
    private static string Clean(string s) => Atlas.Ingest.Text.TextCleaner.CleanText(s.Normalize(System.Text.NormalizationForm.FormC), out _);
    private static string Short(string? s) => s is null ? "(none)" : s.Length > 140 ? s[..140] + "…" : s;
}
