using Atlas.Build;
using Atlas.Content;
using Atlas.Model;
using Atlas.Search;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Search;

/// <summary>The repository's seed programmes, ingested and analysed (content copied to a temp folder first), searchable from C#.</summary>
public sealed class SeedAtlas : IDisposable
{
    public SeedAtlas()
    {
        Model = Load();
        Searcher = PassageSearcher.Over(Model);
    }

    /// <summary>Ingests and analyses a copy of the repository's content (the build writes content/programmes/).</summary>
    public static AtlasModel Load()
    {
        using var temp = new TempDir();
        BuiltSite.CopyDirectory(Repo.Content, temp["content"]);
        var options = new BuildOptions(temp["content"], Repo.Templates, temp["site"]);
        var (analysed, report) = new AtlasBuilder(options).IngestAll();
        var registries = Registries.Load(options.ContentDir);
        return new AtlasModel(analysed, registries.Provinces, registries.Themes, registries.Indicators, report);
    }

    public AtlasModel Model { get; }
    public PassageSearcher Searcher { get; }

    public void Dispose()
    {
        Searcher.Index.Dispose();
    }
}
