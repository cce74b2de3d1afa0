using System.Globalization;
using System.Text;
using Atlas.Model;

namespace Atlas.Render.Map;

/// <summary>
/// The home page's map: Vietnam's outline, the Hoàng Sa and Trường Sa archipelagos shown and labelled as
/// Vietnamese territory (as every map published in Vietnam must), and one marker per given province at its
/// capital, linking to its province page. Returns an inline SVG string; every label is escaped.
/// Presentation attributes (not style attributes) keep it readable without CSS and within a strict CSP;
/// classes (<c>vn-map-*</c>) let the stylesheet restyle it.
/// </summary>
public sealed class VietnamMap(MapOutline outline)
{
    public const string HoangSaLabel = "Quần đảo Hoàng Sa (Việt Nam)";
    public const string TruongSaLabel = "Quần đảo Trường Sa (Việt Nam)";

    // Sized for a map shown 300–600 px wide (the viewBox is ~580 units): labels stay legible on a phone.
    private const double FontSize = 17;
    private const double MarkerRadius = 6.5;
    // Average advance of a Be Vietnam Pro glyph at FontSize, used only to keep labels from overlapping.
    private const double CharWidth = FontSize * 0.56;

    public static VietnamMap Load(string templatesDir) => new(MapOutline.Load(templatesDir));

    /// <param name="provinces">Provinces to mark (those with a programme); drawn in slug order.</param>
    /// <param name="root">Relative prefix from the page to the site root, e.g. "" or "../".</param>
    /// <param name="title">Accessible title of the map.</param>
    public string Render(IEnumerable<Province> provinces, string root, string title = "Bản đồ Việt Nam: các tỉnh, thành phố có chương trình") =>
        Render(provinces, root, title, null);

    /// <summary>
    /// The map with each marker styled by <paramref name="style"/> (an indicator map): its fill, outline, link and
    /// title. Markers carry <c>data-province</c> so a script can restyle them for another indicator.
    /// </summary>
    public string Render(IEnumerable<Province> provinces, string root, string title, Func<Province, MarkerStyle>? style)
    {
        var p = outline.Projection;
        var sb = new StringBuilder();
        // role="group", not "img": the markers are links, and an image role would hide them from assistive technology.
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"vn-map\" viewBox=\"0 0 {N(p.Width)} {N(p.Height)}\" role=\"group\" aria-label=\"{Escape(title)}\" font-family=\"'Be Vietnam Pro', system-ui, sans-serif\">");
        sb.Append($"<title>{Escape(title)}</title>");
        sb.Append("<rect class=\"vn-map-sea\" x=\"0\" y=\"0\" width=\"").Append(N(p.Width)).Append("\" height=\"").Append(N(p.Height)).Append("\" fill=\"#eef5fb\"/>");
        sb.Append($"<path class=\"vn-map-land\" d=\"{Escape(outline.Outline)}\" fill=\"#f4efe1\" stroke=\"#8a7f68\" stroke-width=\"0.8\" stroke-linejoin=\"round\"/>");

        var markers = provinces.DistinctBy(x => x.Slug).OrderBy(x => x.Slug, StringComparer.Ordinal).ToList();
        var placed = markers.Select(m => p.Project(m.Latitude, m.Longitude))
            .Select(q => new Box(q.X - MarkerRadius, q.Y - MarkerRadius, q.X + MarkerRadius, q.Y + MarkerRadius))
            .ToList();
        foreach (var archipelago in outline.Archipelagos.OrderBy(a => a.Id, StringComparer.Ordinal))
            AppendArchipelago(sb, archipelago, placed);

