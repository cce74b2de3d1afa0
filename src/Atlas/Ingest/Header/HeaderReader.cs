using Atlas.Ingest.Text;
using Atlas.Model;

namespace Atlas.Ingest.Header;

/// <summary>A fact read from the document with the text it was read from.</summary>
public sealed record Evidenced(string Value, string Evidence);

/// <summary>What the header block states. Anything it does not state is null.</summary>
public sealed record HeaderFacts(
    Evidenced? Title,
    Evidenced? Province,
    Evidenced? Issuer,
    Evidenced? Number,
    Evidenced? Date,
    Evidenced? Place);

/// <summary>
/// Reads the header: the issuing organ ("TỈNH ỦY TIỀN GIANG"), the motto, "Số 38-CTr/TU", "Tiền Giang, ngày 31 tháng 3 năm 2023"
/// and the title ("CHƯƠNG TRÌNH HÀNH ĐỘNG …" and the lines after it). Converted headers put the two columns of the
/// original table on one line or on separate lines; both read the same because cells are read one by one.
/// </summary>
public static class HeaderReader
{
    private static readonly string[] TitleWords =
        ["chuong-trinh", "ke-hoach", "nghi-quyet", "de-an", "chi-thi", "ket-luan", "quy-dinh", "bao-cao", "huong-dan", "thong-bao", "quyet-dinh"];

    public static HeaderFacts Read(IReadOnlyList<Block> header, IReadOnlyList<SourceLine> lines)
    {
        Evidenced? province = null, issuer = null, number = null, date = null, place = null;
        var titleParts = new List<string>();
        bool inTitle = false;

        foreach (var item in Items(header, lines))
        {
            var folded = Slugs.From(item);
            if (folded.Length == 0) continue;
            if (folded.StartsWith("dang-cong-san-viet-nam", StringComparison.Ordinal) || folded.StartsWith("doc-lap-tu-do", StringComparison.Ordinal)
                || folded.StartsWith("cong-hoa-xa-hoi", StringComparison.Ordinal))
                continue;
            if (number is null && (folded.StartsWith("so-", StringComparison.Ordinal) || folded == "so"))
            {
                var n = DocumentNumber.FindAll(item).Select(m => m.Number).FirstOrDefault();
                if (n is not null) { number = new Evidenced(n, item); continue; }
            }
            if (VietnameseDate.ReadPlaceAndDate(item) is { } pd)
            {
                date ??= new Evidenced(pd.Date, item);
                place ??= new Evidenced(pd.Place, item);
                continue;
            }
            if (!inTitle && Organ(item) is { } organ)
            {
                issuer ??= new Evidenced(organ.Issuer, item);
                if (organ.Province is not null) province ??= new Evidenced(organ.Province, item);
                continue;
            }
            if (!inTitle && StartsTitle(item, folded)) inTitle = true;
            if (inTitle) titleParts.Add(item);
        }

        var title = titleParts.Count > 0 ? string.Join(' ', titleParts) : null;
        // The place of issue names the province when it is one (Thái Bình); a city (Buôn Ma Thuột) does not.
        if (province is null && place is not null && ProvinceNames.Canonical(place.Value) is { } fromPlace)
            province = new Evidenced(fromPlace, place.Evidence);
        return new HeaderFacts(title is null ? null : new Evidenced(title, title), province, issuer, number, date, place);
    }

    private static bool StartsTitle(string item, string folded) =>
        TitleWords.Any(w => folded == w || folded.StartsWith(w + "-", StringComparison.Ordinal))
        && Closing.ClosingReader.IsAllCaps(item.Split(' ', 3) is var w3 && w3.Length >= 2 ? w3[0] + " " + w3[1] : item);

    /// <summary>Header items: the cells of lines laid out as table columns, otherwise the whole (joined) block.</summary>
    private static IEnumerable<string> Items(IReadOnlyList<Block> header, IReadOnlyList<SourceLine> lines)
    {
        foreach (var block in header)
        {
            if (block.IsRule) continue;
            bool tabular = false;
            for (int i = block.FirstLine; i <= block.LastLine; i++) if (lines[i].Cells.Count > 1) tabular = true;
            if (!tabular) { yield return block.Text; continue; }
            for (int i = block.FirstLine; i <= block.LastLine; i++)
                foreach (var cell in lines[i].Cells) yield return cell;
        }
    }

    /// <summary>"TỈNH ỦY TIỀN GIANG" → (Tỉnh ủy, Tiền Giang); "BAN THƯỜNG VỤ TỈNH ỦY" → (Ban Thường vụ Tỉnh ủy, null).</summary>
    public static (string Issuer, string? Province)? Organ(string item)
    {
        var folded = Slugs.From(item);
        foreach (var (prefix, issuer) in IssuerPrefixes)
        {
            if (folded != prefix && !folded.StartsWith(prefix + "-", StringComparison.Ordinal)) continue;
            // Only an organ line: upper case, short.
            if (item.Length > 80 || !Closing.ClosingReader.IsAllCaps(item)) return null;
            var words = item.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var prefixWords = prefix.Split('-').Length;
            var rest = string.Join(' ', words.Skip(prefixWords));
            string? province = rest.Length > 0 ? ProvinceNames.Canonical(rest) ?? TitleCase(rest) : null;
            return (issuer, province);
        }
        return null;
    }

    /// <summary>Issuing organs by their folded form, most specific first.</summary>
    public static readonly (string Folded, string Name)[] IssuerPrefixes =
    [
        ("ban-thuong-vu-tinh-uy", "Ban Thường vụ Tỉnh ủy"),
        ("ban-thuong-vu-thanh-uy", "Ban Thường vụ Thành ủy"),
        ("ban-chap-hanh-dang-bo-tinh", "Ban Chấp hành Đảng bộ tỉnh"),
        ("ban-chap-hanh-dang-bo-thanh-pho", "Ban Chấp hành Đảng bộ thành phố"),
        ("tinh-uy", "Tỉnh ủy"),
        ("thanh-uy", "Thành ủy"),
        ("dang-bo-tinh", "Tỉnh ủy"),
    ];

    /// <summary>"TIỀN GIANG" → "Tiền Giang".</summary>
    public static string TitleCase(string caps) =>
        string.Join(' ', caps.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
