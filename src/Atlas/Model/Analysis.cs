namespace Atlas.Model;

/// <summary>Why a passage carries a theme: which heading or keyword matched, so the classification can be explained.</summary>
/// <param name="Reason">"heading" or "keyword" or "override".</param>
/// <param name="Evidence">The heading text or keyword that matched.</param>
public sealed record PassageTheme(string PassageId, string ThemeId, string Reason, string Evidence);

public enum Comparator { Exact, Above, AtLeast, Below, AtMost, About, Range, Qualitative }

/// <summary>A quantitative (or qualitative) target the programme sets, linked to its source sentence.</summary>
public sealed record Target(
    string PassageId,
    string? IndicatorId,
    Comparator Comparator,
    decimal? Low,
    decimal? High,
    string? Unit,
    string? Period,
    int? Year,
    string Verbatim,
    bool IsAchievement)
{
    /// <summary>The words the value is about, as printed ("Tỷ trọng công nghiệp"); for targets with no known indicator, the text before the value.</summary>
    public string? Subject { get; init; }
}

/// <summary>Who does a task (Quảng Ngãi style "Cơ quan chủ trì…" lines) attached to the task's section or passage.</summary>
public sealed record Assignment(
    string TaskId,
    string? Directing,
    string? Lead,
    string? Implementing,
    string? Coordinating,
    string? Timing);

/// <summary>A document cited in the text.</summary>
public sealed record Reference(string PassageId, string Kind, string? Number, string? Date, string? Issuer, string Verbatim)
{
    /// <summary>What the document is about ("về tiếp tục đẩy mạnh công nghiệp hóa…"), when the citation says it.</summary>
    public string? Subject { get; init; }
}

/// <summary>A similar passage in another programme.</summary>
public sealed record RelatedPassage(string PassageId, string OtherSlug, string OtherPassageId, double Score);

/// <summary>A stretch of a passage's text: char offset and length in <see cref="Passage.Text"/>.</summary>
public sealed record TextSpan(int Start, int Length);

/// <summary>Everything the analysis stage adds to one programme. Lists are in document order.</summary>
public sealed record ProgrammeAnalysis(
    IReadOnlyList<PassageTheme> Themes,
    IReadOnlyList<Target> Targets,
    IReadOnlyList<Assignment> Assignments,
    IReadOnlyList<Reference> References,
    IReadOnlyList<RelatedPassage> Related,
    /// <summary>Per passage id: share of its wording shared with other programmes, 0 (own) .. 1 (copied).</summary>
    IReadOnlyDictionary<string, double> SharedShare)
{
    public static ProgrammeAnalysis Empty { get; } = new([], [], [], [], [], new Dictionary<string, double>());

    /// <summary>Per passage id: where its wording is shared with other programmes (char offsets in Passage.Text), in order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TextSpan>> SharedSpans { get; init; } = new Dictionary<string, IReadOnlyList<TextSpan>>();

    /// <summary>Share of the programme's words that are its own (outside shared spans), 0..1; 1 when nothing is shared.</summary>
    public double OwnShare { get; init; } = 1;
}

/// <summary>A programme with its analysis: what the render and search stages consume.</summary>
public sealed record AnalysedProgramme(Programme Programme, ProgrammeAnalysis Analysis);

/// <summary>The whole atlas after analysis. Programmes are sorted by slug so every output is ordered the same way.</summary>
public sealed record AtlasModel(
    IReadOnlyList<AnalysedProgramme> Programmes,
    IReadOnlyList<Province> Provinces,
    IReadOnlyList<Theme> Themes,
    IReadOnlyList<Indicator> Indicators,
    IngestReport Report);
