using Atlas.Build;
using Atlas.Model;
using Atlas.Render;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Render;

/// <summary>
/// Small hand-made atlases for the renderer specs: two programmes (one from a province merged in 2025, one with
/// assignment fields), two themes, one registry, plus whatever hostile text a spec needs.
/// </summary>
public static class TestAtlas
{
    public static readonly Theme Digital = new("chuyen-doi-so", "Chuyển đổi số", "Digital transformation",
        "Chính quyền số, kinh tế số, xã hội số.", ["chuyển đổi số"], ["chuyển đổi số"]);

    public static readonly Theme Industry = new("cong-nghiep", "Phát triển công nghiệp", "Industry",
        "Công nghiệp nền tảng, công nghiệp hỗ trợ, khu và cụm công nghiệp.", ["công nghiệp"], ["công nghiệp"]);

    public static IReadOnlyList<Province> Provinces { get; } =
    [
        new("Tiền Giang", "tien-giang", "Đồng bằng sông Cửu Long", "Mỹ Tho", 10.36, 106.36, "dong-thap"),
        new("Đồng Tháp", "dong-thap", "Đồng bằng sông Cửu Long", "Cao Lãnh", 10.46, 105.63, null),
        new("Quảng Ngãi", "quang-ngai", "Duyên hải Nam Trung Bộ", "Quảng Ngãi", 15.12, 108.8, null),
    ];

    public static Programme TienGiang(string? extraPassage = null)
    {
        var s3 = new Section("s-iii", "III", SectionKind.Part, "NHIỆM VỤ VÀ GIẢI PHÁP", ["III"],
        [
            new Section("s-iii-1", "1", SectionKind.Numbered, "Đổi mới tư duy về công nghiệp hóa", ["III", "1"], []),
            new Section("s-iii-2", "2", SectionKind.Numbered, "Đẩy mạnh chuyển đổi số", ["III", "2"], []),
        ]);
        var passages = new List<Passage>
        {
            new("p-0", null, [], null, "Thực hiện Nghị quyết 29-NQ/TW ngày 17/11/2022 và Kế hoạch 13-KH/TW ngày 28/11/2022 của Bộ Chính trị."),
            new("s-iii-1-p1", "s-iii-1", ["III", "1"], "-", "Phát triển công nghiệp chế biến, chế tạo theo Nghị quyết 29-NQ/TW."),
            new("s-iii-2-p1", "s-iii-2", ["III", "2"], "-", "Thực hiện chuyển đổi số toàn diện trong các cơ quan nhà nước."),
        };
        if (extraPassage is not null) passages.Add(new Passage("s-iii-2-p2", "s-iii-2", ["III", "2"], "+", extraPassage));
        return new Programme(
            "tien-giang-38-ctr-tu-2023",
            new ProgrammeMetadata("Chương trình thực hiện Nghị quyết 29-NQ/TW", "Tiền Giang", "TỈNH ỦY TIỀN GIANG", "38-CTr/TU",
                "2023-03-31", "Tiền Giang", [new ImplementedDocument("29-NQ/TW", "2022-11-17", "Nghị quyết 29-NQ/TW")],
                new Signatory("Nguyễn Văn Danh", "Bí thư"), [2030, 2045]),
            [s3], passages,
            new ClosingMatter(["- VPTW", "- Lưu Văn phòng Tỉnh ủy."], ["T/M TỈNH ỦY", "BÍ THƯ", "Nguyễn Văn Danh"]),
            new SourceInfo("tien-giang-38-ctr-tu-2023.txt", "abcdef0123456789", "utf-8"));
    }

    public static Programme QuangNgai()
    {
        var s2 = new Section("s-ii", "II", SectionKind.Part, "NHIỆM VỤ", ["II"],
            [new Section("s-ii-1", "1", SectionKind.Numbered, "Chuyển đổi số trong doanh nghiệp", ["II", "1"], [])]);
        var passages = new List<Passage>
        {
            new("s-ii-1-p1", "s-ii-1", ["II", "1"], "-", "Hỗ trợ doanh nghiệp chuyển đổi số.")
            {
                Fields = [new PassageField("Cơ quan chủ trì", "Sở Thông tin và Truyền thông"), new PassageField("Thời gian thực hiện", "2023 - 2030")],
            },
        };
        return new Programme(
            "quang-ngai-nq29",
            new ProgrammeMetadata("Chương trình hành động thực hiện Nghị quyết số 29-NQ/TW", "Quảng Ngãi", null, null, null, null,
                [new ImplementedDocument("29-NQ/TW", "2022-11-17", "Nghị quyết số 29-NQ/TW")], null, []),
            [s2], passages, new ClosingMatter([], []), new SourceInfo("quang-ngai-nq29.txt", "0123", "utf-8"));
    }

    public static AtlasModel Model(Programme? tienGiang = null, IReadOnlyList<PassageTheme>? extraThemes = null)
    {
        var tg = tienGiang ?? TienGiang();
        var qn = QuangNgai();
        var tgThemes = new List<PassageTheme>
        {
            new("s-iii-1-p1", Industry.Id, "keyword", "công nghiệp"),
            new("s-iii-2-p1", Digital.Id, "heading", "Đẩy mạnh chuyển đổi số"),
        };
        if (extraThemes is not null) tgThemes.AddRange(extraThemes);
        var qnThemes = new List<PassageTheme> { new("s-ii-1-p1", Digital.Id, "keyword", "chuyển đổi số") };
        var report = new IngestReport(
        [
            new DocumentReport("broken.txt", null, "failed", "không đọc được: bảng mã không xác định", [], []),
            new DocumentReport(qn.Source.FileName, qn.Slug, "ok", null,
                [new FieldReport("number", "missing", null, null), new FieldReport("province", "inferred", "Quảng Ngãi", "Tỉnh ủy Quảng Ngãi")], ["no date"]),
            new DocumentReport(tg.Source.FileName, tg.Slug, "ok", null, [new FieldReport("number", "found", "38-CTr/TU", null)], []),
        ]);
        return new AtlasModel(
            [
                new AnalysedProgramme(qn, ProgrammeAnalysis.Empty with { Themes = qnThemes }),
                new AnalysedProgramme(tg, ProgrammeAnalysis.Empty with { Themes = tgThemes }),
            ],
            Provinces, [Digital, Industry], [], report);
    }

    /// <summary>
    /// Renders <paramref name="model"/> with the repository's templates into <c>temp/site</c>; sources are fake files.
    /// The search export runs too, as in a build: it publishes search/atlas-search.js, which every page links to.
    /// </summary>
    /// <param name="sources">The bytes of some originals by file name; any other is a line of text.</param>
    public static string Render(TempDir temp, AtlasModel model, IReadOnlyDictionary<string, byte[]>? sources = null)
    {
        var options = new BuildOptions(temp["content"], Repo.Templates, temp["site"]);
        Directory.CreateDirectory(options.SourcesDir);
        foreach (var ap in model.Programmes)
        {
            var name = ap.Programme.Source.FileName;
            File.WriteAllBytes(Path.Combine(options.SourcesDir, name),
                sources?.GetValueOrDefault(name) ?? System.Text.Encoding.UTF8.GetBytes("nguyên văn " + ap.Programme.Slug));
        }
        new SiteRenderer(options).Render(model, options.SiteDir);
        new Atlas.Search.SearchExporter(Repo.Templates).Export(model, options.SiteDir);
        return options.SiteDir;
    }
}
