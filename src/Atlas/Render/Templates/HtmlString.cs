namespace Atlas.Render.Templates;

/// <summary>
/// Markup that C# has already built safely (escaped text plus known links). Templates write it as is;
/// every other value a template writes is HTML-escaped by <see cref="HtmlTemplateContext"/>.
/// </summary>
public sealed record HtmlString(string Value)
{
    public static HtmlString Empty { get; } = new("");
    public override string ToString() => Value;
}
