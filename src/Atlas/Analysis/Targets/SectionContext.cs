using Atlas.Model;

namespace Atlas.Analysis.Targets;

/// <summary>What a passage's headings say: the time they name and whether the section sets targets or reviews the past.</summary>
/// <param name="Time">The time named by the innermost heading that names one ("Mục tiêu cụ thể đến năm 2030").</param>
/// <param name="SetsTargets">Innermost classified heading speaks of objectives, targets, orientation or vision.</param>
/// <param name="ReviewsPast">Innermost classified heading speaks of the situation, results or assessment.</param>
internal sealed record HeadingFacts(TimeMention? Time, bool SetsTargets, bool ReviewsPast)
{
    public static HeadingFacts None { get; } = new(null, false, false);
}

/// <summary>Reads the section tree once and answers <see cref="HeadingFacts"/> per section id.</summary>
internal sealed class SectionContext
{
    private static readonly string[] TargetWords = ["muc tieu", "chi tieu"];
    private static readonly string[] HorizonWords = ["dinh huong", "tam nhin"];
    private static readonly string[] TaskWords = ["nhiem vu", "giai phap", "to chuc thuc hien", "du bao", "quan diem"];
    private static readonly string[] PastWords = ["tinh hinh", "danh gia", "ket qua", "thuc trang", "boi canh"];
    private readonly Dictionary<string, HeadingFacts> facts = new(StringComparer.Ordinal);

    public SectionContext(IReadOnlyList<Section> roots)
    {
        foreach (var root in roots) Walk(root, []);
    }

    public HeadingFacts For(string? sectionId) =>
        sectionId is not null && facts.TryGetValue(sectionId, out var f) ? f : HeadingFacts.None;

    private void Walk(Section section, List<string> ancestors)
    {
        var chain = new List<string>(ancestors.Count + 1) { TextFold.Fold(section.Heading) };
        chain.AddRange(ancestors); // innermost first
        facts[section.Id] = Describe(chain);
        foreach (var child in section.Children) Walk(child, chain);
    }

    private static bool Has(string heading, string[] words) => words.Any(w => heading.Contains(w, StringComparison.Ordinal));

    private static HeadingFacts Describe(List<string> headings)
    {
        TimeMention? time = null;
        foreach (var h in headings)
        {
            time = TimeScanner.Scan(h).FirstOrDefault(t => !t.IsBase);
            if (time is not null) break;
        }
        foreach (var h in headings)
        {
            // Innermost first: "Mục tiêu, nhiệm vụ, giải pháp" sets targets, but its sub-heading "Nhiệm vụ, giải pháp" does not.
            if (Has(h, TargetWords)) return new HeadingFacts(time, true, false);
            if (Has(h, TaskWords)) return new HeadingFacts(time, false, false);
            if (Has(h, HorizonWords)) return new HeadingFacts(time, true, false);
            if (Has(h, PastWords)) return new HeadingFacts(time, false, true);
        }
        return new HeadingFacts(time, false, false);
    }
}
