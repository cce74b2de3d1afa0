using System.Text.RegularExpressions;
using Atlas.Model;

namespace Atlas.Analysis.Targets;

/// <summary>Where an indicator is named in folded text.</summary>
internal sealed record IndicatorMention(int Start, int End, string IndicatorId);

/// <summary>
/// Finds indicator mentions with the patterns of content/indicators.yml (folded text, whole words, a space matches
/// any white space). Overlapping mentions resolve to the longest, then the earliest, then the registry order.
/// Patterns are compiled once per analyser with a match timeout far above any real match time (so output never
/// depends on machine load): a pattern that still times out on a hostile passage is skipped rather than stalling the build.
/// </summary>
internal sealed class IndicatorMatcher
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly List<(string Id, Regex Regex, string? Required)> patterns = [];

    public IndicatorMatcher(IReadOnlyList<Indicator> indicators)
    {
        foreach (var indicator in indicators)
        {
            foreach (var pattern in indicator.Patterns)
            {
                if (string.IsNullOrWhiteSpace(pattern)) continue;
                var body = pattern.Trim().Replace(" ", @"\s+");
                try
                {
                    patterns.Add((indicator.Id, new Regex(@"(?<![\p{L}\p{Nd}])(?:" + body + @")(?![\p{L}\p{Nd}])",
                        RegexOptions.CultureInvariant | RegexOptions.Compiled, Timeout), RequiredWord(pattern.Trim())));
                }
                catch (ArgumentException)
                {
                    // An invalid pattern in the registry must not break the build; the registry tests catch it.
                }
            }
        }
    }

    /// <summary>A cheap pre-check: the longest plain word before the pattern's first special character, if any.</summary>
    private static string? RequiredWord(string pattern)
    {
        int depth = 0;
        foreach (var c in pattern)
        {
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '|' && depth == 0) return null; // top-level alternation: no single word is required
        }
        int cut = pattern.IndexOfAny(['(', ')', '[', ']', '?', '*', '+', '|', '\\', '.', '{', '^', '$']);
        var literal = cut < 0 ? pattern : pattern[..cut];
        if (cut >= 0 && cut < pattern.Length && pattern[cut] is '?' or '*' or '{')
        {
            // The last character before a quantifier is optional.
            literal = literal.Length > 0 ? literal[..^1] : literal;
        }
        var longest = literal.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.All(char.IsLetterOrDigit)).OrderByDescending(w => w.Length).FirstOrDefault();
        return longest is { Length: >= 3 } ? longest : null;
    }

    public IReadOnlyList<IndicatorMention> Find(string folded)
    {
        var all = new List<(IndicatorMention Mention, int Order)>();
        for (int p = 0; p < patterns.Count; p++)
        {
            if (patterns[p].Required is { } word && !folded.Contains(word, StringComparison.Ordinal)) continue;
            try
            {
                for (var m = patterns[p].Regex.Match(folded); m.Success; m = m.NextMatch())
                    if (m.Length > 0) all.Add((new IndicatorMention(m.Index, m.Index + m.Length, patterns[p].Id), p));
            }
            catch (RegexMatchTimeoutException)
            {
            }
        }
        all.Sort((a, b) =>
        {
            int c = (b.Mention.End - b.Mention.Start).CompareTo(a.Mention.End - a.Mention.Start);
            if (c != 0) return c;
            c = a.Mention.Start.CompareTo(b.Mention.Start);
            return c != 0 ? c : a.Order.CompareTo(b.Order);
        });
        var kept = new List<IndicatorMention>();
        foreach (var (m, _) in all)
            if (!kept.Any(k => k.Start < m.End && m.Start < k.End)) kept.Add(m);
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }
}
