using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Atlas.Render.Templates;

/// <summary>
/// Every <c>*.sbn</c> under the templates folder, parsed once up front so a syntax error anywhere stops the build
/// before a single page is written. Names are paths relative to the folder without the extension
/// ("layout", "programme", "partials/header"); partials are included with <c>{{ include "partials/header" }}</c>.
/// </summary>
public sealed class TemplateCache : ITemplateLoader
{
    private readonly Dictionary<string, Template> templates = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentBag<HtmlTemplateContext> contexts = [];
    // View models' compiled getters, per type, for every context of this cache.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, IReadOnlyDictionary<string, Func<object, object?>>> getters = new();

    public TemplateCache(string templatesDir)
    {
        if (!Directory.Exists(templatesDir)) throw new TemplateException($"templates folder not found: {templatesDir}");
        var errors = new List<string>();
        foreach (var file in Directory.EnumerateFiles(templatesDir, "*.sbn", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(templatesDir, file).Replace('\\', '/')[..^".sbn".Length];
            var template = Template.Parse(File.ReadAllText(file), "templates/" + name + ".sbn");
            if (template.HasErrors) errors.AddRange(template.Messages.Select(m => m.ToString()));
            else templates[name] = template;
        }
        if (errors.Count > 0) throw new TemplateException("template errors:\n" + string.Join('\n', errors));
    }

    /// <summary>Cache built from in-memory sources (tests).</summary>
    public static TemplateCache FromSources(IReadOnlyDictionary<string, string> sources)
    {
        var dir = Directory.CreateTempSubdirectory("atlas-templates-").FullName;
        try
        {
            foreach (var (name, text) in sources)
            {
                var path = Path.Combine(dir, name + ".sbn");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text);
            }
            return new TemplateCache(dir);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    public bool Has(string name) => templates.ContainsKey(name);

    /// <summary>
    /// Renders <paramref name="name"/> with the given scopes of globals, pushed in order (a later scope sees and shadows
    /// the earlier ones; template assignments go into the last). Escapes every written value unless it is an <see cref="HtmlString"/>.
    /// Thread-safe: each render borrows its own context.
    /// </summary>
    public string Render(string name, params ScriptObject[] scopes)
    {
        var output = new StringWriter();
        RenderTo(name, output, scopes);
        return output.ToString();
    }

    /// <summary>
    /// Renders <paramref name="name"/> straight into <paramref name="writer"/> (a page file), so a page of many megabytes
    /// is never held as one string; a <see cref="TemplateBody"/> value written by the template renders in place.
    /// </summary>
    public void RenderTo(string name, TextWriter writer, params ScriptObject[] scopes)
    {
        if (!templates.TryGetValue(name, out var template)) throw new TemplateException($"templates/{name}.sbn: no such template");
        // A context is costly to build (it sets up every built-in function), so contexts are pooled and reused: the
        // page's globals are pushed for one render and popped after, leaving nothing behind for the next page.
        if (!contexts.TryTake(out var context)) context = NewContext();
        context.PushOutput(new SpanOutput(writer));
        foreach (var scope in scopes) context.PushGlobal(scope);
        try
        {
            template.Render(context);
            foreach (var _ in scopes) context.PopGlobal();
            context.PopOutput();
            contexts.Add(context);
        }
        catch (ScriptRuntimeException ex)
        {
            // A failed render may leave the context's stacks half-unwound: it is dropped, not returned to the pool.
            // Span.FileName names the template (or partial) and the 0-based line where evaluation failed.
            var at = ex.Span;
            throw new TemplateException($"{at.FileName}({at.Start.Line + 1},{at.Start.Column + 1}): {ex.OriginalMessage}", ex);
        }
    }

    private HtmlTemplateContext NewContext() => new(this, templates, getters) { MemberRenamer = StandardMemberRenamer.Default };

    string ITemplateLoader.GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        if (!templates.ContainsKey(templateName))
            throw new ScriptRuntimeException(callerSpan, $"include \"{templateName}\": no template templates/{templateName}.sbn");
        return templateName;
    }

    string ITemplateLoader.Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        throw new ScriptRuntimeException(callerSpan, $"include \"{templatePath}\" was not parsed up front");

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(((ITemplateLoader)this).Load(context, callerSpan, templatePath));
}
