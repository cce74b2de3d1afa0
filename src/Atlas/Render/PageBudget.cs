namespace Atlas.Render;

/// <summary>
/// How much an aggregate page (theme, assignments, indicators, resolution…) may show before it switches from "everything
/// side by side" to a bounded summary that links into the programme pages. At the seeds' scale (a handful of programmes)
/// every page shows everything; at a thousand programmes a page that printed every passage weighed megabytes and was
/// unusable on a phone. The numbers are about what a reader can take in on one page, not about speed.
/// </summary>
public static class PageBudget
{
    /// <summary>Up to this many programmes, a theme page prints every passage in one column per programme.</summary>
    public const int FullColumns = 12;

    /// <summary>Passages printed in full on a summarised theme page ("the most distinctive wording").</summary>
    public const int FeaturedPassages = 10;

    /// <summary>Passage links per programme row of a summarised theme page; the rest are counted.</summary>
    public const int RowLinks = 6;

    /// <summary>Programmes named in one cell of a cross-programme list (bodies, references); the rest are counted.</summary>
    public const int ListedProgrammes = 12;

    /// <summary>Up to this many programmes, the assignments page prints every programme's task table.</summary>
    public const int FullAssignmentTables = 12;

    /// <summary>Targets charted and tabled one by one on an indicator page; past this, one row per province (its range).</summary>
    public const int TargetRows = 80;

    /// <summary>Programmes listed on the home page; past this, the most recent ones, the rest being a click away by province.</summary>
    public const int HomeProgrammes = 30;

    /// <summary>Passages quoted in full under one resolution ("where it is cited"); the rest are listed by place.</summary>
    public const int QuotedMentions = 20;
}
