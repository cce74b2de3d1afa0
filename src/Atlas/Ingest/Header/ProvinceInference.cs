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
        foreach (var text in paragraphs)
        {
            foreach (var (spelling, name) in ProvinceNames.BodySpellings())
            {
                int from = 0;
                while (from < text.Length)
                {
                    int at = text.IndexOf(spelling, from, StringComparison.Ordinal);
                    if (at < 0) break;
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

    private static bool PrecededByProvinceWord(string text, int at)
    {
        var before = text[Math.Max(0, at - 6)..at].TrimEnd();
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
