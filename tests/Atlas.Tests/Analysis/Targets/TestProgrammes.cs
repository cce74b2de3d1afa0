using Atlas.Model;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Analysis;

/// <summary>Hand-made programmes for the analysis specs: one section per heading, passages under it.</summary>
public static class TestProgrammes
{
    public static Programme Make(string slug, params (string Heading, string[] Passages)[] sections) =>
        Make(slug, "2023-05-19", sections);

    public static Programme Make(string slug, string? date, params (string Heading, string[] Passages)[] sections)
    {
        var secs = new List<Section>();
        var passages = new List<Passage>();
        for (int s = 0; s < sections.Length; s++)
        {
            var id = $"s-{s + 1}";
            secs.Add(new Section(id, (s + 1).ToString(), SectionKind.Numbered, sections[s].Heading, [(s + 1).ToString()], []));
            for (int p = 0; p < sections[s].Passages.Length; p++)
                passages.Add(new Passage($"{id}-p{p + 1}", id, [(s + 1).ToString()], null, sections[s].Passages[p]));
        }
        return new Programme(slug,
            new ProgrammeMetadata("Chương trình", slug.Split('-')[0], null, null, date, null, [], null, []),
            secs, passages, new ClosingMatter([], []), new SourceInfo(slug + ".txt", "0", "utf-8"));
    }

    /// <summary>content/indicators.yml through the registry loader (which also validates the file).</summary>
    public static IReadOnlyList<Indicator> Indicators { get; } =
        Atlas.Content.Registries.LoadIndicators(Path.Combine(Repo.Content, Atlas.Content.Registries.IndicatorsFile));
}
