using System.Diagnostics.Tracing;

namespace Atlas.Build;

/// <summary>
/// ATLAS_MEMLOG=gc: why the collector ran, and what each stage allocated by type (large-object heap apart), printed after the
/// build. A blocking collection stops every thread, so on two cores its pause is wall time with a core idle; a full
/// collection triggered by the large-object budget points at big short-lived arrays or strings, and the table says whose.
/// The figures come from the runtime's sampled allocation events (one per ~100 KB allocated of a kind); listening slows the
/// build, so this is a diagnostic, never on in a normal build. Stages beside render count under render.
/// </summary>
internal sealed class GcLog : EventListener
{
    private readonly object gate = new();
    private readonly Dictionary<(int Depth, string Reason), (int Count, double Ms)> collections = [];
    private readonly Dictionary<(string Stage, bool Large, string Type), long> allocated = [];
    private readonly Dictionary<long, (DateTime Start, int Depth, string Reason)> running = [];
    private readonly List<string> fullCollections = [];
    private string stage = "start";

    /// <summary>The stage now running on the build's main thread.</summary>
    public void Enter(string name)
    {
        lock (gate) stage = name;
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        // 0x1 = the GC keyword; the verbose level adds the allocation ticks.
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        var payload = e.Payload;
        if (payload is null) return;
        lock (gate)
        {
            switch (e.EventName)
            {
                case "GCStart_V2":
                    running[Convert.ToInt64(payload[0])] = (e.TimeStamp, Convert.ToInt32(payload[1]), Reason(Convert.ToInt32(payload[2])));
                    break;
                case "GCEnd_V1" when running.Remove(Convert.ToInt64(payload[0]), out var start):
                    var ms = (e.TimeStamp - start.Start).TotalMilliseconds;
                    var key = (start.Depth, start.Reason);
                    collections.TryGetValue(key, out var sum);
                    collections[key] = (sum.Count + 1, sum.Ms + ms);
                    if (start.Depth == 2) fullCollections.Add($"{stage}: {start.Reason}, {ms:F0} ms");
                    break;
                case "GCAllocationTick_V4":
                    var type = (stage, Convert.ToInt32(payload[1]) == 1, payload[5]?.ToString() ?? "?");
                    allocated[type] = allocated.GetValueOrDefault(type) + Convert.ToInt64(payload[0]);
                    break;
            }
        }
    }

    private static string Reason(int reason) => reason switch
    {
        0 => "small-object budget", 1 => "induced", 2 => "low memory", 4 => "large-object budget", 5 => "out of space (small)",
        6 => "out of space (large)", 7 => "induced, not forced", 10 => "induced, compacting", _ => $"reason {reason}",
    };

    public void Print(TextWriter to)
    {
        lock (gate)
        {
            foreach (var ((depth, reason), (count, ms)) in collections.OrderBy(c => c.Key.Depth).ThenBy(c => c.Key.Reason, StringComparer.Ordinal))
                to.WriteLine($"gc gen{depth}, {reason}: {count} collection(s), {ms:F0} ms");
            foreach (var line in fullCollections) to.WriteLine($"gc full collection during {line}");
            foreach (var group in allocated.GroupBy(a => a.Key.Stage))
                foreach (var ((_, large, type), bytes) in group.OrderByDescending(a => a.Value).Take(12))
                    to.WriteLine($"gc {group.Key} allocated {bytes >> 20} MB of {type}{(large ? " (large-object heap)" : "")}");
        }
    }
}
