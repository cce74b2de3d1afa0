using Atlas.Model;

namespace Atlas.Ingest.Header;

/// <summary>
/// Planning horizon years: "đến năm 2030", "tầm nhìn đến năm 2045", the end of "giai đoạn 2021-2025", in the title or in
/// the headings of the objectives (Mục tiêu, Tầm nhìn, Định hướng, Chỉ tiêu). A term ("nhiệm kỳ 2020-2025") is not a horizon.
/// </summary>
public static class HorizonReader
{
    private static readonly string[] ObjectiveWords = ["muc-tieu", "tam-nhin", "dinh-huong", "chi-tieu"];

    public static IReadOnlyList<int> Read(string? title, IEnumerable<Section> sections)
    {
        var years = new SortedSet<int>();
        if (title is not null) Collect(title, years);
        foreach (var section in Flatten(sections))
        {
            var folded = Slugs.From(section.Heading);
            if (ObjectiveWords.Any(w => folded.Contains(w, StringComparison.Ordinal))) Collect(section.Heading, years);
        }
        return years.ToList();
    }

    private static IEnumerable<Section> Flatten(IEnumerable<Section> sections) =>
        sections.SelectMany(s => new[] { s }.Concat(Flatten(s.Children)));

    private static void Collect(string text, SortedSet<int> years)
    {
        var words = Slugs.From(text).Split('-');
        for (int i = 0; i < words.Length; i++)
        {
            if (!IsYear(words[i], out var year)) continue;
            var prev = i > 0 ? words[i - 1] : "";
            var prev2 = i > 1 ? words[i - 2] : "";
            var prev3 = i > 2 ? words[i - 3] : "";
            bool byTo = prev is "den" or "toi" || (prev == "nam" && prev2 is "den" or "toi" or "nhin") || prev == "nhin";
            // "giai đoạn 2021-2025", "(2021 - 2030)": the end year; but not a term of office ("nhiệm kỳ 2020-2025").
            bool periodEnd = IsYear(prev, out _) && !(prev2 == "ky" && prev3 == "nhiem");
            if (byTo || periodEnd) years.Add(year);
        }
    }

    private static bool IsYear(string word, out int year) =>
        int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year)
        && word.Length == 4 && year is >= 2000 and <= 2100;
}
