using Atlas.Model;
using Atlas.Render;
using Atlas.Search.Export;

namespace Atlas.Search;

/// <summary>
/// Exports the passage index (what Lucene would hold, <see cref="ExportCorpus"/>) for the browser under <c>search/</c>, with the client script
/// <c>search/atlas-search.js</c> (from <c>templates/assets/search/</c>, minified as every shipped script is: <see cref="ShippedScript"/>). This stage is the script's only publisher:
/// pages link to <c>search/atlas-search.js</c>, which sits next to the shards it loads.
/// </summary>
public sealed class SearchExporter(string? templatesDir = null, ExportLayout? layout = null)
{
    public const string ClientScript = "atlas-search.js";

    public void Export(AtlasModel model, string outDir)
    {
        var searchDir = Path.Combine(outDir, "search");
        // No collection is forced here any more: when the export allocated over a gigabyte it forced two compacting
        // collections to keep the build's peak down; it now allocates about a third of a gigabyte, and at 1,000 programmes
        // the peak is the same without them (about 790 MB) while each one stopped render's threads too for 0.15–0.3 s.
        // The export reads the passages directly (ExportCorpus computes what Lucene would hold): no Lucene index is built.
        new BrowserIndexWriter(layout).Write(PassageIndex.Records(model), model.Themes, searchDir);
        if (templatesDir is not null)
        {
            var script = Path.Combine(templatesDir, "assets", "search", ClientScript);
            if (File.Exists(script)) ShippedScript.Copy(script, Path.Combine(searchDir, ClientScript), "templates/assets/search/" + ClientScript);
        }
    }
}
