using System.Buffers;
using System.Text.RegularExpressions;
using Atlas.Model;

namespace Atlas.Analysis.Targets;

/// <summary>Where an indicator is named in folded text.</summary>
internal sealed record IndicatorMention(int Start, int End, string IndicatorId);

/// <summary>
/// Finds indicator mentions with the patterns of content/indicators.yml (folded text, whole words, a space matches
/// any white space). Overlapping mentions resolve to the longest, then the earliest, then the registry order.
/// Patterns are parsed once per analyser with a match timeout far above any real match time (so output never
/// depends on machine load): a pattern that still times out on a hostile passage is skipped rather than stalling the build.
/// They run interpreted: the literal pre-check leaves few passages to match, and compiling the registry's hundred-odd patterns
/// to IL cost every build about a second of JIT compilation (measured with <c>JitInfo</c>) for no output difference.
/// </summary>
internal sealed class IndicatorMatcher
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    /// <summary>Each pattern with the index of its required literal in <see cref="literals"/> (-1: none).</summary>
    private readonly List<(string Id, Regex Regex, int Required)> patterns = [];
    private readonly List<string> literals = [];
    /// <summary>All required literals at once: one pass over a passage finds which occur, instead of one search per pattern.</summary>
    private readonly SearchValues<string> anyLiteral;
    /// <summary>Literal indexes by their first character, to tell which literals start where <see cref="anyLiteral"/> stopped.</summary>
    private readonly Dictionary<char, int[]> literalsByFirst;

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
                    var regex = new Regex(@"(?<![\p{L}\p{Nd}])(?:" + body + @")(?![\p{L}\p{Nd}])", RegexOptions.CultureInvariant, Timeout);
                    patterns.Add((indicator.Id, regex, LiteralIndex(RequiredLiteral(pattern.Trim()))));
                }
                catch (ArgumentException)
                {
                    // An invalid pattern in the registry must not break the build; the registry tests catch it.
                }
            }
        }
        anyLiteral = SearchValues.Create(literals.ToArray(), StringComparison.Ordinal);
        literalsByFirst = Enumerable.Range(0, literals.Count).GroupBy(i => literals[i][0]).ToDictionary(g => g.Key, g => g.ToArray());

        // Patterns sharing a literal share its index, so it is looked for once.
        int LiteralIndex(string? literal)
        {
            if (literal is null) return -1;
            int index = literals.IndexOf(literal);
            if (index >= 0) return index;
            literals.Add(literal);
            return literals.Count - 1;
        }
    }

    /// <summary>
    /// A cheap pre-check: the longest run of plain characters (letters, digits, spaces, punctuation without meaning in
    /// a pattern) outside any group, class or optional part, with each run of spaces as one space. Any match holds it,
    /// its spaces being runs of white space, so a text whose white space is collapsed the same way
    /// (<see cref="CollapseSpaces"/>) and lacks it cannot match, and the regex is not run: most passages name few
    /// indicators, and each regex scans the whole passage. Null when nothing is required (e.g. a top-level alternation).
    /// </summary>
    internal static string? RequiredLiteral(string pattern)
    {
        int depth = 0;
        foreach (var c in pattern)
        {
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '|' && depth == 0) return null; // top-level alternation: no single run is required
        }
        string best = "";
        var run = new System.Text.StringBuilder();
        depth = 0;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            bool plain = depth == 0 && !IsSpecial(c) && (c == ' ' || !char.IsWhiteSpace(c)); // a literal tab would not survive collapsing
            if (plain)
            {
                bool optional = i + 1 < pattern.Length && pattern[i + 1] is '?' or '*' or '{';
                if (!optional) run.Append(c);
                if (optional || i + 1 < pattern.Length && pattern[i + 1] == '+') Close(); // a repeated or optional char ends the run
                continue;
            }
            Close();
            if (c == '\\') i++; // an escape: the next character is not plain
            else if (c == '[')
            {
                // A class: skip to its closing bracket (an escaped bracket does not close it).
                for (i++; i < pattern.Length && pattern[i] != ']'; i++) if (pattern[i] == '\\') i++;
            }
            else if (c == '(') depth++;
            else if (c == ')') depth--;
        }
        Close();
        return best.Length >= 3 ? best : null;

        void Close()
        {
            var literal = string.Join(' ', run.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (literal.Length > best.Length) best = literal;
            run.Clear();
        }
    }

    private static bool IsSpecial(char c) => c is '(' or ')' or '[' or ']' or '{' or '}' or '?' or '*' or '+' or '|' or '\\' or '.' or '^' or '$' or '#';

    /// <summary>The text with each run of white space (what <c>\s+</c> matches) as one space.</summary>
    private static string CollapseSpaces(string text)
    {
        // Folded passages seldom hold anything to collapse: then the text itself, not a copy.
        if (text.AsSpan().IndexOfAny(OtherWhiteSpace) < 0 && !text.Contains("  ", StringComparison.Ordinal)) return text;
        var chars = new char[text.Length];
        int n = 0;
        bool space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space) chars[n++] = ' ';
                space = true;
            }
            else
            {
                chars[n++] = c;
                space = false;
            }
        }
        return new string(chars, 0, n);
    }

    /// <summary>White space other than ' ' (what <c>\s</c> matches besides it).</summary>
    private static readonly SearchValues<char> OtherWhiteSpace = SearchValues.Create(
        Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => c != ' ' && char.IsWhiteSpace(c)).ToArray());

    /// <summary>Which required literals occur in the text: every position where one starts, in one pass.</summary>
    private bool[] PresentLiterals(string collapsed)
    {
        var present = new bool[literals.Count];
        var text = collapsed.AsSpan();
        for (int at = 0; at < text.Length;)
        {
            int i = text[at..].IndexOfAny(anyLiteral);
            if (i < 0) break;
            at += i;
            foreach (var l in literalsByFirst[text[at]])
                if (text[at..].StartsWith(literals[l], StringComparison.Ordinal)) present[l] = true;
            at++;
        }
        return present;
    }

    public IReadOnlyList<IndicatorMention> Find(string folded)
    {
        var all = new List<(IndicatorMention Mention, int Order)>();
        var present = PresentLiterals(CollapseSpaces(folded));
        for (int p = 0; p < patterns.Count; p++)
        {
            if (patterns[p].Required >= 0 && !present[patterns[p].Required]) continue;
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
        // Longest first, each kept unless it overlaps one kept before: the characters taken so far are marked, so a
        // passage full of mentions costs their total length, not their number squared.
        var kept = new List<IndicatorMention>();
        var taken = new System.Collections.BitArray(folded.Length);
        foreach (var (m, _) in all)
        {
            bool free = true;
            for (int i = m.Start; i < m.End && free; i++) free = !taken[i];
            if (!free) continue;
            for (int i = m.Start; i < m.End; i++) taken[i] = true;
            kept.Add(m);
        }
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }
}
