using Atlas.Model;

namespace Atlas.Ingest.Header;

/// <summary>
/// The documents a programme implements, read from its title ("… thực hiện Nghị quyết 29-NQ/TW …") and from the opening
/// clause of its preamble ("Thực hiện Nghị quyết 29-NQ/TW ngày 17/11/2022 …; Kế hoạch 13-KH/TW …, Ban Chấp hành Đảng bộ tỉnh
/// xây dựng…") — not from every document the body cites. Numbered documents win; a named one without number
/// ("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI") is kept only when no number is given.
/// </summary>
public static class ImplementsReader
{
    private static IReadOnlyList<string> Kinds => DocumentKinds.All;

    private static readonly string[] PreambleOpenings =
        ["thuc-hien", "nham-trien-khai", "nham-thuc-hien", "trien-khai", "de-trien-khai", "de-thuc-hien", "can-cu", "quan-triet"];

    /// <summary>Words that introduce what a programme implements, in its title.</summary>
    private static readonly string[] ImplementingVerbs = ["thực hiện", "triển khai", "quán triệt"];

    /// <param name="ownNumber">The programme's own number: a title may repeat it ("KẾ HOẠCH số 12-KH/TU về …"), and a
    /// programme does not implement itself.</param>
    /// <param name="evidence">The clause the documents were read from, the preamble's when both name them (null when none was found).</param>
    public static IReadOnlyList<ImplementedDocument> Read(string? title, string? preamble, string? ownNumber, out string? evidence)
    {
        // (clause, whether a document named there without a number counts): a title without "thực hiện" names the
        // programme itself ("CHƯƠNG TRÌNH HÀNH ĐỘNG về phát triển công nghiệp"), so its own kind word is no implemented
        // document — though a numbered document it is about still is ("… về Nghị quyết số 29-NQ/TW").
        var clauses = new List<(string Text, bool MayName)>();
        if (title is not null)
        {
            int at = ImplementingVerbs.Select(v => IndexOfIgnoreCase(title, v)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
            clauses.Add(at >= 0 ? (title[at..], true) : (title, false));
        }
        var opening = preamble is null ? null : OpeningClause(preamble);
        if (opening is not null) clauses.Add((opening, true));

        var numbered = new List<ImplementedDocument>();
        evidence = null;
        foreach (var (clause, _) in clauses)
        {
            foreach (var (number, start, end) in DocumentNumber.FindAll(clause))
            {
                if (number == ownNumber) continue;
                evidence = clause; // the preamble's clause, when it names them too: the fuller statement
                var date = DateAfter(clause, end);
                int existing = numbered.FindIndex(d => d.Number == number);
                if (existing >= 0)
                {
                    if (numbered[existing].Date is null && date is not null) numbered[existing] = numbered[existing] with { Date = date };
                    continue;
                }
                numbered.Add(new ImplementedDocument(number, date, Label(clause, start, end)));
            }
        }
        if (numbered.Count > 0) return numbered;

        foreach (var (clause, mayName) in clauses.AsEnumerable().Reverse())
        {
            var named = mayName ? NamedDocument(clause) : null;
            if (named is null) continue;
            evidence = clause;
            return [new ImplementedDocument(null, null, named)];
        }
        return [];
    }

    /// <summary>The preamble's "Thực hiện …" clause, up to where the issuer becomes the subject (", Ban Thường vụ Tỉnh ủy xây dựng…").</summary>
    public static string? OpeningClause(string preamble)
    {
        var folded = Slugs.From(preamble.Length > 40 ? preamble[..40] : preamble);
        if (!PreambleOpenings.Any(o => folded.StartsWith(o, StringComparison.Ordinal))) return null;
        for (int i = preamble.IndexOf(','); i >= 0 && i < preamble.Length; i = preamble.IndexOf(',', i + 1))
        {
            var after = Slugs.From(preamble.Substring(i + 1, Math.Min(40, preamble.Length - i - 1)));
            if (HeaderReader.IssuerPrefixes.Any(p => after.StartsWith(p.Folded + "-", StringComparison.Ordinal))) return preamble[..i];
        }
        int stop = preamble.IndexOfAny(['.', ':']);
        return stop > 0 ? preamble[..stop] : preamble;
    }

    private static string? DateAfter(string text, int end)
    {
        int i = end;
        while (i < text.Length && text[i] is ' ' or ',') i++;
        if (i >= text.Length) return null;
        return VietnameseDate.ReadAt(text, i, out _);
    }

    /// <summary>The kind word just before the number and the number: "Nghị quyết số 29-NQ/TW".</summary>
    private static string Label(string text, int start, int end)
    {
        int from = Math.Max(0, start - 40);
        var before = text[from..start];
        foreach (var kind in Kinds)
        {
            int at = before.LastIndexOf(kind, StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            var between = before[(at + kind.Length)..].Trim();
            if (between.Length == 0 || between.Equals("số", StringComparison.OrdinalIgnoreCase))
            {
                var label = text[(from + at)..end];
                return char.ToUpperInvariant(label[0]) + label[1..];
            }
        }
        return text[start..end];
    }

    /// <summary>"Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI, nhiệm kỳ …" → "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI".</summary>
    private static string? NamedDocument(string clause)
    {
        foreach (var kind in Kinds)
        {
            int at = IndexOfIgnoreCase(clause, kind);
            if (at < 0) continue;
            int end = clause.Length;
            foreach (var stop in new[] { ",", ";", "(", " về ", " của ", ":" })
            {
                int s = clause.IndexOf(stop, at, StringComparison.Ordinal);
                if (s > at && s < end) end = s;
            }
            var label = clause[at..end].Trim();
            if (label.Length <= kind.Length) continue;
            return char.ToUpperInvariant(label[0]) + label[1..];
        }
        return null;
    }

    private static int IndexOfIgnoreCase(string text, string word) =>
        System.Globalization.CultureInfo.InvariantCulture.CompareInfo.IndexOf(text, word, System.Globalization.CompareOptions.IgnoreCase);
}
