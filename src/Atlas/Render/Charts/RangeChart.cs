using System.Globalization;
using System.Text;
using Atlas.Model;

namespace Atlas.Render.Charts;

/// <summary>One row of a range chart: a province's target, linked to its source passage.</summary>
public sealed record ChartRow(string Label, decimal? Low, decimal? High, Comparator Comparator, string ValueText, string Href);

/// <summary>
/// A horizontal range chart as inline SVG, rendered at build time (no JavaScript): one row per programme, a bar for a
/// range, a dot for a single value, an arrow for "above"/"at least" (→) or "below"/"at most" (←), a ring for "about".
/// Rows keep the order given (the page sorts them). Carries &lt;title&gt; and &lt;desc&gt;; the page adds a table as the
/// full text alternative. Presentation attributes and CSS classes only: the site's CSP forbids inline styles.
/// </summary>
public static class RangeChart
{
    private const int LabelWidth = 210, PlotWidth = 430, ValueWidth = 150, RowHeight = 28, Top = 34, Bottom = 12;

    public static string Svg(string id, string title, string description, string unit, IReadOnlyList<ChartRow> rows)
    {
        var numeric = rows.Where(r => r.Low is not null).ToList();
        decimal max = numeric.Count == 0 ? 1 : numeric.Max(r => r.High ?? r.Low!.Value);
        decimal min = numeric.Count == 0 ? 0 : Math.Min(0, numeric.Min(r => r.Low!.Value));
        var (axisMax, step) = NiceAxis(max <= min ? min + 1 : max);
        int width = LabelWidth + PlotWidth + ValueWidth;
        int height = Top + rows.Count * RowHeight + Bottom;
        double X(decimal v) => LabelWidth + (double)((v - min) / (axisMax - min)) * PlotWidth;
        static string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);

        var sb = new StringBuilder();
        // role="group", not "img": each row is a link to its passage, which an image role would hide.
        sb.Append($"<svg class=\"range-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"group\" aria-labelledby=\"{id}-title {id}-desc\">");
        sb.Append($"<title id=\"{id}-title\">{Html.Escape(title)}</title><desc id=\"{id}-desc\">{Html.Escape(description)}</desc>");
        // Axis: gridlines and tick labels at "nice" steps, unit on the right.
        for (decimal t = min; t <= axisMax; t += step)
        {
            var x = F(X(t));
            sb.Append($"<line class=\"grid\" x1=\"{x}\" y1=\"{Top - 6}\" x2=\"{x}\" y2=\"{height - Bottom}\" stroke=\"#d8dde3\" stroke-width=\"1\"/>");
            sb.Append($"<text class=\"tick\" x=\"{x}\" y=\"{Top - 12}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555\">{Html.Escape(Number(t))}</text>");
        }
        sb.Append($"<text class=\"unit\" x=\"{LabelWidth + PlotWidth + 8}\" y=\"{Top - 12}\" font-size=\"11\" fill=\"#555\">{Html.Escape(unit)}</text>");

        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            double y = Top + i * RowHeight + RowHeight / 2.0;
            sb.Append($"<a href=\"{Html.Escape(r.Href)}\"><g class=\"row\">");
            sb.Append($"<text x=\"{LabelWidth - 8}\" y=\"{F(y + 4)}\" text-anchor=\"end\" font-size=\"12\" fill=\"#1b2733\">{Html.Escape(Clip(r.Label, 32))}</text>");
            if (r.Low is decimal low)
            {
                double x1 = X(low), x2 = X(r.High ?? low);
                if (r.High is not null)
                    sb.Append($"<rect class=\"bar\" x=\"{F(x1)}\" y=\"{F(y - 6)}\" width=\"{F(Math.Max(3, x2 - x1))}\" height=\"12\" rx=\"3\" fill=\"#2f6f9f\"/>");
                else if (r.Comparator == Comparator.About)
                    sb.Append($"<circle class=\"about\" cx=\"{F(x1)}\" cy=\"{F(y)}\" r=\"6\" fill=\"none\" stroke=\"#2f6f9f\" stroke-width=\"2.5\"/>");
                else
                    sb.Append($"<circle class=\"dot\" cx=\"{F(x1)}\" cy=\"{F(y)}\" r=\"5\" fill=\"#2f6f9f\"/>");
                if (r.Comparator is Comparator.Above or Comparator.AtLeast)
                    sb.Append($"<path class=\"more\" d=\"M{F(x2 + 8)} {F(y - 6)} L{F(x2 + 18)} {F(y)} L{F(x2 + 8)} {F(y + 6)} Z\" fill=\"#c0612b\"/>");
                else if (r.Comparator is Comparator.Below or Comparator.AtMost)
                    sb.Append($"<path class=\"less\" d=\"M{F(x1 - 8)} {F(y - 6)} L{F(x1 - 18)} {F(y)} L{F(x1 - 8)} {F(y + 6)} Z\" fill=\"#c0612b\"/>");
            }
            sb.Append($"<text class=\"value\" x=\"{LabelWidth + PlotWidth + 8}\" y=\"{F(y + 4)}\" font-size=\"12\" fill=\"#1b2733\">{Html.Escape(Clip(r.ValueText, 26))}</text>");
            sb.Append("</g></a>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>An axis maximum and a step of 1, 2 or 5 × 10^k giving about five ticks.</summary>
    internal static (decimal Max, decimal Step) NiceAxis(decimal max)
    {
        double raw = (double)max / 5;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double[] steps = [1, 2, 2.5, 5, 10];
        double step = steps.Select(s => s * magnitude).First(s => s >= raw);
        var stepM = (decimal)step;
        var top = Math.Ceiling(max / stepM) * stepM;
        return (top, stepM);
    }

    // Vietnamese number style, fixed here rather than taken from the machine's culture data: same bytes everywhere.
    private static readonly NumberFormatInfo Vietnamese = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    /// <summary>"7,5", "7.700", "0,7": how Vietnamese documents print numbers.</summary>
    public static string Number(decimal d) => d.ToString("#,0.##", Vietnamese);

    private static string Clip(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
