using Atlas.Model;

namespace Atlas.Analysis.Targets;

/// <summary>
/// Extracts every quantitative target of a programme (and the past achievements it quotes, flagged apart):
/// each value with its indicator (content/indicators.yml), comparator, range, unit, period or year, the verbatim
/// sentence and the passage id. Several values in one sentence give several targets. An indicator named with no
/// number but a comparison ("ngang bằng với bình quân của cả nước") gives a qualitative target.
/// What the text does not say stays null: a value with no indicator is kept only where the section sets targets,
/// with the words before it as its subject.
/// </summary>
public sealed class TargetExtractor
{
    private readonly IndicatorMatcher matcher;
    private readonly HashSet<string> indicatorIds;
    /// <summary>What the patterns find in a passage's text, by its text (null: no number, no comparison): programmes copy whole
    /// passages from the resolutions they implement and from each other, and a text copied word for word holds the same
    /// quantities, times and indicator mentions wherever it stands (what they mean there depends on its headings, read per
    /// passage). Filled as programmes are read (thread-safe); a pure function of the text, so the output does not depend on the order.</summary>
    private readonly TextMemo<TextFacts?> factsByText = new();

    /// <param name="Text">The passage's text in NFC (ingest gives NFC; normalising again keeps folding one char per char on any other input).</param>
    /// <param name="Folded">The text folded (<see cref="TextFold"/>).</param>
    private sealed record TextFacts(string Text, string Folded, List<Quantity> Quantities, List<TimeMention> Times, IReadOnlyList<IndicatorMention> Mentions);

