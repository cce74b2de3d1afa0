namespace Atlas.Analysis.Themes;

/// <summary>
/// Every phrase the theme rules look for, indexed by its first folded word, so one pass over a text's words finds
/// all whole-word matches at once (the corpus can hold thousands of programmes; scanning each passage once per
/// keyword would not scale). Immutable once built.
/// </summary>
internal sealed class PhraseIndex
{
    private readonly List<string[]> phrases = [];
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> byFirstWord = new(StringComparer.Ordinal);

    /// <summary>The id of a phrase (the same folded phrase always gets the same id); -1 if it folds to nothing.</summary>
    public int Add(string phrase)
    {
        var words = ThemeText.Words(phrase);
        if (words.Length == 0) return -1;
        var key = string.Join(' ', words);
        if (ids.TryGetValue(key, out var id)) return id;
        id = phrases.Count;
        phrases.Add(words);
        ids[key] = id;
        if (!byFirstWord.TryGetValue(words[0], out var list)) byFirstWord[words[0]] = list = [];
        list.Add(id);
        return id;
    }

    /// <summary>Every occurrence of every indexed phrase in the words, by start then phrase id.</summary>
    public IReadOnlyList<PhraseMatch> Find(string[] words)
    {
        var found = new List<PhraseMatch>();
        for (var i = 0; i < words.Length; i++)
        {
            if (!byFirstWord.TryGetValue(words[i], out var candidates)) continue;
            foreach (var id in candidates)
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
}

/// <summary>A phrase found at words [Start, End) of a text.</summary>
internal readonly record struct PhraseMatch(int Phrase, int Start, int End)
{
    public int Length => End - Start;
    public bool Within(PhraseMatch other) => Start >= other.Start && End <= other.End;
    public bool Overlaps(PhraseMatch other) => Start < other.End && other.Start < End;
}
