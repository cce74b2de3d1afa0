using System.Text;
using Atlas.Model;

namespace Atlas.Content;

/// <summary>
/// Writes one programme as annotated Markdown: YAML front matter, then the body in document order. Headings keep the
/// document's numbering; every passage is a paragraph (its marker escaped); headings and passages carry Markdig generic attributes — the stable id and, when the analysis
/// found them, <c>.theme-&lt;id&gt;</c>, <c>.target</c> and <c>.indicator-&lt;id&gt;</c> classes. Assignment lines follow their
/// passage as a quote. The output depends on the input only, so writing twice gives the same bytes.
/// </summary>
public static class ProgrammeMarkdown
{
    public static string Write(AnalysedProgramme analysed)
    {
        var (p, analysis) = (analysed.Programme, analysed.Analysis);
        var classes = Annotations(analysis);
        var sb = new StringBuilder();
        sb.Append("---\n").Append(FrontMatter.From(p).ToYaml()).Append("---\n");
        if (p.Metadata.Title is { } title) AppendEscaped(sb.Append("\n# "), title, atStart: true).Append('\n');

        var order = Flatten(p.Sections).ToList();
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < order.Count; i++) position.TryAdd(order[i].Id, i);
        int next = 0;
        void EmitHeading(Section s)
        {
            var level = Math.Min(6, s.Path.Count + 1);
            sb.Append('\n').Append('#', level);
            if (s.Number.Length > 0) sb.Append(' ').Append(Number(s));
            if (s.Heading.Length > 0) AppendEscaped(sb.Append(' '), s.Heading, atStart: false);
            sb.Append(" {#").Append(s.Id).Append("}\n");
        }

        foreach (var passage in p.Passages)
        {
            if (passage.SectionId is not null)
            {
                // Headings up to the passage's section come first, empty sections included, so the file keeps document order.
                if (position.TryGetValue(passage.SectionId, out var at))
                    for (; next <= at; next++) EmitHeading(order[next]);
            }
            sb.Append('\n');
            if (passage.Marker is { } marker) AppendEscaped(sb.Append(MarkdownMarker(marker)).Append(' '), passage.Text, atStart: false);
            else AppendEscaped(sb, passage.Text, atStart: true);
            sb.Append(" {#").Append(passage.Id);
            if (classes.TryGetValue(passage.Id, out var cls)) foreach (var c in cls) sb.Append(" .").Append(c);
            sb.Append("}\n");
            for (int i = 0; i < passage.Fields.Count; i++)
            {
                var f = passage.Fields[i];
                sb.Append(i == 0 ? "\n" : ">\n").Append("> **");
                AppendEscaped(sb, f.Label, false).Append(":** ");
                AppendEscaped(sb, f.Value, false).Append('\n');
            }
        }
        for (; next < order.Count; next++) EmitHeading(order[next]);

        if (p.Closing.Recipients.Count > 0 || p.Closing.SignatureLines.Count > 0)
        {
            sb.Append("\n---\n");
            if (p.Closing.Recipients.Count > 0)
            {
                sb.Append("\n**Nơi nhận:**\n\n");
                foreach (var r in p.Closing.Recipients) AppendEscaped(sb.Append("- "), r, false).Append('\n');
            }
            if (p.Closing.SignatureLines.Count > 0)
            {
                sb.Append('\n');
                for (int i = 0; i < p.Closing.SignatureLines.Count; i++)
                    AppendEscaped(sb, p.Closing.SignatureLines[i], true).Append(i < p.Closing.SignatureLines.Count - 1 ? "\\\n" : "\n");
            }
        }
        return sb.ToString();
    }

    private static string Number(Section s) => s.Kind switch
    {
        SectionKind.Lettered => s.Number + ")",
        SectionKind.Enumerated => "(" + s.Number + ")",
        _ => s.Number + ".",
    };

    /// <summary>
    /// Markers are kept as printed but escaped, so every passage is a paragraph of its own: Markdig attaches the id to a
    /// paragraph reliably, while in a tight list it would lose it.
    /// </summary>
    private static string MarkdownMarker(string marker) => marker switch
    {
        "-" or "+" => "\\" + marker,
        _ when marker.EndsWith('.') && marker[..^1].All(char.IsAsciiDigit) => marker[..^1] + "\\.",
        _ when marker.EndsWith(')') && !marker.StartsWith('(') => marker[..^1] + "\\)",
        _ => marker,
    };

    private static Dictionary<string, List<string>> Annotations(ProgrammeAnalysis analysis)
    {
        var sets = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        void Add(string passageId, string cls)
        {
            if (!sets.TryGetValue(passageId, out var set)) sets[passageId] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.Add(cls);
        }
        foreach (var t in analysis.Themes) Add(t.PassageId, "theme-" + Slugs.From(t.ThemeId));
        foreach (var t in analysis.Targets)
        {
            Add(t.PassageId, "target");
            if (t.IndicatorId is not null) Add(t.PassageId, "indicator-" + Slugs.From(t.IndicatorId));
        }
        return sets.ToDictionary(kv => kv.Key, kv => kv.Value.ToList(), StringComparer.Ordinal);
    }

    private static IEnumerable<Section> Flatten(IEnumerable<Section> sections) =>
        sections.SelectMany(s => new[] { s }.Concat(Flatten(s.Children)));

    /// <summary>
    /// Escapes what Markdown would read as syntax: emphasis, links, code, HTML, attribute braces, and at the start of a
    /// paragraph the characters that would open a heading, quote, list or rule.
    /// </summary>
    public static string Escape(string text, bool atStart) => AppendEscaped(new StringBuilder(text.Length + 8), text, atStart).ToString();

    /// <summary><see cref="Escape"/> straight into the file being written (no string per passage).</summary>
    private static StringBuilder AppendEscaped(StringBuilder sb, string text, bool atStart)
    {
        int i = 0;
        if (atStart && text.Length > 0)
        {
            if (text[0] is '#' or '-' or '+' or '=' or '~') sb.Append('\\');
            else
            {
                int digits = 0;
                while (digits < text.Length && digits < 9 && char.IsAsciiDigit(text[digits])) digits++;
                if (digits > 0 && digits < text.Length && text[digits] is '.' or ')')
                {
                    sb.Append(text, 0, digits).Append('\\');
                    i = digits;
                }
            }
        }
        int run = i;
        for (; i < text.Length; i++)
        {
            if (text[i] is not ('\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '{' or '}' or '|')) continue;
            sb.Append(text, run, i - run).Append('\\');
            run = i;
        }
        return sb.Append(text, run, text.Length - run);
    }
}

/// <summary>Reads back what <see cref="ProgrammeMarkdown"/> wrote: the front matter of a content/programmes file.</summary>
public static class ProgrammeMarkdownReader
{
    public static FrontMatter ReadFrontMatter(string markdown)
    {
        var text = markdown.Replace("\r\n", "\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal)) throw new FormatException("no front matter: the file does not start with '---'");
        int end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (end < 0) throw new FormatException("front matter is not closed by '---'");
        return FrontMatter.FromYaml(text[4..(end + 1)]);
    }
}
