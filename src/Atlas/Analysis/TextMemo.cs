using System.Collections.Concurrent;

namespace Atlas.Analysis;

/// <summary>
/// What an analysis read in a passage's text, remembered by the text: programmes copy whole passages from the resolutions
/// they implement and from each other, and a text copied word for word gives the same result wherever it stands. Shared
/// by the workers of one analysis (thread-safe); the result is a pure function of the text, so the output does not depend
/// on which worker read a text first. At most <c>capacity</c> texts are remembered, a bound on memory: past it a text is
/// simply read again.
/// </summary>
/// <remarks>
/// The texts are counted here, not by the dictionary: <see cref="ConcurrentDictionary{TKey,TValue}.Count"/> takes every
/// lock of the table, and asked once per passage it made the memo cost more than the reading it spared in an atlas
/// without copies (where every text is new).
/// </remarks>
public sealed class TextMemo<T>(int capacity = 1 << 18)
{
    private readonly ConcurrentDictionary<string, T> byText = new(StringComparer.Ordinal);
    private int count;

    public bool TryGet(string text, out T value) => byText.TryGetValue(text, out value!);

    public void Remember(string text, T value)
    {
        if (Volatile.Read(ref count) >= capacity) return;
        // A place is taken before the text is added, so workers adding at once never go past the capacity.
        if (Interlocked.Increment(ref count) > capacity || !byText.TryAdd(text, value)) Interlocked.Decrement(ref count);
    }
}
