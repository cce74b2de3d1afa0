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
    Evidenced? Place)
{
    /// <summary>A name the organ line gives where a province belongs ("TỈNH ỦY SÔNG BÉ") that is no province or city of
    /// the registry: reported, never taken as the province.</summary>
    public Evidenced? UnknownProvince { get; init; }
}

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
        Evidenced? province = null, issuer = null, number = null, date = null, place = null, unknownProvince = null;
        var titleParts = new List<string>();
        bool inTitle = false;

        string? organHead = null;
        foreach (var cell in Items(header, lines))
        {
            // "ỦY BAN NHÂN DÂN" is printed above "TỈNH BẮC NINH": the two lines name one organ.
            var raw = organHead is null ? cell : organHead + " " + cell;
            organHead = null;
            if (!inTitle && Slugs.From(raw) is "uy-ban-nhan-dan" or "hoi-dong-nhan-dan" && Closing.ClosingReader.IsAllCaps(raw))
            {
                organHead = raw;
                continue;
            }
            var item = StripMottos(raw);
            if (number is null && NumberAfterSo(item) is { } found)
            {
                number = new Evidenced(found.Number, item);
                item = (item[..found.Start] + " " + item[found.End..]).Trim();
            }
            if (PlaceAndDate(item) is { } pd)
            {
                date ??= new Evidenced(pd.Date, item);
                place ??= new Evidenced(pd.Place, item);
                item = item[..pd.Start].Trim();
            }
            var folded = Slugs.From(item);
            if (folded.Length == 0) continue;
            if (!inTitle && Organ(item) is { } organ)
            {
                // "ĐẢNG BỘ TỈNH BẮC NINH" above "BAN THƯỜNG VỤ TỈNH ỦY": the second line names which body of it issues.
                if (issuer is null || organ.Issuer.Length > issuer.Value.Length && organ.Issuer.EndsWith(issuer.Value, StringComparison.Ordinal))
                    issuer = new Evidenced(organ.Issuer, raw);
                if (organ.Province is not null) province ??= new Evidenced(organ.Province, raw);
                else if (organ.Named is not null) unknownProvince ??= new Evidenced(organ.Named, raw);
                continue;
            }
            if (!inTitle && OpensTitle(item, folded)) inTitle = true;
            if (inTitle) titleParts.Add(item);
        }

        var title = titleParts.Count > 0 ? string.Join(' ', titleParts) : null;
        // The place of issue names the province when it is one (Thái Bình); a city (Buôn Ma Thuột) does not.
        if (province is null && place is not null && ProvinceNames.Canonical(place.Value) is { } fromPlace)
            province = new Evidenced(fromPlace, place.Evidence);
        return new HeaderFacts(title is null ? null : new Evidenced(title, title), province, issuer, number, date, place)
        {
            UnknownProvince = province is null ? unknownProvince : null,
        };
    }

    /// <summary>Whether a header item opens the title: a document kind in capitals ("CHƯƠNG TRÌNH HÀNH ĐỘNG", "KẾ HOẠCH").</summary>
    public static bool OpensTitle(string item) => OpensTitle(item, Slugs.From(item));

    private static bool OpensTitle(string item, string folded) =>
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

    /// <summary>"TỈNH ỦY TIỀN GIANG" → (Tỉnh ủy, Tiền Giang); "BAN THƯỜNG VỤ TỈNH ỦY" → (Ban Thường vụ Tỉnh ủy, null);
    /// "TỈNH ỦY BÀ RỊA - VŨNG TÀU" → (Tỉnh ủy, Bà Rịa - Vũng Tàu). A name that is no province of the registry
    /// ("TỈNH ỦY SÔNG BÉ") gives no province, only <c>Named</c>, so the caller reports it instead of guessing.</summary>
    public static (string Issuer, string? Province, string? Named)? Organ(string item)
    {
        if (item.Length > 120) return null;
        var words = item.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !Closing.ClosingReader.IsAllCaps(words[0])) return null;
        var folded = Slugs.From(item);
        foreach (var (prefix, issuer) in IssuerPrefixes)
        {
            if (folded != prefix && !folded.StartsWith(prefix + "-", StringComparison.Ordinal)) continue;
            var prefixWords = prefix.Split('-').Length;
            if (words.Length < prefixWords || !words.Take(prefixWords).All(Closing.ClosingReader.IsAllCaps)) return null;
            // The province is the upper-case words after the organ, up to anything else ("Số 38-CTr/TU", "*").
            // A lone dash joins the two halves of a name ("BÀ RỊA - VŨNG TÀU"); a trailing one belongs to nothing. "TP." abbreviates the kind.
            var name = words.Skip(prefixWords)
                .TakeWhile(w => (Closing.ClosingReader.IsAllCaps(w) && w.TrimEnd('.').All(c => char.IsLetter(c) || c == '-')) || w is "-" or "–")
                .ToList();
            while (name.Count > 0 && name[^1] is "-" or "–") name.RemoveAt(name.Count - 1);
            if (name.Count == 0) return (issuer, null, null);
            // The longest run of words that names a province ("TIỀN GIANG" in "TIỀN GIANG SỐ 38…" flattened on one line).
            for (int n = name.Count; n > 0; n--)
                if (ProvinceNames.Canonical(string.Join(' ', name.Take(n))) is { } province) return (issuer, province, null);
            return (issuer, null, TitleCase(string.Join(' ', name)));
        }
        return null;
    }

    private static readonly string[] Mottos = ["ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"];

    /// <summary>The party and state mottos of the header carry nothing about this programme; a flattened header line still holds them.</summary>
    private static string StripMottos(string item)
    {
        foreach (var motto in Mottos)
        {
            int at = item.IndexOf(motto, StringComparison.OrdinalIgnoreCase);
            if (at >= 0) item = (item[..at] + " " + item[(at + motto.Length)..]).Trim();
        }
        return item.Trim(' ', '*', '-', '_');
    }

    /// <summary>"Số 38-CTr/TU", "Số: 13- KH/TW", "SỐ 38-CTr/TU" anywhere in the item.</summary>
    private static (string Number, int Start, int End)? NumberAfterSo(string item)
    {
        for (int at = item.IndexOf("Số", StringComparison.OrdinalIgnoreCase); at >= 0; at = item.IndexOf("Số", at + 2, StringComparison.OrdinalIgnoreCase))
        {
            if (at > 0 && char.IsLetter(item[at - 1])) continue;
            // "Số …" opens the item or follows the organ's name ("TỈNH ỦY TIỀN GIANG Số 38-CTr/TU"); "Nghị quyết số 29-NQ/TW" in a title is a citation.
            if (item[at] != 'S') continue;
            var before = item[..at].TrimEnd();
            if (before.Length > 0 && !Closing.ClosingReader.IsAllCaps(before[(before.LastIndexOf(' ') + 1)..])) continue;
            int i = at + 2;
            if (i < item.Length && char.IsLetter(item[i])) continue;
            while (i < item.Length && item[i] is ' ' or ':' or '.') i++;
            var number = DocumentNumber.ReadAt(item, i, out var end);
            if (number is not null) return (number, at, end);
        }
        return null;
    }

    /// <summary>"Tiền Giang, ngày 31 tháng 3 năm 2023" anywhere in the item: the place is the capitalised words before the comma.</summary>
    private static (string Place, string Date, int Start)? PlaceAndDate(string item)
    {
        for (int comma = item.IndexOf(','); comma > 0; comma = item.IndexOf(',', comma + 1))
        {
            int i = comma + 1;
            while (i < item.Length && item[i] == ' ') i++;
            if (!item.AsSpan(i).StartsWith("ngày", StringComparison.OrdinalIgnoreCase)) continue;
            var date = VietnameseDate.ReadAt(item, i, out _);
            if (date is null) continue;
            var words = item[..comma].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var place = new List<string>();
            for (int w = words.Length - 1; w >= 0 && place.Count < 5; w--)
            {
                var word = words[w];
                // A lone dash joins the two halves of a name ("Bà Rịa - Vũng Tàu").
                bool joins = word is "-" or "–" && place.Count > 0 && w > 0 && IsCapitalised(words[w - 1]);
                if (!joins && !IsCapitalised(word)) break;
                place.Insert(0, word);
            }
            if (place.Count == 0) continue;
            var text = string.Join(' ', place);
            return (text, date, item.LastIndexOf(text, comma, StringComparison.Ordinal));
        }
        return null;
    }

    private static bool IsCapitalised(string word) => char.IsUpper(word[0]) && word.Skip(1).All(char.IsLower);

    /// <summary>Issuing organs by their folded form, most specific first.</summary>
    public static readonly (string Folded, string Name)[] IssuerPrefixes =
    [
        ("ban-thuong-vu-tinh-uy", "Ban Thường vụ Tỉnh ủy"),
        ("ban-thuong-vu-thanh-uy", "Ban Thường vụ Thành ủy"),
        ("ban-chap-hanh-dang-bo-tinh", "Ban Chấp hành Đảng bộ tỉnh"),
        ("ban-chap-hanh-dang-bo-thanh-pho", "Ban Chấp hành Đảng bộ thành phố"),
        // Provincial People's Committees and Councils issue the plans that carry a Party programme out.
        ("uy-ban-nhan-dan-tinh", "Ủy ban nhân dân tỉnh"),
        ("uy-ban-nhan-dan-thanh-pho", "Ủy ban nhân dân thành phố"),
        ("ubnd-tinh", "Ủy ban nhân dân tỉnh"),
        ("ubnd-thanh-pho", "Ủy ban nhân dân thành phố"),
        ("hoi-dong-nhan-dan-tinh", "Hội đồng nhân dân tỉnh"),
        ("hoi-dong-nhan-dan-thanh-pho", "Hội đồng nhân dân thành phố"),
        ("tinh-uy", "Tỉnh ủy"),
        ("thanh-uy", "Thành ủy"),
        ("dang-bo-tinh", "Tỉnh ủy"),
        // "T/M BAN THƯỜNG VỤ" in a provincial programme's signature.
        ("ban-thuong-vu", "Ban Thường vụ Tỉnh ủy"),
    ];

    /// <summary>"TIỀN GIANG" → "Tiền Giang".</summary>
    public static string TitleCase(string caps) =>
        string.Join(' ', caps.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