    public TargetExtractor(IReadOnlyList<Indicator> indicators)
    {
        matcher = new IndicatorMatcher(indicators);
        indicatorIds = indicators.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<Target> Extract(Programme programme)
    {
        var context = new SectionContext(programme.Sections);
        int? programmeYear = programme.Metadata.Date is { Length: >= 4 } d && int.TryParse(d.AsSpan(0, 4), out var y) ? y : null;
        var targets = new List<Target>();
        var scratch = new char[256];
        var tables = new TableTargets(matcher);
        TableTargets.Head? head = null; // the head of the table the last passages were rows of
        foreach (var passage in programme.Passages)
        {
            if (TableRow.Cells(passage.Text) is { } cells)
            {
                if (TableTargets.ReadHead(passage.SectionId, cells) is { } newHead) { head = newHead; continue; }
                if (head is not null && head.SectionId == passage.SectionId && cells.Length == head.Columns)
                {
                    targets.AddRange(tables.Read(passage, cells, head, context.For(passage.SectionId), programmeYear));
                    continue;
                }
            }
            else head = null;
            if (!factsByText.TryGet(passage.Text, out var facts))
            {
                facts = Read(passage.Text, ref scratch);
                factsByText.Remember(passage.Text, facts);
            }
            if (facts is not null) targets.AddRange(Extract(passage, facts, context.For(passage.SectionId), programmeYear));
        }
        return targets;
    }

    /// <summary>What the patterns find in a passage's text, or null when it holds no number and no comparison.</summary>
    private TextFacts? Read(string passageText, ref char[] scratch)
    {
        // Most passages (tasks) hold no number and no comparison: they are told apart on a folded copy in a scratch
        // buffer, and only the others get a folded string and the pattern matching.
        var text = Nfc.Of(passageText);
        if (text.Length == 0) return null;
        if (scratch.Length < text.Length) scratch = new char[Math.Max(text.Length, scratch.Length * 2)];
        TextFold.Fold(text, scratch);
        if (text.AsSpan().IndexOfAnyInRange('0', '9') < 0 && !IsQualitative(scratch.AsSpan(0, text.Length))) return null;
        var f = new string(scratch, 0, text.Length);
        var skipped = SkippedParentheses(f);
        var quantities = OutsideSkipped(QuantityScanner.Scan(f), skipped);
        var times = TimeScanner.Scan(f).Where(t => !t.IsBase).ToList();
        return new TextFacts(text, f, quantities, times, matcher.Find(f));
    }

    /// <summary>Targets of one passage, given what its headings say (time, whether it sets targets or reviews the past).</summary>
    private IEnumerable<Target> Extract(Passage passage, TextFacts facts, HeadingFacts headings, int? programmeYear)
    {
        var (text, f, allQuantities, allTimes, allMentions) = (facts.Text, facts.Folded, facts.Quantities, facts.Times, facts.Mentions);
        int nextMention = 0, nextQuantity = 0, nextTime = 0;
        foreach (var (sStart, sEnd) in Sentences(f))
        {
            // Each value is read against its own sentence's facts (sentences are bounded, see MaxSentence): a passage of
            // any length costs its length times a sentence's, never its length squared. Earlier sentences are looked back
            // at only through the passage's mentions, by binary search.
            var mentions = InSentence(allMentions, ref nextMention, m => m.Start, sStart, sEnd);
            var quantities = InSentence(allQuantities, ref nextQuantity, q => q.NumberStart, sStart, sEnd);
            var times = InSentence(allTimes, ref nextTime, t => t.Start, sStart, sEnd);
            var verbatim = text[sStart..sEnd].Trim();
            var usedMentions = new HashSet<IndicatorMention>();
            foreach (var (cStart, cEnd) in Clauses(f, sStart, sEnd))
            {
                foreach (var q in quantities)
                {
                    if (q.NumberStart < cStart || q.NumberStart >= cEnd) continue;

                    var mention = mentions.LastOrDefault(m => m.Start >= cStart && m.End <= q.NumberStart);
                    if (mention is not null && StartsNewSubject(f, mention.End, q.Start)) mention = null;
                    // "…đến năm 2025 đạt khoảng 40-42%; đến năm 2030 khoảng 45 - 47%", "Tính chung 10 năm tăng bình quân 10,3%/năm":
                    // a clause with no wording of its own continues the indicator named before it in the passage.
                    if (mention is null && !mentions.Any(m => m.Start >= cStart && m.End <= q.NumberStart) && OnlyConnectors(f, cStart, q.Start))
                        mention = LastEndingBy(allMentions, cStart);
                    // "gấp 1,8 lần năm 2025": the year after a multiple is its base, not its time.
                    var time = TimeFor(f, q.End, q.NumberStart, sStart, cStart, cEnd, times, yearAfterIsBase: q.Unit == "lần")
                        ?? headings.Time;
                    bool achievement = headings.ReviewsPast
                        || programmeYear is int py && time is not null && time.LastYear < py
                        || SaysDone(text, f, mention?.Start ?? cStart, q.Start);

                    string? indicatorId = mention?.IndicatorId ?? ShareInList(f, cStart, q.Start, allMentions);
                    if (indicatorId is null && (achievement || !headings.SetsTargets && !SaysAimFor(f, cStart, cEnd) || q.Unit is null)) continue;
                    if (indicatorId is not null && q.Unit is { } u && u.StartsWith('%') && SaysIncrease(text, mention?.End ?? cStart, q.Start)
                        && indicatorIds.Contains(indicatorId + "-growth"))
                        indicatorId += "-growth";
                    if (mention is not null) usedMentions.Add(mention);

                    var subject = mention is not null
                        ? text[mention.Start..mention.End]
                        : SubjectBefore(text, f, cStart, q.Start);
                    yield return new Target(passage.Id, indicatorId, q.Comparator, q.Low, q.High, q.Unit,
                        time?.Period, time?.Year, verbatim, achievement) { Subject = subject };
                }

                // Indicators named with a comparison instead of a number.
                var clauseMentions = mentions.Where(m => m.Start >= cStart && m.End <= cEnd).ToList();
                for (int k = 0; k < clauseMentions.Count; k++)
                {
                    var m = clauseMentions[k];
                    if (usedMentions.Contains(m) || k > 0 && clauseMentions[k - 1].IndicatorId == m.IndicatorId) continue;
                    int until = clauseMentions.Skip(k + 1).FirstOrDefault(n => n.IndicatorId != m.IndicatorId)?.Start ?? cEnd;
                    if (quantities.Any(q => q.NumberStart >= m.End && q.NumberStart < until)) continue;
                    if (!IsQualitative(f, m.End, until)) continue;
                    var time = TimeFor(f, m.End, m.End, sStart, cStart, cEnd, times) ?? headings.Time;
                    bool achievement = headings.ReviewsPast || programmeYear is int py && time is not null && time.LastYear < py;
                    yield return new Target(passage.Id, m.IndicatorId, Comparator.Qualitative, null, null, null,
                        time?.Period, time?.Year, verbatim, achievement) { Subject = text[m.Start..m.End] };
                }
            }
        }
    }

    /// <summary>
    /// "Tỷ trọng công nghiệp - xây dựng trong GRDP chiếm khoảng 53%; dịch vụ 36%; nông, lâm nghiệp và thủy sản 5%": a clause
    /// that names only a sector, after a clause about a share, is that sector's share — read as "tỷ trọng" + the sector's
    /// words and matched against the registry like any other mention.
    /// </summary>
    private string? ShareInList(string f, int cStart, int valueStart, IReadOnlyList<IndicatorMention> mentions)
    {
        if (LastEndingBy(mentions, cStart) is not { } before || !before.IndicatorId.EndsWith("-share", StringComparison.Ordinal)) return null;
        var words = f[cStart..valueStart].Trim(' ', ',', ':', '-');
        foreach (var connector in new[] { " dat", " chiem", " khoang", " la" })
            if (words.EndsWith(connector, StringComparison.Ordinal)) words = words[..^connector.Length].TrimEnd();
        if (words.Length is 0 or > 60 || words.Any(char.IsDigit)) return null;
        var phrase = "ty trong " + words;
        var found = matcher.Find(phrase);
        return found.Count == 1 && found[0].Start == 0 && found[0].End == phrase.Length && found[0].IndicatorId.EndsWith("-share", StringComparison.Ordinal)
            ? found[0].IndicatorId : null;
    }

    private static readonly string[] QualitativePhrases =
    [
        "tuong duong", "ngang bang", "bang muc", "bang binh quan", "bang trung binh", "cao hon muc", "cao hon binh quan",
        "cao hon trung binh", "thuoc nhom", "nam trong nhom", "vao nhom", "dung dau", "dan dau", "cao nhat", "thap nhat",
    ];

    /// <summary>All the phrases at once: one vectorised pass over a passage instead of one search per phrase.</summary>
    private static readonly System.Buffers.SearchValues<string> AnyQualitativePhrase =
        System.Buffers.SearchValues.Create(QualitativePhrases, StringComparison.Ordinal);

    private static bool IsQualitative(string f, int from, int to) => IsQualitative(f.AsSpan(from, to - from));

    private static bool IsQualitative(ReadOnlySpan<char> folded) => folded.IndexOfAny(AnyQualitativePhrase) >= 0;

    /// <summary>
    /// The time of a value: a year or period right after it ("85%/năm 2025", "dưới 15% vào năm 2030",
    /// "8,25% giai đoạn 2021 - 2030"); else the nearest before it — a period only within its clause
    /// (periods belong to rates), a year within its sentence ("Đến năm 2025: … ; …").
    /// </summary>
    private static TimeMention? TimeFor(string f, int valueEnd, int valueStart, int sStart, int cStart, int cEnd, List<TimeMention> times,
        bool yearAfterIsBase = false)
    {
        foreach (var t in times)
        {
            if (t.Start < valueEnd || t.Start >= cEnd) continue;
            if (yearAfterIsBase && t.Period is null && QuantityScanner.StartsWord(f, t.Start, "nam")) break;
            if (OnlyFiller(f, valueEnd, t.Start)) return t;
            break;
        }
        TimeMention? best = null;
        foreach (var t in times)
        {
            if (t.End > valueStart) break;
            if (t.Start < sStart) continue;
            if (t.Period is not null && t.Start < cStart) continue;
            best = t;
        }
        return best;
    }

    private static readonly HashSet<string> Fillers = ["vao", "ca", "trong", "cua", "den", "o", "tai", "cho", "nam", "cuoi", "het"];

    private static bool OnlyFiller(string f, int from, int to)
    {
        if (f.AsSpan(from, to - from).IndexOfAny(",;:(") >= 0) return false;
        return EveryWord(f, from, to, static word => word is "/" || FillerWords.Contains(word));
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FillerWords = Fillers.GetAlternateLookup<ReadOnlySpan<char>>();

    // Words that may stand between an indicator and its value after a comma without naming a new subject:
    // "…đến năm 2025 đạt 32%, đến năm 2030 đạt 37%", "…là 7,3%, giai đoạn 2026 - 2030 là 10,2%".
    private static readonly HashSet<string> Connectors =
    [
        "dat", "la", "tang", "giam", "con", "xuong", "len", "khoang", "tren", "duoi", "tu", "muc", "binh", "quan", "toc", "do",
        "nam", "giai", "doan", "thoi", "ky", "den", "vao", "va", "hoac", "gap", "o", "phan", "dau", "trong", "ca", "hang",
        "moi", "chi", "chiem", "tuong", "duong", "bang", "lan", "sau", "dau", "tiep", "theo", "nhung", "nua", "thi", "het",
        "toi", "thieu", "da", "it", "nhat", "duy", "tri", "truong", "/", "-", "(", ")", ":", "tong", "cong", "tinh", "chung",
    ];

    /// <summary>After a comma, does new wording (not just a time and a verb) stand between the indicator and the value?</summary>
    private static bool StartsNewSubject(string f, int mentionEnd, int valueStart)
    {
        if (valueStart <= mentionEnd) return false;
        int comma = f.LastIndexOf(',', valueStart - 1, valueStart - mentionEnd);
        return comma >= mentionEnd && !OnlyConnectors(f, comma + 1, valueStart);
    }

    private static bool OnlyConnectors(string f, int from, int to) =>
        EveryWord(f, from, to, static word => ConnectorWords.Contains(word) || AllDigits(word));

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ConnectorWords = Connectors.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool AllDigits(ReadOnlySpan<char> word)
    {
        foreach (var c in word) if (!char.IsDigit(c)) return false;
        return true;
    }

    private delegate bool WordTest(ReadOnlySpan<char> word);

    /// <summary>
    /// True when every word of <c>f[from..to)</c> passes <paramref name="test"/>: runs of letters and digits, and '/', '('
    /// and ')' as words of their own. Words are read in place (values are weighed against the words before them, many
    /// times per long clause).
    /// </summary>
    private static bool EveryWord(string f, int from, int to, WordTest test)
    {
        int i = from;
        while (i < to)
        {
            if (char.IsLetterOrDigit(f[i]))
            {
                int s = i;
                while (i < to && char.IsLetterOrDigit(f[i])) i++;
                if (!test(f.AsSpan(s, i - s))) return false;
            }
            else
            {
                if (f[i] is '/' or '(' or ')' && !test(f.AsSpan(i, 1))) return false;
                i++;
            }
        }
        return true;
    }

    /// <summary>"đã" (already) before the value: read on the original text, as folded "da" is also "đa" ("đa chiều", "đa dạng").</summary>
    private static bool SaysDone(string text, string f, int from, int to) =>
        from < to && (ContainsOriginalWord(text, from, to, "đã") || ContainsWord(f, from, to, "dat duoc"));

    private static bool ContainsOriginalWord(string text, int from, int to, string word)
    {
        var span = text.AsSpan(from, to - from);
        int at = 0;
        while (true)
        {
            int k = span[at..].IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (k < 0) return false;
            int s = at + k, e = s + word.Length;
            if ((s == 0 || !char.IsLetter(span[s - 1])) && (e >= span.Length || !char.IsLetter(span[e]))) return true;
            at = e;
        }
    }

    private static bool SaysAimFor(string f, int from, int to) =>
        ContainsWord(f, from, to, "phan dau") || ContainsWord(f, from, to, "muc tieu") || ContainsWord(f, from, to, "chi tieu");

    /// <summary>"tăng" (increase) between the indicator and the value, read on the original text: folded "tang" is also "tầng".</summary>
    private static bool SaysIncrease(string text, int from, int to)
    {
        if (to <= from) return false;
        var span = text.AsSpan(from, to - from);
        int at = 0;
        while (true)
        {
            int k = span[at..].IndexOf("tăng", StringComparison.OrdinalIgnoreCase);
            if (k < 0) return false;
            int s = at + k, e = s + 4;
            if ((s == 0 || !char.IsLetter(span[s - 1])) && (e >= span.Length || !char.IsLetter(span[e]))) return true;
            at = e;
        }
    }

    private static bool ContainsWord(string f, int from, int to, string words)
    {
        if (to <= from) return false;
        int at = from;
        while (at < to)
        {
            int k = f.IndexOf(words, at, to - at, StringComparison.Ordinal);
            if (k < 0) return false;
            if ((k == 0 || !char.IsLetterOrDigit(f[k - 1])) && (k + words.Length >= f.Length || !char.IsLetterOrDigit(f[k + words.Length]))) return true;
            at = k + 1;
        }
        return false;
    }

    private static string? SubjectBefore(string text, string f, int cStart, int valueStart)
    {
        int s = cStart;
        for (int i = valueStart - 1; i >= cStart; i--)
            if (f[i] is ',' or ':' or '(' or ';') { s = i + 1; break; }
        var subject = text[s..valueStart].Trim().TrimEnd('(', ':', '-').Trim();
        return subject.Length == 0 ? null : subject.Length > 160 ? subject[..160] + "…" : subject;
    }

    /// <summary>Parenthesised text whose numbers are glosses or comparisons ("tương đương 3.600 USD", "ĐBSCL là 6,5% - 7%"),
    /// not targets; parentheses opening with a time or "trong đó" carry targets and are read.</summary>
    private static List<(int Start, int End)> SkippedParentheses(string f)
    {
        var skipped = new List<(int, int)>();
        int depth = 0, open = -1;
        for (int i = 0; i < f.Length; i++)
        {
            if (f[i] == '(') { if (depth++ == 0) open = i; }
            else if (f[i] == ')' && depth > 0 && --depth == 0)
            {
                var inner = f.AsSpan(open + 1, i - open - 1).TrimStart();
                bool keep = inner.StartsWith("giai doan") || inner.StartsWith("thoi ky") || inner.StartsWith("nam ")
                    || inner.StartsWith("den nam") || inner.StartsWith("trong do") || inner.StartsWith("rieng");
                if (!keep) skipped.Add((open, i));
            }
        }
        if (depth > 0 && open >= 0) skipped.Add((open, f.Length)); // unclosed: treat the rest as the gloss
        return skipped;
    }

    /// <summary>
    /// Longest stretch read as one sentence. Real sentences stay far below it (the seeds' longest is about 1,300
    /// characters); a longer one (a table flattened into a line, a hostile file) is read in pieces cut after a
    /// semicolon, a comma or at a space, so that no value is weighed against megabytes of text around it.
    /// </summary>
    internal const int MaxSentence = 2_000;

    internal static IEnumerable<(int Start, int End)> Sentences(string f)
    {
        int start = 0;
        for (int i = 0; i < f.Length; i++)
        {
            if (f[i] is not ('.' or '!' or '?' or '…')) continue;
            if (i + 1 < f.Length && f[i + 1] != ' ') continue; // "7.700", "1.2", "..."
            if (f[i] == '.' && i > 0 && f[i - 1] == '.') continue;
            if (i + 1 - start > 1) foreach (var piece in Bounded(f, start, i + 1)) yield return piece;
            start = i + 1;
        }
        if (f.Length - start > 0 && f.AsSpan(start).Trim().Length > 0) foreach (var piece in Bounded(f, start, f.Length)) yield return piece;
    }

    /// <summary>A sentence cut into pieces of at most <see cref="MaxSentence"/> characters (itself when it is shorter).</summary>
    private static IEnumerable<(int Start, int End)> Bounded(string f, int start, int end)
    {
        while (end - start > MaxSentence)
        {
            // A separator followed by a space: "7,5%" keeps its decimal comma.
            var window = f.AsSpan(start + MaxSentence / 2, MaxSentence / 2);
            int cut = window.LastIndexOf("; ");
            if (cut < 0) cut = window.LastIndexOf(", ");
            if (cut < 0) cut = window.LastIndexOf(' ');
            cut = cut < 0 ? start + MaxSentence : start + MaxSentence / 2 + cut + 1;
            yield return (start, cut);
            start = cut;
        }
        yield return (start, end);
    }

    /// <summary>The items of <paramref name="all"/> (in text order) that start in [start, end); <paramref name="next"/>
    /// carries on from the previous sentence's end, so all sentences together walk the list once.</summary>
    private static List<T> InSentence<T>(IReadOnlyList<T> all, ref int next, Func<T, int> position, int start, int end)
    {
        while (next < all.Count && position(all[next]) < start) next++;
        var found = new List<T>();
        while (next < all.Count && position(all[next]) < end) found.Add(all[next++]);
        return found;
    }

    /// <summary>The last mention ending at or before <paramref name="position"/>: mentions do not overlap and are in text
    /// order, so their ends are ordered too.</summary>
    private static IndicatorMention? LastEndingBy(IReadOnlyList<IndicatorMention> mentions, int position)
    {
        int lo = 0, hi = mentions.Count; // first mention ending after position
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (mentions[mid].End <= position) lo = mid + 1; else hi = mid;
        }
        return lo > 0 ? mentions[lo - 1] : null;
    }

    /// <summary>Values not inside a skipped parenthesis (both lists in text order; skipped ranges do not overlap).</summary>
    private static List<Quantity> OutsideSkipped(List<Quantity> quantities, List<(int Start, int End)> skipped)
    {
        var kept = new List<Quantity>(quantities.Count);
        int r = 0;
        foreach (var q in quantities)
        {
            while (r < skipped.Count && skipped[r].End <= q.NumberStart) r++;
            if (r < skipped.Count && q.NumberStart > skipped[r].Start && q.NumberStart < skipped[r].End) continue;
            kept.Add(q);
        }
        return kept;
    }

    private static IEnumerable<(int Start, int End)> Clauses(string f, int sStart, int sEnd)
    {
        int start = sStart;
        for (int i = sStart; i < sEnd; i++)
        {
            if (f[i] != ';') continue;
            yield return (start, i);
            start = i + 1;
        }
        yield return (start, sEnd);
    }
}
