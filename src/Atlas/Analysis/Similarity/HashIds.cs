namespace Atlas.Analysis.Similarity;

/// <summary>
/// Numbers 64-bit hashes in first-seen order (0, 1, 2, …): an open-addressing table for the similarity analyses, which
/// look up every word and word pair of every passage (ten million lookups at a thousand programmes). The keys are
/// already hashes, so the slot is their top bits after one multiplication; no per-entry objects. Not thread-safe while keys are added.
/// </summary>
internal sealed class HashIds
{
    private const ulong Spread = 0x9E3779B97F4A7C15UL; // 2^64 / golden ratio: any bit of the key moves the top bits
    private int[] slots; // 0 = empty, else 1 + the key's id
    private ulong[] keys;
    private int shift;

    public HashIds(int capacity = 256)
    {
        int size = 16;
        while (size < capacity * 2) size <<= 1;
        slots = new int[size];
        keys = new ulong[size / 2];
        shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
    }

    public int Count { get; private set; }

    /// <summary>The keys in id order.</summary>
    public ReadOnlySpan<ulong> Keys => keys.AsSpan(0, Count);

    /// <summary>The key's id; a key not seen before gets the next id (<paramref name="added"/>).</summary>
    public int Id(ulong key, out bool added)
    {
        int mask = slots.Length - 1;
        int slot = (int)((key * Spread) >> shift);
        while (true)
        {
            int s = slots[slot];
            if (s == 0) break;
            if (keys[s - 1] == key) { added = false; return s - 1; }
            slot = (slot + 1) & mask;
        }
        if (Count == keys.Length)
        {
            Grow();
            return Id(key, out added);
        }
        keys[Count] = key;
        slots[slot] = ++Count;
        added = true;
        return Count - 1;
    }

    /// <summary>The key's id, or -1 when it was never added. Only reads, so threads may share a table no longer added to.</summary>
    public int Find(ulong key)
    {
        int mask = slots.Length - 1;
        for (int slot = (int)((key * Spread) >> shift); ; slot = (slot + 1) & mask)
        {
            int s = slots[slot];
            if (s == 0) return -1;
            if (keys[s - 1] == key) return s - 1;
        }
    }

    /// <summary>Forgets every key; a table grown for one long passage shrinks back so the next clears stay cheap.</summary>
    public void Clear()
    {
        if (slots.Length > 4096) (slots, keys, shift) = (new int[512], new ulong[256], 64 - 9);
        else Array.Clear(slots);
        Count = 0;
    }

    private void Grow()
    {
        var old = keys;
        int count = Count;
        slots = new int[slots.Length * 2];
        keys = new ulong[old.Length * 2];
        shift--;
        Count = 0;
        for (int i = 0; i < count; i++) Id(old[i], out _);
    }
}