        // Label the northernmost first so the crowded delta gets what space is left, the same way on every build.
        var order = markers.OrderBy(m => -m.Latitude).ThenBy(m => m.Slug, StringComparer.Ordinal).ToList();
        var labels = order.ToDictionary(m => m.Slug, m => PlaceLabel(m, placed));
        foreach (var province in markers)
        {
            var (x, y) = p.Project(province.Latitude, province.Longitude);
            var label = labels[province.Slug];
            var look = style?.Invoke(province);
            var href = Escape(look?.Href ?? root + "provinces/" + province.Slug + ".html");
            if (look is null)
            {
                sb.Append($"<a class=\"vn-map-marker\" href=\"{href}\" lang=\"vi\">"); // names stay Vietnamese on the English pages
                sb.Append($"<title>{Escape(province.Name)} — {Escape(province.Capital)}</title>");
                sb.Append($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(MarkerRadius)}\" fill=\"#b3261e\" stroke=\"#ffffff\" stroke-width=\"2\"/>");
            }
            else
            {
                sb.Append($"<a class=\"vn-map-marker\" href=\"{href}\" data-province=\"{Escape(province.Slug)}\" lang=\"vi\">");
                sb.Append($"<title>{Escape(look.Title)}</title>");
                sb.Append($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(MarkerRadius + 1)}\" fill=\"{Escape(look.Fill)}\" stroke=\"{Escape(look.Stroke)}\" stroke-width=\"2\"");
                sb.Append(look.Dashed ? " stroke-dasharray=\"3 2\"/>" : "/>");
            }
            if (label is not null)
                sb.Append($"<text x=\"{N(label.X)}\" y=\"{N(label.Y)}\" text-anchor=\"{label.Anchor}\" font-size=\"{N(FontSize)}\" font-weight=\"600\" fill=\"#1f1f1f\" stroke=\"#ffffff\" stroke-width=\"4\" paint-order=\"stroke\">{Escape(province.Name)}</text>");
            sb.Append("</a>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    private void AppendArchipelago(StringBuilder sb, Archipelago archipelago, List<Box> placed)
    {
        if (archipelago.Islands.Count == 0) return;
        var label = archipelago.Id switch
        {
            "hoang-sa" => HoangSaLabel,
            "truong-sa" => TruongSaLabel,
            _ => null,
        };
        var p = outline.Projection;
        var points = archipelago.Islands.Select(i => p.Project(i.Latitude, i.Longitude)).ToList();
        sb.Append($"<g class=\"vn-map-archipelago\" data-archipelago=\"{Escape(archipelago.Id)}\">");
        foreach (var (x, y) in points)
            sb.Append($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"2.2\" fill=\"#8a7f68\"/>");
        if (label is not null)
        {
            // Centred under the islands, kept inside the frame.
            var minY = points.Min(q => q.Y);
            var maxY = points.Max(q => q.Y);
            var cx = points.Average(q => q.X);
            var half = label.Length * CharWidth * 0.92 / 2;
            cx = Math.Clamp(cx, half + 4, p.Width - half - 4);
            var y = maxY + FontSize + 4 > p.Height - 4 ? minY - 6 : maxY + FontSize + 4;
            placed.Add(new Box(cx - half, y - FontSize, cx + half, y + 2));
            sb.Append($"<text x=\"{N(cx)}\" y=\"{N(y)}\" text-anchor=\"middle\" font-size=\"{N(FontSize * 0.92)}\" font-style=\"italic\" fill=\"#4a4337\" lang=\"vi\">{Escape(label)}</text>");
        }
        sb.Append("</g>");
    }

    /// <summary>
    /// Right of the marker if free, else left, else above or below; overlap judged on estimated text boxes. When all
    /// four are taken (many provinces in the Red River or Mekong delta) the marker goes unlabelled: its link title
    /// still names it, and a legible map beats a pile of overlapping names.
    /// </summary>
    private Label? PlaceLabel(Province province, List<Box> placed)
    {
        var (x, y) = outline.Projection.Project(province.Latitude, province.Longitude);
        var width = province.Name.Length * CharWidth;
        var gap = MarkerRadius + 3;
        var baseline = y + FontSize * 0.35;
        var candidates = new[]
        {
            new Label(x + gap, baseline, "start", new Box(x + gap, baseline - FontSize, x + gap + width, baseline + 2)),
            new Label(x - gap, baseline, "end", new Box(x - gap - width, baseline - FontSize, x - gap, baseline + 2)),
            new Label(x, y - gap - 2, "middle", new Box(x - width / 2, y - gap - 2 - FontSize, x + width / 2, y - gap)),
            new Label(x, y + gap + FontSize, "middle", new Box(x - width / 2, y + gap, x + width / 2, y + gap + FontSize + 2)),
        };
        var frame = outline.Projection;
        var choice = candidates.FirstOrDefault(c =>
            c.Box.Left >= 0 && c.Box.Right <= frame.Width && c.Box.Top >= 0 && c.Box.Bottom <= frame.Height &&
            !placed.Any(b => b.Overlaps(c.Box)));
        if (choice is not null) placed.Add(choice.Box);
        return choice;
    }

    /// <summary>How an indicator map draws one province: <paramref name="Dashed"/> outlines mark "no target".</summary>
    public sealed record MarkerStyle(string Href, string Title, string Fill, string Stroke, bool Dashed);

    private sealed record Label(double X, double Y, string Anchor, Box Box);

    private sealed record Box(double Left, double Top, double Right, double Bottom)
    {
        public bool Overlaps(Box o) => Left < o.Right && o.Left < Right && Top < o.Bottom && o.Top < Bottom;
    }

    // "+ 0.0" turns a rounded -0 into 0, so no "-0" appears in the output.
    private static string N(double value) => (Math.Round(value, 1) + 0.0).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ when char.IsControl(c) => " ",
                _ => c.ToString(),
            });
        return sb.ToString();
    }
}
