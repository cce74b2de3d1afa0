using Atlas.Model;
using Atlas.Search.Export;

namespace Atlas.Search;

/// <summary>
/// Builds the Lucene passage index and exports it for the browser under <c>search/</c>, with the client script
/// (<c>search/atlas-search.js</c>, copied from <c>templates/assets/search/</c>).
/// </summary>
public sealed class SearchExporter(string? templatesDir = null, ExportLayout? layout = null)
{
    public const string ClientScript = "atlas-search.js";

    public void Export(AtlasModel model, string outDir)
    {
        var searchDir = Path.Combine(outDir, "search");
        using var index = PassageIndex.Build(model);
        new BrowserIndexWriter(layout).Write(index, model, searchDir);
        if (templatesDir is not null)
        {
            var script = Path.Combine(templatesDir, "assets", "search", ClientScript);
            if (File.Exists(script)) File.Copy(script, Path.Combine(searchDir, ClientScript), overwrite: true);
        }
    }
}
