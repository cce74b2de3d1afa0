using Atlas.Model;

namespace Atlas.Analysis.Similarity;

/// <summary>
/// Shared versus own wording. Every passage is cut into word 5-grams ("shingles", on folded words); a shingle met in
/// at least two programmes is shared language — typically copied from the central resolution ("một việc chỉ giao cho
/// một cơ quan chủ trì"). To stay small on a thousand programmes only winnowed fingerprints are indexed (the minimum
/// hash of every window of four shingles), which still finds every shared run of eight words or more; spans between
/// shared fingerprints less than a shingle apart are joined. A passage's share is the part of its words inside
/// shared spans. Deterministic: FNV hashes, programmes visited in model order.
/// </summary>
public static class SharedLanguage
{
    public const int ShingleWords = 5;
    public const int Window = 4;

    /// <summary>The shortest shared run of words the winnowed fingerprints are sure to find (a window of shingles).</summary>
    public const int GuaranteedRun = ShingleWords + Window - 1;

    /// <summary>A passage with at least this share of its words in shared spans reads as common wording ("Lời văn chung").</summary>
    public const double MostlySharedThreshold = 0.5;

    public static bool IsMostlyShared(double share) => share >= MostlySharedThreshold;

    /// <param name="OwnShare">Share of the programme's words outside shared spans, 0..1 (1 when it has no words).</param>
    public sealed record Result(IReadOnlyDictionary<string, double> Share, IReadOnlyDictionary<string, IReadOnlyList<TextSpan>> Spans)
    {
        public double OwnShare { get; init; } = 1;
    }

    public static IReadOnlyList<Result> Analyse(IReadOnlyList<Programme> programmes)
    {
        // Pass 1: fingerprints per passage; index fingerprint → first programme, or -1 once a second programme has it.
        var prints = new (int Position, ulong Hash)[programmes.Count][][];
        // A text met again (a passage copied word for word into many programmes) has the same fingerprints: read once per
        // worker. Fingerprint arrays are only read from here on, so copies share one.
        Parallel.For(0, programmes.Count, () => (Scan: new WordScan(), Work: new Fingerprinting(), Seen: new Dictionary<string, (int, ulong)[]>(StringComparer.Ordinal)), (p, _, local) =>
        {
            var passages = programmes[p].Passages;
            prints[p] = new (int, ulong)[passages.Count][];
            for (int i = 0; i < passages.Count; i++)
            {
                if (local.Seen.TryGetValue(passages[i].Text, out var known)) { prints[p][i] = known; continue; }
                local.Scan.Read(passages[i].Text);
                prints[p][i] = local.Seen[passages[i].Text] = local.Work.Of(local.Scan);
            }
            return local;
        }, _ => { });
        var ids = new HashIds(1 << 16);
        var owner = new List<int>(); // per fingerprint id: its first programme, -1 once a second one has it
        for (int p = 0; p < programmes.Count; p++)
        {
            foreach (var list in prints[p])
                foreach (var (_, h) in list)
                {
                    int id = ids.Id(h, out var added);
                    if (added) owner.Add(p);
                    else if (owner[id] != p && owner[id] != -1) owner[id] = -1;
                }
        }

        // Pass 2: shared spans and shares.
        var results = new Result[programmes.Count];
        // The same text has the same fingerprints, whose owners are now fixed: its words, shared words and spans are read
        // once per worker (the spans are immutable records, shared by the copies).
        Parallel.For(0, programmes.Count, () => (Scan: new WordScan(), Seen: new Dictionary<string, (int Words, int Shared, IReadOnlyList<TextSpan>? Spans)>(StringComparer.Ordinal)), (p, _, local) =>
        {
            var scan = local.Scan;
            var share = new Dictionary<string, double>(StringComparer.Ordinal);
            var spans = new Dictionary<string, IReadOnlyList<TextSpan>>(StringComparer.Ordinal);
            var passages = programmes[p].Passages;
            long totalWords = 0, totalShared = 0;
            for (int i = 0; i < passages.Count; i++)
            {
                if (local.Seen.TryGetValue(passages[i].Text, out var seen))
                {
                    totalWords += seen.Words;
                    totalShared += seen.Shared;
                    share[passages[i].Id] = seen.Words == 0 ? 0 : Math.Round((double)seen.Shared / seen.Words, 4);
                    if (seen.Spans is not null) spans[passages[i].Id] = seen.Spans;
                    continue;
                }
                scan.Read(passages[i].Text); // recomputed rather than kept: words of every passage would not fit
                var covered = new bool[scan.Count];
                int last = -1;
                foreach (var (pos, h) in prints[p][i])
                {
                    if (owner[ids.Find(h)] != -1) continue;
                    int from = last >= 0 && pos - last <= ShingleWords ? last : pos; // join near fingerprints
                    for (int k = from; k < pos + ShingleWords; k++) covered[k] = true;
                    last = pos;
                }
                int sharedWords = 0;
                foreach (var c in covered) if (c) sharedWords++;
                totalWords += scan.Count;
                totalShared += sharedWords;
                share[passages[i].Id] = scan.Count == 0 ? 0 : Math.Round((double)sharedWords / scan.Count, 4);
                var passageSpans = sharedWords > 0 ? Spans(scan, covered) : null;
                if (passageSpans is not null) spans[passages[i].Id] = passageSpans;
                local.Seen[passages[i].Text] = (scan.Count, sharedWords, passageSpans);
            }
            results[p] = new Result(share, spans)
            {
                OwnShare = totalWords == 0 ? 1 : Math.Round(1 - (double)totalShared / totalWords, 4),
            };
            return local;
        }, _ => { });
        return results;
    }

