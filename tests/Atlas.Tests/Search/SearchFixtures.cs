using System.Text;
using Atlas.Model;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Search;

/// <summary>
/// Hand-made atlas models for the search specs, independent of the ingest stage: either a few passages written here,
/// or every line of the seed sources taken as a passage (real Vietnamese wording, both tone placements, no parsing).
/// </summary>
public static class SearchFixtures
{
    public static Programme Programme(string slug, string province, params string[] passages) =>
        new(slug,
            new ProgrammeMetadata("Chương trình " + slug, province, null, null, null, null, [new ImplementedDocument("29-NQ/TW", null, "Nghị quyết 29")], null, []),
            [new Section("s-i", "I", SectionKind.Part, "NHIỆM VỤ VÀ GIẢI PHÁP", ["I"], [])],
            passages.Select((t, i) => new Passage($"s-i-p{i + 1}", "s-i", ["I"], "-", t)).ToList(),
            new ClosingMatter([], []),
            new SourceInfo(slug + ".txt", "", "utf-8"));

    public static AtlasModel Model(IEnumerable<Programme> programmes, IEnumerable<PassageTheme>? themes = null, IEnumerable<Theme>? registry = null)
    {
        var themeList = (themes ?? []).ToList();
        var analysed = programmes.OrderBy(p => p.Slug, StringComparer.Ordinal)
            .Select(p => new AnalysedProgramme(p, ProgrammeAnalysis.Empty with
            {
                Themes = themeList.Where(t => p.Passages.Any(x => x.Id == t.PassageId) && t.Evidence == p.Slug).ToList(),
            }))
            .ToList();
        return new AtlasModel(analysed, [], (registry ?? []).ToList(), [], new IngestReport([]));
    }

    private static readonly Dictionary<string, string> SeedProvinces = new(StringComparer.Ordinal)
    {
        ["hau-giang-123-ctr-tu-2022"] = "Hậu Giang",
        ["kien-giang-phat-trien-cong-nghiep-2021-2025"] = "Kiên Giang",
        ["quang-ngai-nq29"] = "Quảng Ngãi",
        ["thai-binh-nq29-2023"] = "Thái Bình",
        ["tien-giang-38-ctr-tu-2023"] = "Tiền Giang",
    };

    /// <summary>Theme rules for the line model: a passage mentioning the word gets the theme.</summary>
    public static readonly (string Id, string Word)[] LineThemes =
    [
        ("nang-luong", "năng lượng"), ("giao-thong", "giao thông"), ("nong-nghiep", "nông nghiệp"), ("chuyen-doi-so", "chuyển đổi số"),
    ];

    /// <summary>Every non-trivial line of each seed source as one passage; themes by <see cref="LineThemes"/>.</summary>
    public static AtlasModel SeedLines()
    {
        var programmes = new List<Programme>();
        var themes = new List<PassageTheme>();
        foreach (var file in Directory.GetFiles(Repo.Sources, "*.txt").OrderBy(f => f, StringComparer.Ordinal))
        {
            var slug = Path.GetFileNameWithoutExtension(file);
            var lines = File.ReadAllText(file, Encoding.UTF8).Normalize(NormalizationForm.FormC)
                .Split('\n').Select(l => l.Trim()).Where(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4).ToArray();
            var programme = Programme(slug, SeedProvinces.GetValueOrDefault(slug, "Không rõ"), lines);
            programmes.Add(programme);
            foreach (var p in programme.Passages)
                foreach (var (id, word) in LineThemes)
                    if (p.Text.ToLowerInvariant().Contains(word, StringComparison.Ordinal)) themes.Add(new PassageTheme(p.Id, id, "keyword", slug));
        }
        var registry = LineThemes.Select(t => new Theme(t.Id, t.Word, t.Id, "", [t.Word], [])).ToList();
        return Model(programmes, themes, registry);
    }
}
