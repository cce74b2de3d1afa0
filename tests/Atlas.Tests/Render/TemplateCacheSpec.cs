using Atlas.Render.Templates;
using Scriban.Runtime;

namespace Atlas.Tests.Render;

public sealed class TemplateCacheSpec
{
    private static ScriptObject Globals(object page)
    {
        var g = new ScriptObject();
        g["page"] = page;
        return g;
    }

    [Fact]
    public void Escapes_every_written_value_unless_it_is_markup_built_in_csharp()
    {
        var cache = TemplateCache.FromSources(new Dictionary<string, string>
        {
            ["page"] = "<p>{{ page.text }}</p><p>{{ page.markup }}</p><p>{{ page.text | html.escape }}</p>{{ include 'partials/p' }}",
            ["partials/p"] = "<i>{{ page.text }}</i>",
        });
        var html = cache.Render("page", Globals(new { Text = "<script>alert(1)</script> {{ x }}", Markup = new HtmlString("<b>ok</b>") }));
        Assert.Equal(
            "<p>&lt;script&gt;alert(1)&lt;/script&gt; {{ x }}</p><p><b>ok</b></p><p>&lt;script&gt;alert(1)&lt;/script&gt; {{ x }}</p><i>&lt;script&gt;alert(1)&lt;/script&gt; {{ x }}</i>",
            html);
    }

    [Fact]
    public void A_syntax_error_names_the_template_and_line()
    {
        var ex = Assert.Throws<TemplateException>(() => TemplateCache.FromSources(new Dictionary<string, string>
        {
            ["good"] = "ok",
            ["broken"] = "line one\n{{ if x }}\nno end",
        }));
        Assert.Contains("templates/broken.sbn(", ex.Message);
    }

    [Fact]
    public void A_runtime_error_names_the_template_and_line()
    {
        var cache = TemplateCache.FromSources(new Dictionary<string, string> { ["p"] = "a\nb {{ include 'missing' }}" });
        var ex = Assert.Throws<TemplateException>(() => cache.Render("p", Globals(new { })));
        Assert.StartsWith("templates/p.sbn(2,", ex.Message);
    }
}

/// <summary>Found by the scale benchmark: a theme page of 100 programmes passes 1 MB.</summary>
public sealed class LongPageSpec
{
    [Fact]
    public void A_page_longer_than_a_megabyte_is_rendered_whole()
    {
        var cache = TemplateCache.FromSources(new Dictionary<string, string>
        {
            ["layout"] = "<main>{{ include 'body' }}</main><footer id=\"last\"></footer>",
            ["body"] = "{{ for p in page.passages }}<p id=\"{{ p.id }}\">{{ p.text }}</p>{{ end }}",
        });
        var passages = Enumerable.Range(0, 3000).Select(i => new { Id = "p" + i, Text = new string('x', 1000) }).ToList();
        var globals = new ScriptObject { ["page"] = new { Passages = passages } };

        var html = cache.Render("layout", globals);

        Assert.Contains("<p id=\"p2999\">", html);
        Assert.EndsWith("<footer id=\"last\"></footer>", html);
    }
}