    /// <summary>Share of a programme's words that are its own (not in shared spans), 0..1; 1 when it has no words.</summary>
    public static double OwnShare(Programme programme, ProgrammeAnalysis analysis)
    {
        long total = 0;
        double shared = 0;
        var scan = new WordScan();
        foreach (var passage in programme.Passages)
        {
            scan.Read(passage.Text);
            int n = scan.Count;
            total += n;
            if (analysis.SharedShare.TryGetValue(passage.Id, out var s)) shared += s * n;
        }
        return total == 0 ? 1 : Math.Round(1 - shared / total, 4);
    }

    /// <summary>One thread's buffers for winnowing a passage's shingles.</summary>
    private sealed class Fingerprinting
    {
        private ulong[] hashes = new ulong[256];
        private readonly List<(int, ulong)> result = [];

        /// <summary>Winnowed shingle hashes with their word positions, in position order.</summary>
        public (int, ulong)[] Of(WordScan words)
        {
            int n = words.Count - ShingleWords + 1;
            if (n <= 0) return [];
            if (hashes.Length < n) hashes = new ulong[Math.Max(n, hashes.Length * 2)];
            for (int i = 0; i < n; i++) hashes[i] = words.Hash(i, ShingleWords);
            result.Clear();
            if (n <= Window)
            {
                for (int i = 0; i < n; i++) result.Add((i, hashes[i]));
                return result.ToArray();
            }
            int lastPicked = -1;
            for (int s = 0; s + Window <= n; s++)
            {
                int min = s;
                for (int k = s + 1; k < s + Window; k++) if (hashes[k] <= hashes[min]) min = k; // rightmost minimum
                if (min != lastPicked) { result.Add((min, hashes[min])); lastPicked = min; }
            }
            result.Sort((a, b) => a.Item1.CompareTo(b.Item1));
            return result.ToArray();
        }
    }

    private static IReadOnlyList<TextSpan> Spans(WordScan words, bool[] covered)
    {
        var spans = new List<TextSpan>();
        int k = 0;
        while (k < covered.Length)
        {
            if (!covered[k]) { k++; continue; }
            int s = k;
            while (k < covered.Length && covered[k]) k++;
            spans.Add(new TextSpan(words.Starts[s], words.Ends[k - 1] - words.Starts[s]));
        }
        return spans;
    }
}
