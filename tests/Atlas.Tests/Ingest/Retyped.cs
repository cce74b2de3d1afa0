using System.Text;
using Atlas.Ingest.Structure;
using Atlas.Ingest.Text;

namespace Atlas.Tests.Ingest;

/// <summary>A re-typed copy of a seed, and the places where the copy itself no longer says what the original said.</summary>
/// <param name="Name">How it was made, for messages ("wrap 72 crlf").</param>
/// <param name="Ambiguous">
/// Line boundaries the copy made ambiguous: the original started a new paragraph on the next line without a blank line,
/// and in the copy the previous line is full (the next word would not have fitted) and ends a sentence, exactly like a
/// wrap at a sentence end. Each is (end of the first paragraph, start of the next), as printed.
/// </param>
public sealed record RetypedCopy(string Name, string Text, IReadOnlyList<(string End, string Start)> Ambiguous);

/// <summary>
/// Makes re-typed copies of a source the way people and tools produce them: hard-wrapped at a column, unwrapped (each
/// paragraph on one long line), blank lines removed or doubled, other line endings, decomposed diacritics.
/// </summary>
public static class Retyped
{
    public static readonly int[] Widths = [60, 66, 72, 80];

    public static IEnumerable<RetypedCopy> CopiesOf(string text)
    {
        var lf = text.Replace("\r\n", "\n").Replace('\r', '\n');
        foreach (var width in Widths)
        {
            var wrapped = HardWrap(lf, width);
            yield return wrapped;
            yield return wrapped with { Name = wrapped.Name + " crlf", Text = wrapped.Text.Replace("\n", "\r\n") };
            // Decomposed after wrapping (an editor counting what it displays) and before (a tool counting code points).
            // Two seeds mix composed and decomposed letters, so each copy is wrapped from one consistent form.
            var composed = HardWrap(lf.Normalize(NormalizationForm.FormC), width);
            yield return composed with { Name = composed.Name + " nfc, then nfd", Text = composed.Text.Normalize(NormalizationForm.FormD) };
            var decomposed = HardWrap(lf.Normalize(NormalizationForm.FormD), width);
            yield return decomposed with { Name = decomposed.Name + " of nfd" };
        }
        var unwrapped = Unwrap(lf);
        yield return new RetypedCopy("unwrapped", unwrapped, []);
        yield return new RetypedCopy("unwrapped nfd crlf", unwrapped.Normalize(NormalizationForm.FormD).Replace("\n", "\r\n"), []);
        yield return new RetypedCopy("blank lines doubled", lf.Replace("\n\n", "\n\n\n"), []);
        // Numbering typed without its space: "I.MỤC TIÊU", "1.Mục tiêu", "2.1.Nhiệm vụ", "a)Nội dung".
        var unspaced = System.Text.RegularExpressions.Regex.Replace(lf, @"(?m)^(\**)([IVX]+|\d+(?:\.\d+)*)\. (?=\p{Lu}\p{L})", "$1$2.");
        yield return new RetypedCopy("numbering without its space",
            System.Text.RegularExpressions.Regex.Replace(unspaced, @"(?m)^([a-zđ])\) (?=\p{Lu}\p{L})", "$1)"), []);
        yield return new RetypedCopy("trailing spaces and indents", string.Join('\n', lf.Split('\n').Select((l, i) => l.Length == 0 ? l : (i % 3 == 0 ? "  " : "") + l + (i % 2 == 0 ? "  " : ""))), []);
    }

