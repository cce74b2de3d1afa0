namespace Atlas.Ingest.Text;

/// <summary>A logical line: one or more physical lines joined back into the paragraph, heading or item they were.</summary>
/// <param name="FirstLine">Index of its first physical line.</param>
/// <param name="LastLine">Index of its last physical line.</param>
public sealed record Block(string Text, bool Styled, bool IsRule, int FirstLine, int LastLine)
{
    /// <summary>
    /// Where each physical line after the first begins in <see cref="Text"/>. A numbered heading joined with the paragraph
    /// after it by a hard wrap (the heading's last line happened to be full) can be split there again when the numbering
    /// says it was a heading.
    /// </summary>
    public IReadOnlyList<int> Joins { get; init; } = [];
}
