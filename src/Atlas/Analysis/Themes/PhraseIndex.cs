namespace Atlas.Analysis.Themes;

/// <summary>
/// Every phrase the theme rules look for, indexed by its first folded word, so one pass over a text's words finds
/// all whole-word matches at once (the corpus can hold thousands of programmes; scanning each passage once per
/// keyword would not scale). Words are numbered (a word no phrase uses is -1), so a passage is matched as numbers
/// without a string per word. Immutable once built.
/// </summary>
internal sealed class PhraseIndex
{
    private readonly List<int[]> phrases = [];
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> vocabulary = new(StringComparer.Ordinal);
    /// <summary>By word id: the phrases starting with it (arrays: read for every word of every passage).</summary>
    private readonly List<int[]> byFirstWord = [];
    /// <summary>The vocabulary again, as an open-addressing table of word id + 1 (0: empty) at a quarter load: a passage's
    /// words are looked up by a hash of their folded chars without the Dictionary's string hashing, and most are not there.</summary>
    private int[] slots = new int[64];
    private readonly List<string> wordTexts = [];

    /// <summary>How many phrases are indexed: ids run from 0 to Count - 1.</summary>
    public int Count => phrases.Count;

    /// <summary>The id of a phrase (the same folded phrase always gets the same id); -1 if it folds to nothing.</summary>
    public int Add(string phrase)
    {
        var words = ThemeText.Words(phrase);
        if (words.Length == 0) return -1;
        var key = string.Join(' ', words);
        if (ids.TryGetValue(key, out var id)) return id;
        var wordIds = new int[words.Length];
        for (int k = 0; k < words.Length; k++)
        {
            if (!vocabulary.TryGetValue(words[k], out wordIds[k]))
            {
                wordIds[k] = vocabulary[words[k]] = vocabulary.Count;
                byFirstWord.Add([]);
                AddToTable(words[k], wordIds[k]);
            }
        }
        id = phrases.Count;
        phrases.Add(wordIds);
        ids[key] = id;
        byFirstWord[wordIds[0]] = [.. byFirstWord[wordIds[0]], id];
        return id;
    }

    private void AddToTable(string word, int id)
    {
        wordTexts.Add(word);
        if (wordTexts.Count * 4 > slots.Length)
        {
            slots = new int[slots.Length * 2];
            for (int w = 0; w < wordTexts.Count; w++) Place(wordTexts[w], w);
        }
        else Place(word, id);
    }

    private void Place(string word, int id)
    {
        int mask = slots.Length - 1;
        int at = (int)(HashOf(word) & (uint)mask);
        while (slots[at] != 0) at = (at + 1) & mask;
        slots[at] = id + 1;
    }

    /// <summary>The id of a folded word, or -1.</summary>
    private int WordId(ReadOnlySpan<char> word)
    {
        int mask = slots.Length - 1;
        for (int at = (int)(HashOf(word) & (uint)mask); ; at = (at + 1) & mask)
        {
            int entry = slots[at];
            if (entry == 0) return -1;
            if (word.SequenceEqual(wordTexts[entry - 1])) return entry - 1;
        }
    }

    /// <summary>FNV-1a over the chars, then mixed so that the low bits index the table. Only for lookups: never in any output.</summary>
    private static uint HashOf(ReadOnlySpan<char> word)
    {
        uint h = 2166136261;
        foreach (var c in word) h = (h ^ c) * 16777619;
        h ^= h >> 15;
        h *= 0x2c1b3c6d;
        return h ^ (h >> 12);
    }

    /// <summary>Every occurrence of every indexed phrase in the words, by start then phrase id.</summary>
    public IReadOnlyList<PhraseMatch> Find(string[] words)
    {
        var numbered = new int[words.Length];
        for (int k = 0; k < words.Length; k++) numbered[k] = vocabulary.GetValueOrDefault(words[k], -1);
        return Find(numbered);
    }

    /// <summary>The matches in the folded words of <paramref name="text"/> (<see cref="ThemeText.Words(string)"/>), read with the
    /// reader's buffers. The list is the reader's own, valid until its next call: every passage of every programme is
    /// matched, and a new list per passage was most of the classifier's allocation.</summary>
    public IReadOnlyList<PhraseMatch> Find(string text, WordReader reader)
    {
        reader.Matches.Clear();
        Find(reader.Read(text, this), reader.Matches);
        return reader.Matches;
    }

    /// <summary>Every occurrence of every indexed phrase in the numbered words, by start then phrase id.</summary>
    private List<PhraseMatch> Find(ReadOnlySpan<int> words) => Find(words, []);

    private List<PhraseMatch> Find(ReadOnlySpan<int> words, List<PhraseMatch> found)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i] < 0) continue;
            foreach (var id in byFirstWord[words[i]])
            {
                var phrase = phrases[id];
                if (i + phrase.Length > words.Length) continue;
                var all = true;
                for (var k = 1; k < phrase.Length && all; k++) all = words[i + k] == phrase[k];
                if (all) found.Add(new PhraseMatch(id, i, i + phrase.Length));
            }
        }
        return found;
    }

    /// <summary>One caller's buffers for numbering a text's words; not thread-safe (one per programme being classified).</summary>
    internal sealed class WordReader
    {
        private char[] chars = new char[512];
        private int[] ends = new int[128];
        private int[] numbers = new int[128];

        /// <summary>The matches of the last text read (see <see cref="PhraseIndex.Find(string, WordReader)"/>).</summary>
        public List<PhraseMatch> Matches { get; } = [];

        public ReadOnlySpan<int> Read(string text, PhraseIndex index)
        {
            int count = ThemeText.Words(text, ref chars, ref ends);
            if (numbers.Length < count) numbers = new int[Math.Max(count, numbers.Length * 2)];
            int start = 0;
            for (int k = 0; k < count; k++)
            {
                numbers[k] = index.WordId(chars.AsSpan(start, ends[k] - start));
                start = ends[k];
            }
            return numbers.AsSpan(0, count);
        }
    }
}

/// <summary>A phrase found at words [Start, End) of a text.</summary>
internal readonly record struct PhraseMatch(int Phrase, int Start, int End)
{
    public int Length => End - Start;
    public bool Within(PhraseMatch other) => Start >= other.Start && End <= other.End;
    public bool Overlaps(PhraseMatch other) => Start < other.End && other.Start < End;
}
