namespace Atlas.Bench;

/// <summary>
/// Makes every long paragraph of a synthetic programme its own (<c>atlas bench corpus --reword</c>): two of its words
/// are replaced by other words of the same document. The plain corpus re-addresses a few seeds, so most of its ~80,000
/// passages are word-for-word copies of a few thousand texts, which the analysis and the search export read once per
/// text; an atlas of programmes written by different provinces has no such copies. This corpus measures that case.
/// </summary>
internal static class Rewording
{
    private const int MinLineLength = 80;
    private const int MinWords = 8;
    private const int WordsReplaced = 2;

    public static string Reword(string text, ref SplitMix64 random)
    {
        var vocabulary = Words(text).Select(w => text.Substring(w.Start, w.Length))
            .Where(w => w.Length >= 3 && !w.All(char.IsAsciiDigit)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (vocabulary.Length == 0) return text;
        var lines = text.Split('\n');
        for (int l = 0; l < lines.Length; l++)
        {
            if (lines[l].Length < MinLineLength) continue;
            for (int k = 0; k < WordsReplaced; k++)
            {
                var words = Words(lines[l]).Where(w => !lines[l].AsSpan(w.Start, w.Length).ContainsAnyInRange('0', '9')).ToList();
                if (words.Count < MinWords) break;
                var (start, length) = words[random.Below(words.Count)];
                lines[l] = string.Concat(lines[l].AsSpan(0, start), vocabulary[random.Below(vocabulary.Length)], lines[l].AsSpan(start + length));
            }
        }
        return string.Join('\n', lines);
    }

    /// <summary>Runs of letters, combining marks and digits.</summary>
    private static IEnumerable<(int Start, int Length)> Words(string text)
    {
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool word = i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark);
            if (word && start < 0) start = i;
            else if (!word && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
    }
}
