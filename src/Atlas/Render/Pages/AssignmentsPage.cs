using System.Globalization;
using Atlas.Analysis;
using Atlas.Model;

namespace Atlas.Render.Pages;

public sealed record AssignmentRow(string Task, string Citation, string Href, string? Directing, string? Lead, string? Implementing, string? Coordinating, string? Timing);

public sealed record AssignmentTable(string Programme, string Href, IReadOnlyList<AssignmentRow> Rows);

public sealed record BodyRole(string Role, string Tasks);

/// <param name="MoreProgrammes">Programmes beyond the <see cref="PageBudget.ListedProgrammes"/> named, counted.</param>
public sealed record BodyRow(string Body, IReadOnlyList<BodyRole> Roles, IReadOnlyList<LinkView> Programmes, int MoreProgrammes = 0);

/// <summary>A programme's line on the summarised page: how many tasks it assigns and links to the first ones.</summary>
public sealed record AssignmentSummary(string Programme, string Href, int Tasks, IReadOnlyList<LinkView> FirstTasks);

/// <param name="Summary">Set when too many programmes assign tasks for one table each (<see cref="PageBudget.FullAssignmentTables"/>):
/// one line per programme instead, the full fields being under each passage of the programme page.</param>
public sealed record AssignmentsView(IReadOnlyList<AssignmentTable> Programmes, IReadOnlyList<BodyRow> Bodies,
    IReadOnlyList<AssignmentSummary>? Summary = null);

/// <summary>assignments.html: per programme, who directs, leads, implements and coordinates each task, and when; then
/// across programmes, which bodies take which role.</summary>
public sealed class AssignmentsPage : ISitePage
{
    public void Write(SiteWriter site)
    {
        var programmes = Views.ForReading(site.Model.Programmes).Where(p => p.Analysis.Assignments.Count > 0).ToList();
        foreach (var lang in site.Languages)
        {
            var at = site.Links(lang, "assignments.html");
            var summarise = programmes.Count > PageBudget.FullAssignmentTables;
            var tables = summarise ? [] : programmes.Select(ap =>
            {
                var passages = ap.Programme.Passages.ToDictionary(p => p.Id, StringComparer.Ordinal);
                var rows = ap.Analysis.Assignments.Select(a =>
                {
                    var passage = passages.GetValueOrDefault(a.TaskId);
                    var text = passage?.Text ?? a.TaskId;
                    return new AssignmentRow(text.Length > 180 ? text[..179] + "…" : text, passage?.Citation ?? "",
                        at.Programme(ap.Programme.Slug, a.TaskId), a.Directing, a.Lead, a.Implementing, a.Coordinating, a.Timing);
                }).ToList();
                return new AssignmentTable(Views.Label(ap.Programme), at.Programme(ap.Programme.Slug), rows);
            }).ToList();

            // Bodies across programmes, grouped by folded name so "Tỉnh ủy" and "Tỉnh uỷ" meet.
            var roles = new (string Key, Func<Assignment, string?> Get)[]
            {
                ("assignments_directing", a => a.Directing), ("assignments_lead", a => a.Lead),
                ("assignments_implementing", a => a.Implementing), ("assignments_coordinating", a => a.Coordinating),
            };
            var entries = programmes.SelectMany(ap => ap.Analysis.Assignments.SelectMany(a => roles
                .Where(r => r.Get(a) is { Length: > 0 })
                .SelectMany(r => r.Get(a)!.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(body => (Body: body, Role: r.Key, P: ap.Programme)))));
            var bodies = entries.GroupBy(e => TextFold.Fold(e.Body), StringComparer.Ordinal)
                .Select(g =>
                {
                    var citing = g.Select(e => e.P).DistinctBy(p => p.Slug).ToList();
                    return (Count: citing.Count, Row: new BodyRow(
                        g.GroupBy(e => e.Body, StringComparer.Ordinal).OrderByDescending(b => b.Count()).ThenBy(b => b.Key, StringComparer.Ordinal).First().Key,
                        roles.Where(r => g.Any(e => e.Role == r.Key))
                            .Select(r => new BodyRole(lang[r.Key], string.Format(CultureInfo.InvariantCulture, lang["assignments_tasks"], g.Count(e => e.Role == r.Key)))).ToList(),
                        citing.Take(PageBudget.ListedProgrammes).Select(p => new LinkView(Views.Label(p), at.Programme(p.Slug))).ToList(),
                        Math.Max(0, citing.Count - PageBudget.ListedProgrammes)));
                })
                .OrderByDescending(b => b.Count).ThenBy(b => TextFold.Fold(b.Row.Body), StringComparer.Ordinal)
                .Select(b => b.Row)
                .ToList();
            var summary = !summarise ? null : programmes.Select(ap =>
            {
                var passages = ap.Programme.Passages.ToDictionary(p => p.Id, StringComparer.Ordinal);
                var first = ap.Analysis.Assignments
                    .Select(a => new LinkView(passages.GetValueOrDefault(a.TaskId)?.Citation is { Length: > 0 } c ? c : a.TaskId, at.Programme(ap.Programme.Slug, a.TaskId)))
                    .DistinctBy(l => l.Label, StringComparer.Ordinal).Take(PageBudget.RowLinks).ToList();
                return new AssignmentSummary(Views.Label(ap.Programme), at.Programme(ap.Programme.Slug), ap.Analysis.Assignments.Count, first);
            }).ToList();
            site.WritePage(at, "assignments", new AssignmentsView(tables, bodies, summary),
                new PageMeta(lang["assignments_title"], lang["assignments_description"], [new Crumb(lang["nav_assignments"], null)]));
        }
    }
}