    /// <summary>Re-wraps every line longer than <paramref name="width"/> the way an editor's hard wrap does (greedy, at spaces).</summary>
    public static RetypedCopy HardWrap(string text, int width)
    {
        var lines = new List<string>();
        var lastOfOriginal = new List<int>(); // index in lines of the last physical line of each original line
        foreach (var line in text.Split('\n'))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (line.Length <= width || words.Length == 0) lines.Add(line);
            else
            {
                var current = new StringBuilder();
                foreach (var w in words)
                {
                    if (current.Length > 0 && current.Length + 1 + w.Length > width)
                    {
                        lines.Add(current.ToString());
                        current.Clear();
                    }
                    if (current.Length > 0) current.Append(' ');
                    current.Append(w);
                }
                lines.Add(current.ToString());
            }
            lastOfOriginal.Add(lines.Count - 1);
        }
        // What ingest will take for the wrap column: the longest line, in code points and in composed characters.
        int column = lines.Max(l => l.TrimEnd().Length);
        int composedColumn = lines.Max(l => l.Normalize(NormalizationForm.FormC).TrimEnd().Length);
        var ambiguous = new List<(string, string)>();
        foreach (var last in lastOfOriginal)
        {
            if (last + 1 >= lines.Count) continue;
            var a = lines[last].Trim();
            var b = lines[last + 1].Trim();
            if (a.Length == 0 || b.Length == 0) continue;
            var word = b.Split(' ')[0];
            bool full = lines[last].TrimEnd().Length + 1 + word.Length > column
                || lines[last].Normalize(NormalizationForm.FormC).TrimEnd().Length + 1 + word.Normalize(NormalizationForm.FormC).Length > composedColumn;
            if (full && BlockJoiner.EndsSentence(a) && char.IsUpper(b[0]) && MarkerReader.Read(b) is null)
                ambiguous.Add((a, b));
        }
        return new RetypedCopy($"wrap {width}", string.Join('\n', lines), ambiguous);
    }

    /// <summary>Each paragraph, heading or item on one line: the lines ingest joins into one block are joined in the copy.</summary>
    public static string Unwrap(string text)
    {
        var raw = TextCleaner.SplitLines(text).ToList();
        var blocks = BlockJoiner.Join(TextCleaner.Clean(text));
        var sb = new StringBuilder();
        int next = 0;
        foreach (var block in blocks)
        {
            for (; next < block.FirstLine; next++) sb.Append(raw[next]).Append('\n');
            var joined = string.Join(' ', Enumerable.Range(block.FirstLine, block.LastLine - block.FirstLine + 1)
                .Select(i => raw[i].Trim()).Where(l => l.Length > 0));
            sb.Append(block.FirstLine == block.LastLine ? raw[block.FirstLine] : joined).Append('\n');
            next = block.LastLine + 1;
        }
        for (; next < raw.Count; next++) sb.Append(raw[next]).Append('\n');
        return sb.ToString();
    }
}

/// <summary>
/// Copies of a seed with its headings re-typed in another style: each line that the original reads as a heading
/// (its number and heading text are a section of <paramref name="original"/>) is rewritten by <paramref name="style"/>.
/// </summary>
public static class RestyledHeadings
{
    public static string Apply(string text, Atlas.Model.Programme original, Func<Atlas.Model.Section, string, string?> style)
    {
        var byNumberAndHeading = Seeds.AllSections(original.Sections)
            .GroupBy(s => (s.Number, s.Heading)).ToDictionary(g => g.Key, g => g.First());
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var clean = TextCleaner.CleanText(lines[i].Normalize(NormalizationForm.FormC), out _);
            if (MarkerReader.Read(clean) is not { } marker || marker.Kind is MarkerKind.Bullet) continue;
            if (!byNumberAndHeading.TryGetValue((marker.Number, marker.Rest.TrimEnd(':', ' ')), out var section)) continue;
            if (style(section, marker.Rest) is { } restyled) lines[i] = restyled;
        }
        return string.Join('\n', lines);
    }

    /// <summary>Part headings re-typed: "I.", "I)", "I/", "I -", bold, Markdown, "PHẦN I" over its title, "Phần thứ …".</summary>
    public static readonly (string Name, Func<Atlas.Model.Section, string, string?> Style)[] PartStyles =
    [
        ("I.", (s, t) => s.Kind == Atlas.Model.SectionKind.Part ? $"{s.Number}. {t}" : null),
        ("I)", (s, t) => s.Kind == Atlas.Model.SectionKind.Part ? $"{s.Number}) {t}" : null),
        ("I/", (s, t) => s.Kind == Atlas.Model.SectionKind.Part ? $"{s.Number}/ {t}" : null),
        ("I -", (s, t) => s.Kind == Atlas.Model.SectionKind.Part ? $"{s.Number} - {t}" : null),
        ("**I. …**", (s, t) => s.Kind == Atlas.Model.SectionKind.Part ? $"**{s.Number}. {t}**" : null),
        ("## I. …", (s, t) => s.Kind == Atlas.Model.SectionKind.Part ? $"## {s.Number}. {t}" : null),
        ("PHẦN I / title", (s, t) => s.Kind == Atlas.Model.SectionKind.Part ? $"PHẦN {s.Number}\n\n{t}" : null),
        ("Phần thứ …: title", (s, t) => s.Kind == Atlas.Model.SectionKind.Part ? $"Phần thứ {Ordinal(s.Number)}: {t}" : null),
        ("numbered bold", (s, t) => s.Kind == Atlas.Model.SectionKind.Numbered ? $"**{s.Number}. {t}**" : null),
        ("numbered markdown", (s, t) => s.Kind == Atlas.Model.SectionKind.Numbered ? $"### {s.Number}. {t}" : null),
        ("numbered 1)", (s, t) => s.Kind == Atlas.Model.SectionKind.Numbered && !s.Number.Contains('.') ? $"{s.Number}) {t}" : null),
        ("lettered a. and (a)", (s, t) => s.Kind == Atlas.Model.SectionKind.Lettered ? (s.Number == "a" ? $"{s.Number}. {t}" : $"({s.Number}) {t}") : null),
    ];

    private static string Ordinal(string roman) => roman switch
    {
        "I" => "nhất", "II" => "hai", "III" => "ba", "IV" => "tư", "V" => "năm", "VI" => "sáu", _ => roman,
    };
}
