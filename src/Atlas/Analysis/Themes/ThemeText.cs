using System.Globalization;
using System.Text;

namespace Atlas.Analysis.Themes;

/// <summary>
/// The matching form of Vietnamese text for theme rules: lowercase ASCII words separated by single spaces,
/// padded with one space at each end so a phrase matches whole words only (" cong nghiep ").
/// Marks are removed after NFD decomposition, so NFC/NFD input and old/new tone placement ("hoá"/"hóa") fold
/// alike; đ and ð become d; y becomes i, so spelling variants "kỹ/kĩ", "quy/qui", "lý/lí" match.
/// Everything else (punctuation, dashes, quotes) separates words: "khoa học - công nghệ" = "khoa học, công nghệ".
/// Folding is character-local, so the fold of a prefix of a text is a prefix of the fold of the text.
/// Kept apart from the search stage's folding on purpose (its own rules, its own owner); both agree on marks and đ.
/// </summary>
internal static class ThemeText
{
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length + 2);
        sb.Append(' ');
        var table = Table.Value;
        foreach (var ch in text)
        {
            var c = table[ch];
            if (c == Skip) continue;
            if (c == Slow)
            {
                foreach (var d in ch.ToString().Normalize(NormalizationForm.FormD)) Append(sb, FoldDecomposed(d));
                continue;
            }
            Append(sb, c);
        }
        if (sb[^1] != ' ') sb.Append(' ');
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, char c)
    {
        if (c == Skip) return;
        if (c != ' ') sb.Append(c);
        else if (sb[^1] != ' ') sb.Append(' ');
    }

    // Folding is per char (marks are dropped, so NFD's reordering of marks never matters): each char's result is
    // computed once — a letter or digit, a separator, or nothing (a mark). Chars whose decomposition holds more than
    // one non-mark (none in Vietnamese text) take the slow path. Immutable once built.
    private const char Skip = '\0', Slow = '*'; // never a fold result
    private static readonly Lazy<char[]> Table = new(BuildTable);

    private static char[] BuildTable()
    {
        var table = new char[65536];
        for (int i = 0; i < table.Length; i++)
        {
            var ch = (char)i;
            if (char.IsSurrogate(ch)) { table[i] = ' '; continue; }
            string decomposed;
            try { decomposed = ch.ToString().Normalize(NormalizationForm.FormD); }
            catch (ArgumentException) { table[i] = ' '; continue; } // not a character (noncharacter, unassigned): a separator
            char result = Skip;
            int kept = 0;
            foreach (var d in decomposed)
            {
                var f = FoldDecomposed(d);
                if (f == Skip) continue;
                kept++;
                result = f;
            }
            table[i] = kept > 1 ? Slow : result;
        }
        return table;
    }

    /// <summary>One char of NFD text: nothing for a mark, else the folded letter or digit, else a separator.</summary>
    private static char FoldDecomposed(char ch)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(ch);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) return Skip;
        var c = ch switch
        {
            'đ' or 'Đ' or 'ð' or 'Ð' => 'd',
            _ => char.ToLowerInvariant(ch),
        };
        if (c == 'y') c = 'i';
        return c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : ' ';
    }

    /// <summary>How many folded words <paramref name="text"/> holds (the length of <see cref="Words"/>), without making them.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        var table = Table.Value;
        int count = 0;
        bool inWord = false;
        foreach (var ch in text)
        {
            var c = table[ch];
            if (c == Skip) continue;
            if (c == Slow) return Words(text.ToString()).Length;
            bool letter = c != ' ';
            if (letter && !inWord) count++;
            inWord = letter;
        }
        return count;
    }

    /// <summary>The folded words of a text, in order.</summary>
    public static string[] Words(string text) => Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The same words as <see cref="Words"/> without a string per word (every passage of the corpus is read): written
    /// one after the other into <paramref name="chars"/>, word k ending at <c>ends[k]</c>. Buffers grow as needed.
    /// </summary>
    /// <returns>The number of words.</returns>
    public static int Words(string text, ref char[] chars, ref int[] ends)
    {
        var table = Table.Value;
        var words = new WordBuffer(chars, ends);
        foreach (var ch in text)
        {
            var c = table[ch];
            if (c == Skip) continue;
            if (c == Slow)
            {
                foreach (var d in ch.ToString().Normalize(NormalizationForm.FormD)) words.Put(FoldDecomposed(d));
                continue;
            }
            words.Put(c);
        }
        words.Put(' ');
        chars = words.Chars;
        ends = words.Ends;
        return words.Count;
    }

    private struct WordBuffer(char[] chars, int[] ends)
    {
        public char[] Chars = chars;
        public int[] Ends = ends;
        public int Count;
        private int length;
        private int wordStart;

        public void Put(char c)
        {
            if (c == Skip) return;
            if (c == ' ')
            {
                if (length == wordStart) return;
                if (Count == Ends.Length) Array.Resize(ref Ends, Math.Max(16, Ends.Length * 2));
                Ends[Count++] = length;
                wordStart = length;
                return;
            }
            if (length == Chars.Length) Array.Resize(ref Chars, Math.Max(64, Chars.Length * 2));
            Chars[length++] = c;
        }
    }
}
