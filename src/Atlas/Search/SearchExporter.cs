using Atlas.Model;

namespace Atlas.Search;

/// <summary>Builds the Lucene passage index and exports it for the browser under <c>search/</c>.</summary>
public sealed class SearchExporter
{
    public void Export(AtlasModel model, string outDir)
    {
        // SCAFFOLD: replaced by the search index and export (issue 4).
        _ = model; _ = outDir;
    }
}
