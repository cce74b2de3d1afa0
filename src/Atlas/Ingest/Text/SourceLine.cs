namespace Atlas.Ingest.Text;

/// <summary>One physical line after cleanup.</summary>
/// <param name="Text">Clean text: NFC, no tabs, no Markdown emphasis or heading marks, single spaces, trimmed.</param>
/// <param name="Cells">The line split where the converter laid out table columns (tabs or wide gaps); used by the header reader.</param>
/// <param name="Styled">The line was a Markdown heading or wrapped in emphasis: typography that marks a heading.</param>
/// <param name="Width">How long the line was as received: what a hard wrap measured.</param>
/// <param name="IsRule">A horizontal rule such as <c>-----</c>: debris that separates header from body.</param>
public sealed record SourceLine(string Text, IReadOnlyList<string> Cells, bool Styled, bool IsRule, LineWidth Width)
{
    public bool IsBlank => !IsRule && Text.Length == 0;
}

/// <summary>
/// A line's length as a hard-wrapping tool may have measured it: in code points as received (a tool wrapping decomposed
/// text counts the combining marks) and in composed characters (an editor counts what it displays).
/// </summary>
public sealed record LineWidth(int Raw, int RawFirstWord, int Composed, int ComposedFirstWord)
{
    public static LineWidth Of(string raw, string composed) =>
        new(raw.AsSpan().TrimEnd().Length, FirstWord(raw), ReferenceEquals(raw, composed) ? raw.AsSpan().TrimEnd().Length : composed.AsSpan().TrimEnd().Length,
            ReferenceEquals(raw, composed) ? FirstWord(raw) : FirstWord(composed));

    private static int FirstWord(string s)
    {
        var t = s.AsSpan().TrimStart(); // spans: two lines' worth of copies per physical line otherwise
        int i = t.IndexOfAny(' ', '\t');
        return i < 0 ? t.Length : i;
    }
}
