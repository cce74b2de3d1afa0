using Atlas.Search.Export;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Search;

/// <summary>The seed lines exported with at most 7 text files, so every <c>x/</c> file holds several first copies.</summary>
public sealed class PackedTextExport() : ExportedSearch(SearchFixtures.SeedLines(), new ExportLayout(MaxTextFiles: 7));

/// <summary>
/// With many first copies <c>x/</c> packs several texts a file (<see cref="ExportLayout.MaxTextFiles"/>): the client
/// finds each text at its place in its file, so results, snippets, totals and facets are Lucene's as before.
/// </summary>
public sealed class PackedTextSpec(PackedTextExport site, Browser browser) : IClassFixture<PackedTextExport>, IClassFixture<Browser>
{
    [Fact]
    public void Texts_are_packed_in_consecutive_blocks_of_the_size_meta_states()
    {
        var search = Path.Combine(site.SiteDir, "search");
        var meta = BrowserIndexWriterSpec.Script(search, "meta");
        int block = meta.GetProperty("textBlock").GetInt32();
        var files = Directory.GetFiles(Path.Combine(search, "x"));
        Assert.True(files.Length <= 7, $"{files.Length} text files");
        Assert.True(block > 1);
        int texts = 0;
        for (int i = 0; i < files.Length; i++)
        {
            int count = BrowserIndexWriterSpec.Script(search, $"x/{i}").GetArrayLength();
            Assert.True(i < files.Length - 1 ? count == block : count > 0 && count <= block, $"x/{i} holds {count} texts");
            texts += count;
        }
        Assert.True(texts > files.Length, $"{texts} texts in {files.Length} files");
    }

    [Fact]
    public async Task Chromium_ranks_and_shows_as_Lucene_does_over_packed_texts()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(site.HarnessUrl);
        foreach (var q in BrowserParitySpec.Queries) await Parity.AssertSame(site.Searcher, page, q);
    }
}
