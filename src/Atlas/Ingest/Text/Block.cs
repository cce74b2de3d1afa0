namespace Atlas.Ingest.Text;

/// <summary>A logical line: one or more physical lines joined back into the paragraph, heading or item they were.</summary>
/// <param name="FirstLine">Index of its first physical line.</param>
/// <param name="LastLine">Index of its last physical line.</param>
public sealed record Block(string Text, bool Styled, bool IsRule, int FirstLine, int LastLine);
