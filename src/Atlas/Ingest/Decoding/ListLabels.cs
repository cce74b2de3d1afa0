using System.Globalization;
using System.Text;

namespace Atlas.Ingest.Decoding;

/// <summary>
/// Word's list numbering as it prints (.docx and .doc alike): a counter per list and level, deeper levels restarting
/// when a shallower one moves on, and a level's label made from its text, where "%1" … "%9" stand for the levels'
/// numbers in their own formats ("II.", "2.1.", "b)"). Not thread-safe: one per document.
/// </summary>
internal sealed class ListLabels
{
    /// <summary>A level: its number format (Word's names: "decimal", "upperRoman", "lowerLetter", "bullet", "none"…),
    /// its label text with "%N" placeholders, and the number it starts at.</summary>
    public sealed record Level(string Format, string Text, int Start);

    private readonly Dictionary<(string List, int Level), Level> levels = [];
    private readonly Dictionary<string, int[]> counters = new(StringComparer.Ordinal);

    public void Define(string list, int level, Level definition) => levels[(list, level)] = definition;

    /// <summary>Whether <paramref name="list"/> has a definition for <paramref name="level"/>.</summary>
    public bool Defines(string list, int level) => levels.ContainsKey((list, level));

    /// <summary>Starts <paramref name="list"/>'s numbering again (a new list of the same style).</summary>
    public void Restart(string list) => counters.Remove(list);

    /// <summary>The label of the next paragraph of <paramref name="list"/> at <paramref name="level"/>; "-" for a bullet, null for none.</summary>
    public string? Next(string list, int level)
    {
        if (level is < 0 or > 8 || !levels.TryGetValue((list, level), out var definition)) return null;
        if (!counters.TryGetValue(list, out var count)) counters[list] = count = new int[9];
        count[level] = count[level] == 0 ? definition.Start : count[level] + 1;
        for (int deeper = level + 1; deeper < 9; deeper++) count[deeper] = 0;
        if (definition.Format == "bullet") return "-";
        if (definition.Format == "none") return null;
        var label = new StringBuilder(definition.Text);
        for (int k = 0; k <= level; k++)
        {
            var at = label.ToString().IndexOf("%" + (k + 1), StringComparison.Ordinal);
            if (at < 0) continue;
            var format = levels.TryGetValue((list, k), out var d) ? d.Format : "decimal";
            int value = count[k] == 0 ? (levels.TryGetValue((list, k), out var s) ? s.Start : 1) : count[k];
            label.Remove(at, 2).Insert(at, Format(value, format));
        }
        return label.ToString().Trim();
    }

    /// <summary>The number format a one-letter code names, as HTML's list type and OpenDocument's num-format write it
    /// ("1", "I", "i", "A", "a"); null for any other.</summary>
    public static string? FormatOf(string? code) => code switch
    {
        "1" => "decimal", "I" => "upperRoman", "i" => "lowerRoman", "A" => "upperLetter", "a" => "lowerLetter", _ => null,
    };

    /// <summary><paramref name="n"/> in a list's number format ("upperRoman" 4 → "IV"; anything unknown: decimal).</summary>
    public static string Format(int n, string format) => format switch
    {
        "upperRoman" => Roman(n),
        "lowerRoman" => Roman(n).ToLowerInvariant(),
        "lowerLetter" => Letter(n),
        "upperLetter" => Letter(n).ToUpperInvariant(),
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    private static string Letter(int n) => n is >= 1 and <= 26 ? ((char)('a' + n - 1)).ToString() : n.ToString(CultureInfo.InvariantCulture);

    private static string Roman(int n)
    {
        if (n is < 1 or > 3999) return n.ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        foreach (var (value, numeral) in new[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
            while (n >= value) { sb.Append(numeral); n -= value; }
        return sb.ToString();
    }
}
