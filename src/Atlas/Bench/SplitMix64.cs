namespace Atlas.Bench;

/// <summary>
/// A tiny fixed-algorithm generator so the corpus is the same on every runtime and machine
/// (System.Random's sequence is an implementation detail we do not want the benchmark to hang on).
/// </summary>
internal struct SplitMix64(ulong state)
{
    private ulong state = state;

    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, bound).</summary>
    public int Below(int bound) => (int)(Next() % (ulong)bound);

    /// <summary>Uniform in [low, high).</summary>
    public double Between(double low, double high) => low + (high - low) * ((Next() >> 11) * (1.0 / (1UL << 53)));
}
