namespace Atlas.Verify;

/// <summary>A problem found in a built page: broken link, missing anchor, missing title/h1/lang, duplicate id.</summary>
public sealed record SiteProblem(string Page, string Problem);

/// <summary>Parses every built page and reports what a reader would trip over.</summary>
public sealed class SiteChecker
{
    public IReadOnlyList<SiteProblem> Check(string siteDir)
    {
        // SCAFFOLD: replaced by the AngleSharp checker (issue 3).
        _ = siteDir;
        return [];
    }
}
