using Atlas.Model;

namespace Atlas.Analysis.Targets;

/// <summary>
/// Targets set out as a table, a row per passage ("Chỉ tiêu | Đơn vị | Năm 2025 | Năm 2030", then "Tỷ lệ đô thị hóa | % |
/// 35 | 45": Markdown rows, and Word and OpenDocument rows as ingest writes them). A value is read against its column's
/// head, not against the words around it as in a sentence: its year is the one the head names, its unit the row's unit
/// cell, its indicator the row's label. Read as sentences, such a row gave values without unit and with the section's
/// year instead of the column's.
/// </summary>
internal sealed class TableTargets(IndicatorMatcher matcher)
{
    /// <summary>A table's head: which columns hold which year, and which one the unit.</summary>
    internal sealed record Head(string? SectionId, int Columns, IReadOnlyDictionary<int, int> YearOf, int UnitColumn);

    /// <summary>The head a row is, when a column names a single year ("Năm 2025", "2030", "Đến năm 2030") and none holds a value.</summary>
    public static Head? ReadHead(string? sectionId, string[] cells)
    {
        var years = new Dictionary<int, int>();
        int unit = -1;
        for (int c = 0; c < cells.Length; c++)
        {
            var f = TextFold.Fold(cells[c]).Trim();
            if (f is "don vi" or "don vi tinh" or "dvt" or "dv" or "don vi do") unit = c;
            else if (YearOfHead(f) is int year) years[c] = year;
            else if (f.Any(char.IsAsciiDigit)) return null; // a value ("1 | … đạt 45% | … | 2030"): a row, not a head
        }
        return years.Count > 0 ? new Head(sectionId, cells.Length, years, unit) : null;
    }

    /// <summary>"năm 2025", "2025", "đến năm 2030", "kế hoạch 2025": one year and no other number.</summary>
    private static int? YearOfHead(string f)
    {
        int? year = null;
        foreach (var word in f.Split(' ', '/', '(', ')'))
        {
            if (word.Length == 0 || !char.IsAsciiDigit(word[0])) continue;
            if (year is not null || word.Length != 4 || !int.TryParse(word, out var y) || y is < 2000 or > 2100) return null;
            year = y;
        }
        return year;
    }

    /// <summary>The targets of a row under <paramref name="head"/>: one per year column holding a value.</summary>
    public IEnumerable<Target> Read(Passage passage, string[] cells, Head head, HeadingFacts headings, int? programmeYear)
    {
        if (cells.Length != head.Columns) yield break;
        // The label: the first cell with words that is neither the unit nor a year column ("1 | Tỷ lệ đô thị hóa | % | …").
        int labelColumn = -1;
        for (int c = 0; c < cells.Length && labelColumn < 0; c++)
            if (c != head.UnitColumn && !head.YearOf.ContainsKey(c) && cells[c].Any(char.IsLetter)) labelColumn = c;
        if (labelColumn < 0) yield break;
        var label = cells[labelColumn];
        var mentions = matcher.Find(TextFold.Fold(label));
        var indicatorId = mentions.Count > 0 ? mentions.MaxBy(m => m.End - m.Start)!.IndicatorId : null;
        var unit = head.UnitColumn >= 0 ? cells[head.UnitColumn] : UnitInParentheses(label);
        foreach (var (column, year) in head.YearOf.OrderBy(kv => kv.Key))
        {
            var value = cells[column];
            if (value.Length == 0) continue;
            var f = TextFold.Fold(unit is null ? value : unit.StartsWith('%') ? value + unit : value + " " + unit);
            var q = QuantityScanner.Scan(f).FirstOrDefault();
            if (q is null || indicatorId is null && q.Unit is null) continue;
            bool achievement = headings.ReviewsPast || programmeYear is int py && year < py;
            yield return new Target(passage.Id, indicatorId, q.Comparator, q.Low, q.High, q.Unit, null, year, passage.Text.Trim(), achievement)
            {
                Subject = label,
            };
        }
    }

    /// <summary>"Tỷ lệ đô thị hóa (%)": the unit a label gives in parentheses at its end.</summary>
    private static string? UnitInParentheses(string label)
    {
        var t = label.TrimEnd();
        if (!t.EndsWith(')')) return null;
        int open = t.LastIndexOf('(');
        return open < 0 ? null : t[(open + 1)..^1].Trim() is { Length: > 0 and <= 20 } u ? u : null;
    }
}
