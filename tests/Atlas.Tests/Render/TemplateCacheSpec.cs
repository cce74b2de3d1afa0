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
    public void View_models_read_through_compiled_getters_show_the_members_scriban_lists()
    {
        // The generator's own records are read through compiled getters (CompiledMemberAccessor): positional, init-only
        // and computed members under their snake_case names, and a member the record does not have reads as nothing.
        var cache = TemplateCache.FromSources(new Dictionary<string, string>
        {
            ["page"] = "{{ page.href }}|{{ page.province }}|{{ page.link }}|{{ page.nothing }}|{{ block.section }}|{{ block.citation_label }}|{{ block.level + 1 }}|{{ block.is_heading }}",
        });
        var view = new Atlas.Render.Pages.RelatedView("a.html#p1", "Bắc Ninh", "I.2", "…") { Link = new HtmlString("<a>x</a>") };
        var block = new Atlas.Render.Pages.BodyBlock(false, "s-i-p1", 2, null, null, new HtmlString("t"), "c", "I.2", [], []);
        var globals = Globals(view);
        globals["block"] = block;
        Assert.Equal("a.html#p1|Bắc Ninh|<a>x</a>||I.2|I.2|3|false", cache.Render("page", globals));
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

    [Fact]
    public void A_page_walks_all_of_its_data_however_many_iterations_that_takes()
    {
        // Scriban counts a page's iterations, nested ones included, against one budget: neither a programme of many
        // paragraphs nor a theme page of a large atlas (programmes × passages × chips) may be cut off by it.
        var cache = TemplateCache.FromSources(new Dictionary<string, string>
        {
            ["page"] = "{{ n = 0 }}{{ for b in page.blocks }}{{ n = n + 1 }}{{ end }}{{ for p in page.programmes }}{{ for q in p }}{{ n = n + 1 }}{{ end }}{{ end }}{{ n }}",
        });
        var globals = new ScriptObject();
        globals["page"] = new { Blocks = new int[150_000], Programmes = Enumerable.Range(0, 600).Select(_ => new int[150]).ToArray() };
        Assert.Equal("240000", cache.Render("page", globals));
    }
}
