namespace Atlas.Ingest.Header;

/// <summary>A province read from the body, with the words that support it.</summary>
public sealed record InferredProvince(string Name, string Evidence);

/// <summary>
/// When no header names the province, the body usually does: "Kiên Giang nằm xa trung tâm…", "tỉnh Hậu Giang…".
/// A mention counts as strong when it is "tỉnh X" or X is the subject of a clause (followed by a lower-case word);
/// factory or road names ("Nhà máy bia Sài Gòn - Kiên Giang;", "cao tốc Cần Thơ - Cà Mau") are weak.
/// The province with the most strong mentions wins; its first strong mention is the evidence.
/// </summary>
public static class ProvinceInference
{
    public static InferredProvince? Infer(IReadOnlyList<string> paragraphs)
    {
        var scores = new Dictionary<string, (int Strong, int All, int First, string? Evidence)>(StringComparer.Ordinal);
        int position = 0;
        var spellings = ProvinceNames.BodySpellings();
        var found = new List<(int Spelling, int At)>();
        foreach (var text in paragraphs)
        {
            // Every place a spelling starts, in one pass for all of them; then spelling by spelling, each in text order,
            // each occurrence taken after the end of the one before (what a search per spelling found, in that order).
            found.Clear();
            for (int k = 0; k < text.Length;)
            {
                int next = text.AsSpan(k).IndexOfAny(FirstChars);
                if (next < 0) break;
                k += next;
                foreach (var sp in ByFirstChar[text[k]])
                    if (text.AsSpan(k).StartsWith(spellings[sp].Spelling, StringComparison.Ordinal)) found.Add((sp, k));
                k++;
            }
            found.Sort();
            int from = 0, current = -1;
            foreach (var (sp, at) in found)
            {
                var (spelling, name) = spellings[sp];
                if (sp != current) (current, from) = (sp, 0);
                if (at < from) continue;
                from = at + spelling.Length;
                int end = at + spelling.Length;
                if ((at > 0 && char.IsLetter(text[at - 1])) || (end < text.Length && char.IsLetter(text[end]))) continue;
                bool strong = PrecededByProvinceWord(text, at) || FollowedByLowerWord(text, end);
                var s = scores.GetValueOrDefault(name, (0, 0, int.MaxValue, null));
                s.All++;
                s.First = Math.Min(s.First, position + at);
                if (strong)
                {
                    s.Strong++;
                    s.Evidence ??= Snippet(text, at);
                }
                scores[name] = s;
            }
            position += text.Length + 1;
        }
        var best = scores
            .Where(kv => kv.Value.Strong > 0)
            .OrderByDescending(kv => kv.Value.Strong)
            .ThenByDescending(kv => kv.Value.All)
            .ThenBy(kv => kv.Value.First)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Key is null ? null : new InferredProvince(best.Key, best.Value.Evidence!);
    }

    /// <summary>The spellings by their first char (a capital), and those chars for a vectorised search: a paragraph is read once
    /// for all the provinces instead of once per spelling.</summary>
    private static readonly Dictionary<char, int[]> ByFirstChar = Enumerable.Range(0, ProvinceNames.BodySpellings().Count)
        .GroupBy(i => ProvinceNames.BodySpellings()[i].Spelling[0]).ToDictionary(g => g.Key, g => g.ToArray());

    private static readonly System.Buffers.SearchValues<char> FirstChars = System.Buffers.SearchValues.Create(ByFirstChar.Keys.ToArray());

    private static bool PrecededByProvinceWord(string text, int at)
    {
        var before = text.AsSpan(Math.Max(0, at - 6), at - Math.Max(0, at - 6)).TrimEnd();
        return before.EndsWith("tỉnh", StringComparison.OrdinalIgnoreCase) || before.EndsWith("Tỉnh", StringComparison.Ordinal);
    }

    private static bool FollowedByLowerWord(string text, int end) =>
        end + 1 < text.Length && text[end] == ' ' && char.IsLower(text[end + 1]);

    /// <summary>The mention and the words after it, up to about 60 characters, ending with "…".</summary>
    private static string Snippet(string text, int at)
    {
        int end = Math.Min(text.Length, at + 60);
        if (end < text.Length)
        {
            int space = text.LastIndexOf(' ', end - 1, end - at);
            if (space > at) end = space;
        }
        var snippet = text[at..end].TrimEnd(' ', ',', ';');
        return end < text.Length ? snippet + "…" : snippet;
    }
}
