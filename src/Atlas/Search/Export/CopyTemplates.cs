using System.Text;

namespace Atlas.Search.Export;

/// <summary>
/// Match sets told relative to earlier programmes. Provincial programmes repeat one another passage for passage (a
/// resolution's wording, a seed's structure), so a word's passages in one programme are mostly those of the same
/// places in an earlier programme of the same length: its <em>template</em>, the earlier programme whose passages at
/// the same places most often have the same words (<see cref="ExportCorpus.Rep"/>). A set is then written as, per
/// programme, the places where it differs from the template (or, without a template, its passages there) — a dense
/// word's set at 1,000 programmes shrinks from a bitmap of every passage to a few characters per programme that differs.
/// </summary>
/// <remarks>
/// Format (after a leading <c>~</c>, which no <see cref="DocSets"/> string starts with): for every programme with a
/// non-empty list, <see cref="Base64Varint"/>s: programmes skipped since the last one listed, list length − 1, the
/// first place in the programme, then each next place − previous − 1. A programme's set is its template's set (at the
/// same places) with the listed places flipped; without a template, the listed places. Programmes are decoded in order,
/// so a template (always earlier) is decoded first. <see cref="Encode"/> keeps the plain form when it is shorter.
/// </remarks>
internal sealed class CopyTemplates
{
    private readonly int[] starts;   // first passage of each programme, then the passage count
    private readonly int[] template; // earlier programme, or -1
    private readonly int[] programmeOf;
    private readonly int[][] children; // programmes whose template is this one

    private CopyTemplates(int[] starts, int[] template, int[] programmeOf)
    {
        this.starts = starts;
        this.template = template;
        this.programmeOf = programmeOf;
        var lists = new List<int>?[template.Length];
        for (int p = 0; p < template.Length; p++) if (template[p] >= 0) (lists[template[p]] ??= []).Add(p);
        children = lists.Select(l => l?.ToArray() ?? []).ToArray();
    }

    /// <summary>Per programme: 0 without a template, else the distance back to its template (varints).</summary>
    public string Table
    {
        get
        {
            var sb = new StringBuilder();
            for (int p = 0; p < template.Length; p++) Base64Varint.Write(sb, template[p] < 0 ? 0 : p - template[p]);
            return sb.ToString();
        }
    }

    public bool Any => template.Any(t => t >= 0);

    /// <param name="rep">Per passage its first copy.</param>
    /// <param name="programmeStarts">First passage of each programme, ascending (programmes are contiguous ranges).</param>
    public static CopyTemplates Of(int[] rep, IReadOnlyList<int> programmeStarts)
    {
        int count = programmeStarts.Count, maxDoc = rep.Length;
        var starts = new int[count + 1];
        for (int p = 0; p < count; p++) starts[p] = programmeStarts[p];
        starts[count] = maxDoc;
        var programmeOf = new int[maxDoc];
        for (int p = 0; p < count; p++) for (int d = starts[p]; d < starts[p + 1]; d++) programmeOf[d] = p;
        var template = new int[count];
        var candidates = new SortedSet<int>();
        for (int p = 0; p < count; p++)
        {
            template[p] = -1;
            int length = starts[p + 1] - starts[p], best = 0;
            candidates.Clear();
            for (int d = starts[p]; d < starts[p + 1]; d++)
                if (rep[d] != d && programmeOf[rep[d]] != p) candidates.Add(programmeOf[rep[d]]);
            // The candidate with the most places of the same words; the earliest on a tie.
            foreach (var q in candidates)
            {
                if (starts[q + 1] - starts[q] != length) continue;
                int same = 0;
                for (int i = 0; i < length; i++) if (rep[starts[p] + i] == rep[starts[q] + i]) same++;
                if (same > best) { best = same; template[p] = q; }
            }
        }
        return new CopyTemplates(starts, template, programmeOf);
    }

    /// <summary>The shorter of the plain <see cref="DocSets"/> form and the template form.</summary>
    public string Encode(IReadOnlyList<int> sortedDocs)
    {
        var plain = DocSets.Encode(sortedDocs);
        if (sortedDocs.Count < 8 || !Any) return plain;
        var templated = TemplateForm(sortedDocs, plain.Length);
        return templated is not null && templated.Length < plain.Length ? templated : plain;
    }

    /// <summary>The template form, or null once it grows past <paramref name="limit"/> characters.</summary>
    private string? TemplateForm(IReadOnlyList<int> sortedDocs, int limit)
    {
        int maxDoc = starts[^1];
        var bits = new ulong[(maxDoc + 63) >> 6];
        foreach (var d in sortedDocs) bits[d >> 6] |= 1UL << (d & 63);
        bool Has(int d) => (bits[d >> 6] & (1UL << (d & 63))) != 0;
        // Only programmes holding some of the set, or whose template does, can list anything.
        var touched = new SortedSet<int>();
        int lastProgramme = -1;
        foreach (var d in sortedDocs)
        {
            int q = programmeOf[d];
            if (q == lastProgramme) continue;
            lastProgramme = q;
            touched.Add(q);
            foreach (var c in children[q]) touched.Add(c);
        }
        var sb = new StringBuilder("~");
        var places = new List<int>();
        int last = -1;
        foreach (var p in touched)
        {
            places.Clear();
            int from = starts[p], length = starts[p + 1] - from, q = template[p];
            for (int i = 0; i < length; i++)
                if (Has(from + i) != (q >= 0 && Has(starts[q] + i))) places.Add(i);
            if (places.Count == 0) continue;
            Base64Varint.Write(sb, p - last - 1);
            Base64Varint.Write(sb, places.Count - 1);
            int previous = -1;
            foreach (var i in places) { Base64Varint.Write(sb, i - previous - 1); previous = i; }
            last = p;
            if (sb.Length >= limit) return null;
        }
        return sb.ToString();
    }

    /// <summary>Decodes either form (for checks; the client decodes in atlas-search.js).</summary>
    public List<int> Decode(string s)
    {
        if (s.Length == 0 || s[0] != '~') return DocSets.Decode(s);
        int maxDoc = starts[^1];
        var bits = new bool[maxDoc];
        var values = Base64Varint.Read(s[1..]);
        int at = 0;
        long skip = at < values.Count ? values[at++] : long.MaxValue;
        for (int p = 0; p < template.Length; p++)
        {
            int from = starts[p], length = starts[p + 1] - from, q = template[p];
            if (q >= 0) for (int i = 0; i < length; i++) bits[from + i] = bits[starts[q] + i];
            if (skip > 0) { skip--; continue; }
            int count = (int)values[at++] + 1, place = -1;
            for (int k = 0; k < count; k++)
            {
                place += (int)values[at++] + 1;
                bits[from + place] = !bits[from + place];
            }
            skip = at < values.Count ? values[at++] : long.MaxValue;
        }
        var docs = new List<int>();
        for (int d = 0; d < maxDoc; d++) if (bits[d]) docs.Add(d);
        return docs;
    }
}
