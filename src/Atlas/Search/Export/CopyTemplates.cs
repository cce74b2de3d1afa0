using System.Buffers;
using System.Numerics;
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
        children = new int[template.Length][];
        for (int p = 0; p < template.Length; p++) children[p] = lists[p]?.ToArray() ?? [];
        foreach (var t in template) Any |= t >= 0;
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

    /// <summary>Whether some programme has a template.</summary>
    public bool Any { get; }

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
        // Candidates (earlier programmes holding a first copy of one of this programme's passages) as a bitmap, read in order.
        var candidates = new ulong[(count + 63) >> 6];
        for (int p = 0; p < count; p++)
        {
            template[p] = -1;
            int length = starts[p + 1] - starts[p], best = 0;
            for (int d = starts[p]; d < starts[p + 1]; d++)
                if (rep[d] != d && programmeOf[rep[d]] != p) candidates[programmeOf[rep[d]] >> 6] |= 1UL << (programmeOf[rep[d]] & 63);
            // The candidate with the most places of the same words; the earliest on a tie.
            for (int w = 0; w < candidates.Length; w++)
            {
                for (ulong pending = candidates[w]; pending != 0; pending &= pending - 1)
                {
                    int q = (w << 6) + BitOperations.TrailingZeroCount(pending);
                    if (starts[q + 1] - starts[q] != length) continue;
                    int same = 0;
                    for (int i = 0; i < length; i++) if (rep[starts[p] + i] == rep[starts[q] + i]) same++;
                    if (same > best) { best = same; template[p] = q; }
                }
                candidates[w] = 0;
            }
        }
        return new CopyTemplates(starts, template, programmeOf);
    }

    /// <summary>The shorter of the plain <see cref="DocSets"/> form and the template form.</summary>
    public string Encode(ReadOnlySpan<int> sortedDocs)
    {
        var sink = new CharSink(256);
        try
        {
            // The template form is written first, and dropped as soon as it is no shorter than the plain one, whose
            // length is known without writing it (a dense set's plain form is thousands of bitmap characters).
            if (sortedDocs.Length >= 8 && Any && TemplateForm(sortedDocs, DocSets.EncodedLength(sortedDocs), ref sink)) return sink.ToString();
            sink.Truncate(0);
            DocSets.Encode(sortedDocs, ref sink);
            return sink.ToString();
        }
        finally
        {
            sink.Dispose();
        }
    }

    /// <summary>
    /// Appends the template form to <paramref name="sink"/>; false (stopped early) once it grows to
    /// <paramref name="limit"/> characters or more.
    /// </summary>
    /// <remarks>
    /// The set and the programmes it touches are bitmaps: a programme's places that differ from its template's are the
    /// set bits of (its window of the set) XOR (the template's window), 64 places at a time. This runs for every word
    /// and adjacent pair of the atlas (tens of thousands of sets), so the bitmaps come from the shared array pool.
    /// </remarks>
    private bool TemplateForm(ReadOnlySpan<int> sortedDocs, int limit, ref CharSink sink)
    {
        int maxDoc = starts[^1], programmes = template.Length;
        // One spare word: a window read at the last passages may look one word past them.
        int words = ((maxDoc + 63) >> 6) + 1, programmeWords = (programmes + 63) >> 6;
        var bits = ArrayPool<ulong>.Shared.Rent(words);
        var touched = ArrayPool<ulong>.Shared.Rent(programmeWords);
        try
        {
            Array.Clear(bits, 0, words);
            Array.Clear(touched, 0, programmeWords);
            // Only programmes holding some of the set, or whose template does, can list anything.
            int lastProgramme = -1;
            foreach (var d in sortedDocs)
            {
                bits[d >> 6] |= 1UL << (d & 63);
                int q = programmeOf[d];
                if (q == lastProgramme) continue;
                lastProgramme = q;
                touched[q >> 6] |= 1UL << (q & 63);
                foreach (var c in children[q]) touched[c >> 6] |= 1UL << (c & 63);
            }
            int begin = sink.Length;
            sink.Append('~');
            int last = -1;
            for (int w = 0; w < programmeWords; w++)
            {
                for (ulong pending = touched[w]; pending != 0; pending &= pending - 1)
                {
                    int p = (w << 6) + BitOperations.TrailingZeroCount(pending);
                    int from = starts[p], length = starts[p + 1] - from, q = template[p];
                    int differ = 0;
                    for (int i = 0; i < length; i += 64) differ += BitOperations.PopCount(Differences(bits, from, q < 0 ? -1 : starts[q], i, length));
                    if (differ == 0) continue;
                    Base64Varint.Write(ref sink, p - last - 1);
                    Base64Varint.Write(ref sink, differ - 1);
                    int previous = -1;
                    for (int i = 0; i < length; i += 64)
                    {
                        for (ulong x = Differences(bits, from, q < 0 ? -1 : starts[q], i, length); x != 0; x &= x - 1)
                        {
                            int place = i + BitOperations.TrailingZeroCount(x);
                            Base64Varint.Write(ref sink, place - previous - 1);
                            previous = place;
                        }
                    }
                    last = p;
                    if (sink.Length - begin >= limit) return false;
                }
            }
            return true;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(bits);
            ArrayPool<ulong>.Shared.Return(touched);
        }
    }

    /// <summary>
    /// Places <paramref name="offset"/> .. +63 (within <paramref name="length"/>) of the programme starting at
    /// <paramref name="from"/> whose membership differs from the same places of its template (starting at
    /// <paramref name="templateFrom"/>, or −1: no template, every member differs), as bits.
    /// </summary>
    private static ulong Differences(ulong[] bits, int from, int templateFrom, int offset, int length)
    {
        int count = Math.Min(64, length - offset);
        ulong x = Window(bits, from + offset);
        if (templateFrom >= 0) x ^= Window(bits, templateFrom + offset);
        return count == 64 ? x : x & ((1UL << count) - 1);
    }

    /// <summary>The 64 bits of <paramref name="bits"/> from bit <paramref name="start"/> on (low bit first).</summary>
    private static ulong Window(ulong[] bits, int start)
    {
        int word = start >> 6, shift = start & 63;
        ulong x = bits[word] >> shift;
        return shift == 0 ? x : x | (bits[word + 1] << (64 - shift));
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
