namespace Atlas.Ingest.Text;

/// <summary>One physical line after cleanup.</summary>
/// <param name="Text">Clean text: NFC, no tabs, no Markdown emphasis or heading marks, single spaces, trimmed.</param>
/// <param name="Cells">The line split where the converter laid out table columns (tabs or wide gaps); used by the header reader.</param>
/// <param name="Styled">The line was a Markdown heading or wrapped in emphasis: typography that marks a heading.</param>
/// <param name="RawLength">Length of the line as received (trailing spaces aside): what a hard wrap measured.</param>
/// <param name="IsRule">A horizontal rule such as <c>-----</c>: debris that separates header from body.</param>
public sealed record SourceLine(string Text, IReadOnlyList<string> Cells, bool Styled, bool IsRule, int RawLength)
{
    public bool IsBlank => !IsRule && Text.Length == 0;
}
