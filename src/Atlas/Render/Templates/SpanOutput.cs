using Scriban.Runtime;

namespace Atlas.Render.Templates;

/// <summary>
/// Template output into a <see cref="TextWriter"/> without a copy per write: Scriban's own TextWriterOutput passes
/// <c>text.Substring(offset, count)</c> to the writer, a new string for every piece of template text and every value
/// written — more garbage than the page itself.
/// </summary>
internal sealed class SpanOutput(TextWriter writer) : IScriptOutput
{
    public void Write(string text, int offset, int count) => writer.Write(text.AsSpan(offset, count));

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken) =>
        new(writer.WriteAsync(text.AsMemory(offset, count), cancellationToken));
}
