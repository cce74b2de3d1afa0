using System.Globalization;

namespace Atlas.Render.Pages;

/// <param name="Level">Shade 0–4: the cell's share of its programme's passages relative to the largest share in the matrix.</param>
public sealed record MatrixCell(int Count, int Level, string Href, string Title);

public sealed record MatrixRow(string Theme, string ThemeHref, IReadOnlyList<MatrixCell> Cells);

public sealed record MatrixColumn(string Label, string? Province, string Href);

public sealed record MatrixView(IReadOnlyList<MatrixColumn> Columns, IReadOnlyList<MatrixRow> Rows)
{
    /// <summary>Cells carry their sentence ("3 passages of X on Y") as tooltip and accessible name; dropped past
    /// <see cref="PageBudget.FullColumns"/> programmes, where they were most of the page (a screen reader still announces
    /// each cell with its row and column headers: the theme and the programme).</summary>
    public bool Tooltips { get; init; } = true;
}

/// <summary>themes/matrix.html: a heatmap of how many passages each programme has on each theme; each cell links to that column.</summary>
public sealed class ThemeMatrixPage : ISitePage
{
    public void Write(SiteWriter site)
    {
        var programmes = Views.ForReading(site.Model.Programmes).ToList();
        // count[theme][programme] = passages of the programme tagged with the theme.
        var counts = site.Model.Themes.Select(t => programmes
            .Select(ap => ap.Analysis.Themes.Where(x => x.ThemeId == t.Id).Select(x => x.PassageId).Distinct().Count())
            .ToList()).ToList();
        var shares = counts.Select(row => row.Select((n, i) => programmes[i].Programme.Passages.Count == 0 ? 0.0 : (double)n / programmes[i].Programme.Passages.Count).ToList()).ToList();
        var max = shares.SelectMany(r => r).DefaultIfEmpty(0).Max();

        foreach (var lang in site.Languages)
        {
            var at = site.Links(lang, "themes/matrix.html");
            var columns = programmes.Select(ap => new MatrixColumn(Views.Label(ap.Programme), ap.Programme.Metadata.Province, at.Programme(ap.Programme.Slug))).ToList();
            var rows = site.Model.Themes.Select((t, ti) => new MatrixRow(
                lang.Name(t),
                at.Theme(t.Id),
                programmes.Select((ap, pi) =>
                {
                    var n = counts[ti][pi];
                    var level = n == 0 || max <= 0 ? 0 : Math.Clamp((int)Math.Ceiling(shares[ti][pi] / max * 4), 1, 4);
                    return new MatrixCell(n, level, at.Theme(t.Id, ap.Programme.Slug),
                        string.Format(CultureInfo.InvariantCulture, lang["matrix_cell_title"], n, Views.Label(ap.Programme), lang.Name(t)));
                }).ToList())).ToList();
            site.WritePage(at, "matrix", new MatrixView(columns, rows) { Tooltips = programmes.Count <= PageBudget.FullColumns }, new PageMeta(
                lang["matrix_title"], lang["matrix_description"],
                [new Crumb(lang["nav_themes"], at.Themes()), new Crumb(lang["matrix_title"], null)]));
        }
    }
}
