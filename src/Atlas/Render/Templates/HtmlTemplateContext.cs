using System.Globalization;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Atlas.Render.Templates;

/// <summary>
/// A Scriban context that escapes by default: every <c>{{ value }}</c> a template writes is HTML-escaped unless it is an
/// <see cref="HtmlString"/>. So a template that forgets to escape cannot inject source text as markup, and
/// <c>html.escape</c> (replaced here to return an HtmlString) does not escape twice.
/// </summary>
internal sealed class HtmlTemplateContext : TemplateContext
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, IReadOnlyDictionary<string, Func<object, object?>>> getters;

    public HtmlTemplateContext(ITemplateLoader loader, IReadOnlyDictionary<string, Template> parsed,
        System.Collections.Concurrent.ConcurrentDictionary<Type, IReadOnlyDictionary<string, Func<object, object?>>> getters)
    {
        this.getters = getters;
        TemplateLoader = loader;
        foreach (var (path, template) in parsed) CachedTemplates[path] = template;
        // No loop limit: Scriban counts every iteration of a page's nested loops against one budget, and these templates
        // (ours, not users') only walk the page's data, so any fixed limit refuses some legitimate page — 100,000 failed
        // the whole build for one programme of 200,000 paragraphs, and a theme page of a large atlas comes near it.
        LoopLimit = 0;
        // A page is as long as its data: Scriban's default cuts any string past 1 MB to "...", which a theme page
        // holding every programme's passages passes at ~100 programmes (the cut page then loses its later anchors).
        LimitToString = 0;
        var include = (IScriptCustomFunction)BuiltinObject["include"]!;
        BuiltinObject.Remove("include");
        BuiltinObject.SetValue("include", new MarkupInclude(include), readOnly: true);
        var html = (ScriptObject)BuiltinObject["html"]!;
        html.Remove("escape");
        html.Import("escape", new Func<object?, HtmlString>(v =>
            v as HtmlString ?? new HtmlString(Html.Escape(Convert.ToString(v, CultureInfo.InvariantCulture)))));
    }

    /// <summary>The generator's own view models are read through compiled getters (<see cref="CompiledMemberAccessor"/>,
    /// compiled once per type for all the cache's contexts); the context caches the accessor per type.</summary>
    protected override IObjectAccessor GetMemberAccessorImpl(object target)
    {
        var scriban = base.GetMemberAccessorImpl(target);
        var type = target.GetType();
        return type.Assembly == typeof(HtmlTemplateContext).Assembly && MemberFilter is null && target is not IScriptObject
               && target is not System.Collections.IEnumerable && scriban is not null
            ? CompiledMemberAccessor.For(type, scriban, this, target, getters)
            : scriban!;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is null) return this;
        if (textAsObject is HtmlString h) return Write(h.Value);
        if (textAsObject is TemplateBody body)
        {
            // The page template renders in place, into the layout's output: the body is never a string of its own.
            if (!CachedTemplates.TryGetValue(body.Name, out var template))
                throw new ScriptRuntimeException(span, $"templates/{body.Name}.sbn: no such template");
            Evaluate(template.Page!);
            return this;
        }
        return Write(Html.Escape(ObjectToString(textAsObject)));
    }
}
