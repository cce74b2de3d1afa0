using System.Globalization;
using Atlas.Model;
using Atlas.Render.Templates;

namespace Atlas.Render.Pages;

/// <summary>A section of the document in the companion's outline, linking into the Vietnamese page.</summary>
public sealed record OutlineEntry(string Number, string Heading, string Href, int Depth, int Passages);

/// <summary>A target in the companion's table: indicator (in the interface language), value, time, the words as printed.</summary>
/// <param name="IndicatorLang">"vi" when the indicator is the document's own subject (no registry indicator matched).</param>
public sealed record CompanionTarget(string Indicator, string Value, string? Time, string Verbatim, string Citation, string Href, string? IndicatorLang = null);

/// <summary>An assigned task in the companion's table: where it is, and who does it when.</summary>
public sealed record CompanionAssignment(string Citation, string Href, string? Directing, string? Lead, string? Implementing, string? Coordinating, string? Timing);

public sealed record ProgrammeCompanionView(
    string Title,
    string Label,
    HtmlString? Kicker,
    string FullTextHref,
    IReadOnlyList<MetaField> Card,
    IReadOnlyList<OutlineEntry> Outline,
    IReadOnlyList<CompanionTarget> Targets,
    IReadOnlyList<CompanionAssignment> Assignments,
    IReadOnlyList<LinkView> Downloads,
    string? SourceHref,
    string Citation,
    OwnershipView Ownership);

/// <summary>
/// en/programmes/&lt;slug&gt;.html: the document in an English interface without repeating its Vietnamese text — the
/// metadata card, an outline whose entries open the Vietnamese page at each section, the targets and assignments the
/// analysis found, downloads and the citation, and a clear link to the full text. The full text lives once, on the
/// Vietnamese page (at scale a second full copy was a third of the site).
/// </summary>
public static class ProgrammeCompanion
{
    public static ProgrammeCompanionView Build(SiteWriter site, AnalysedProgramme ap, PageLinks at)
    {
        var p = ap.Programme;
        var lang = at.Language;
        var vi = site.Languages.First(l => !l.IsEnglish);
        var fullText = PageLinks.RelativeFrom(at.SitePath, vi.Prefix + $"programmes/{p.Slug}.html");
        string Into(string anchor) => fullText + "#" + anchor;

        var counts = p.Passages.GroupBy(x => x.SectionId ?? "", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var outline = new List<OutlineEntry>();
        void Walk(Section s, int depth)
        {
            if (depth > 3) return;
            outline.Add(new OutlineEntry(ProgrammePages.DisplayNumber(s), s.Heading, Into(s.Id), depth, counts.GetValueOrDefault(s.Id)));
            foreach (var c in s.Children) Walk(c, depth + 1);
        }
        foreach (var s in p.Sections) Walk(s, 1);

        var citations = p.Passages.ToDictionary(x => x.Id, x => x.Citation, StringComparer.Ordinal);
        var targets = ap.Analysis.Targets.Where(t => !t.IsAchievement)
            .Select(t => new CompanionTarget(
                t.IndicatorId is { } id && site.Model.Indicators.FirstOrDefault(i => i.Id == id) is { } ind ? lang.Name(ind) : t.Subject ?? "",
                IndicatorPages.Value(t, lang),
                t.Period ?? t.Year?.ToString(CultureInfo.InvariantCulture),
                t.Verbatim,
                citations.GetValueOrDefault(t.PassageId) ?? "",
                Into(t.PassageId),
                t.IndicatorId is { } known && site.Model.Indicators.Any(i => i.Id == known) ? null : "vi"))
            .ToList();
        var assignments = ap.Analysis.Assignments
            .Select(a => new CompanionAssignment(citations.GetValueOrDefault(a.TaskId) ?? a.TaskId, Into(a.TaskId),
                a.Directing, a.Lead, a.Implementing, a.Coordinating, a.Timing))
            .ToList();
        var copied = SiteRenderer.IsCopiedSource(site, p.Source.FileName);
        var downloads = new List<LinkView>();
        if (copied) downloads.Add(new LinkView(lang["programme_source_link"], at.SourceFile(p.Source.FileName)));
        downloads.Add(new LinkView("passages.json", at.Shared(Data.DataDownloads.PassagesJson)));
        downloads.Add(new LinkView("targets.csv", at.Shared(Data.DataDownloads.TargetsCsv)));

        return new ProgrammeCompanionView(
            p.Metadata.Title ?? Views.Label(p),
            Views.Label(p),
            ProgrammePages.Kicker(p, lang),
            fullText,
            ProgrammePages.Card(site, p, at),
            outline,
            targets,
            assignments,
            downloads,
            copied ? at.SourceFile(p.Source.FileName) : null,
            Citation.For(p.Metadata, null),
            OwnershipView.Of(ap));
    }
}
