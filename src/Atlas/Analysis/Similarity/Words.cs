namespace Atlas.Analysis.Similarity;

/// <summary>A word of a passage: folded form and where it stands in the original text.</summary>
internal readonly record struct Word(string Text, int Start, int End);

internal static class Words
{
    /// <summary>Folded words (letters and digits) with their char positions in <paramref name="text"/>.</summary>
    public static List<Word> Of(string text)
    {
        var scan = new WordScan();
        scan.Read(text);
        var words = new List<Word>(scan.Count);
        for (int w = 0; w < scan.Count; w++)
            words.Add(new Word(new string(scan.Folded.AsSpan(scan.Starts[w], scan.Ends[w] - scan.Starts[w])), scan.Starts[w], scan.Ends[w]));
        return words;
    }

    /// <summary>FNV-1a over the folded words [from, from+count): stable across runs and machines (string.GetHashCode is not).</summary>
    public static ulong Hash(List<Word> words, int from, int count)
    {
        ulong h = WordScan.Basis;
        for (int w = from; w < from + count; w++) h = WordScan.Continue(h, words[w].Text);
        return h;
    }
}

/// <summary>
/// The words of one passage at a time, folded, as char offsets into a reusable buffer: the similarity analyses scan
/// every passage of a thousand programmes, so no string is made per word. One instance per thread; not thread-safe.
/// </summary>
internal sealed class WordScan
{
    public const ulong Basis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public char[] Folded { get; private set; } = new char[256];
    public int[] Starts { get; private set; } = new int[64];
    public int[] Ends { get; private set; } = new int[64];
    public int Count { get; private set; }

    /// <summary>Cuts <paramref name="text"/> into words: a letter or digit, then letters, digits and stray combining marks.</summary>
    public void Read(string text)
    {
        if (Folded.Length < text.Length) Folded = new char[Math.Max(text.Length, Folded.Length * 2)];
        var f = Folded;
        TextFold.Fold(text, f);
        Count = 0;
        int i = 0, n = text.Length;
        while (i < n)
        {
            if (!char.IsLetterOrDigit(f[i])) { i++; continue; }
            int s = i;
            while (i < n && (char.IsLetterOrDigit(f[i]) || char.GetUnicodeCategory(f[i]) == System.Globalization.UnicodeCategory.NonSpacingMark)) i++;
            if (Count == Starts.Length)
            {
                Starts = Grow(Starts);
                Ends = Grow(Ends);
            }
            Starts[Count] = s;
            Ends[Count] = i;
            Count++;
        }
    }

    /// <summary>FNV-1a over words [from, from+count), each followed by a space: the same value as <see cref="Words.Hash"/>.</summary>
    public ulong Hash(int from, int count)
    {
        ulong h = Basis;
        for (int w = from; w < from + count; w++) h = Continue(h, Folded.AsSpan(Starts[w], Ends[w] - Starts[w]));
        return h;
    }

    /// <summary>The hash <paramref name="h"/> continued over word <paramref name="w"/> and its trailing space.</summary>
    public ulong Continue(ulong h, int w) => Continue(h, Folded.AsSpan(Starts[w], Ends[w] - Starts[w]));

    /// <summary>The hash <paramref name="h"/> continued over one more word and its trailing space.</summary>
    public static ulong Continue(ulong h, ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            h ^= c;
            h *= Prime;
        }
        h ^= ' ';
        h *= Prime;
        return h;
    }

    private static int[] Grow(int[] a)
    {
        var b = new int[a.Length * 2];
        a.CopyTo(b, 0);
        return b;
    }
}
