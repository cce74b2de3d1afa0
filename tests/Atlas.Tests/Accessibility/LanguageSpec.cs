using System.Text.Json;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Accessibility;

/// <summary>
/// The English pages translate the interface only: the documents' words stay Vietnamese, and must say so
/// (lang="vi") or a screen reader reads them with English pronunciation. On one page of every English page type,
/// every run of text that reads as Vietnamese (three words or more, most of them with Vietnamese letters) sits
/// inside an element whose nearest lang is "vi".
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LanguageSpec(BuiltSite site, Browser browser)
{
    private const string Unmarked = """
        () => {
          const viLetter = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
          const bad = []; let marked = 0;
          const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n; (n = walk.nextNode());) {
            const el = n.parentElement;
            if (!el || el.closest('script, style, noscript, [hidden]')) continue;
            const words = n.nodeValue.normalize('NFC').split(/[^\p{L}\p{M}\p{N}]+/u).filter(w => /\p{L}/u.test(w));
            const vi = words.filter(w => viLetter.test(w)).length;
            if (words.length < 3 || vi * 2 <= words.length) continue;
            const lang = (el.closest('[lang]')?.getAttribute('lang') || '').toLowerCase();
            if (lang === 'vi' || lang.startsWith('vi-')) { marked++; continue; }
            const where = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
            bad.push(where + ': "' + n.nodeValue.replace(/\s+/g, ' ').trim().slice(0, 70) + '"');
          }
          return JSON.stringify({ marked, bad });
        }
        """;

    [Fact]
    public async Task Vietnamese_document_text_on_english_pages_is_marked_lang_vi()
    {
        Assert.True(site.Result.Published, site.Result.FatalError);
        var samples = PageTypes.In(site.Page("en"));
        var page = await browser.NewPageAsync();
        var found = new List<string>();
        var marked = 0;
        foreach (var sample in samples)
        {
            await AxeSpec.Open(page, sample);
            Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
            using var result = JsonDocument.Parse(await page.EvaluateAsync<string>(Unmarked));
            marked += result.RootElement.GetProperty("marked").GetInt32();
            var name = Path.GetRelativePath(site.SiteDir, sample.Path).Replace('\\', '/') + sample.Query;
            var bad = result.RootElement.GetProperty("bad").EnumerateArray().Select(b => b.GetString()!).ToList();
            if (bad.Count > 0)
                found.Add($"{name}: {bad.Count} Vietnamese text run(s) without lang=\"vi\", e.g.\n    " + string.Join("\n    ", bad.Take(5)));
        }
        Assert.True(found.Count == 0, "Mark the element holding document text with lang=\"vi\":\n" + string.Join("\n", found));
        Assert.True(marked > 100, $"only {marked} Vietnamese text runs found on {samples.Count} English pages: is the check running?");
    }
}
