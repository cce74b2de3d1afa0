namespace Atlas.Analysis.Similarity;

/// <summary>A word of a passage: folded form and where it stands in the original text.</summary>
internal readonly record struct Word(string Text, int Start, int End);

internal static class Words
{
    /// <summary>Folded words (letters and digits) with their char positions in <paramref name="text"/>.</summary>
    public static List<Word> Of(string text)
    {
        var f = TextFold.Fold(text);
        var words = new List<Word>();
        int i = 0;
        while (i < f.Length)
        {
            if (!char.IsLetterOrDigit(f[i])) { i++; continue; }
            int s = i;
            while (i < f.Length && (char.IsLetterOrDigit(f[i]) || char.GetUnicodeCategory(f[i]) == System.Globalization.UnicodeCategory.NonSpacingMark)) i++;
            words.Add(new Word(f[s..i], s, i));
        }
        return words;
    }

    /// <summary>FNV-1a over the folded words [from, from+count): stable across runs and machines (string.GetHashCode is not).</summary>
    public static ulong Hash(List<Word> words, int from, int count)
    {
        ulong h = 14695981039346656037UL;
        for (int w = from; w < from + count; w++)
        {
            foreach (var c in words[w].Text)
            {
                h ^= c;
                h *= 1099511628211UL;
            }
            h ^= ' ';
            h *= 1099511628211UL;
        }
        return h;
    }
}
