using Atlas.Model;
using Atlas.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

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

    /// <summary>content/indicators.yml read directly (the registry loader is another area's; this keeps the specs independent).</summary>
    public static IReadOnlyList<Indicator> Indicators { get; } = LoadIndicators();

    private static IReadOnlyList<Indicator> LoadIndicators()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Repo.Content, "indicators.yml"));
        yaml.Load(reader);
        var list = new List<Indicator>();
        foreach (YamlMappingNode node in ((YamlSequenceNode)yaml.Documents[0].RootNode).Children)
        {
            string Get(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value ?? "" : "";
            var patterns = node.Children.TryGetValue(new YamlScalarNode("patterns"), out var p)
                ? ((YamlSequenceNode)p).Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList() : [];
            list.Add(new Indicator(Get("id"), Get("name_vi"), Get("name_en"), Get("definition"), patterns));
        }
        return list;
    }
}
