using Atlas.Model;

namespace Atlas.Content;

/// <summary>The data files that steer analysis and rendering: provinces.yml, themes.yml, indicators.yml.</summary>
public sealed record Registries(IReadOnlyList<Province> Provinces, IReadOnlyList<Theme> Themes, IReadOnlyList<Indicator> Indicators)
{
    public static Registries Load(string contentDir)
    {
        // SCAFFOLD: the YAML loaders arrive with the site (provinces, themes) and targets (indicators) issues.
        _ = contentDir;
        return new Registries([], [], []);
    }
}
