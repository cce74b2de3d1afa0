namespace Atlas.Ingest.Decoding;

/// <summary>
/// UTF-16 saved without a byte order mark ("Unicode" from old Notepad variants). Vietnamese text in UTF-16 has a
/// zero high byte for ASCII and Latin-1 letters — the large majority — while a zero low byte is nearly impossible
/// (U+0100, U+1E00…). Only that unmistakable pattern is accepted.
/// </summary>
public static class BomlessUtf16
{
    public enum Order { None, LittleEndian, BigEndian }

    private const int SampleBytes = 64 * 1024;

    public static Order Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes.Length % 2 != 0) return Order.None;
        var sample = bytes[..Math.Min(bytes.Length, SampleBytes)];
        // Nearly every source is UTF-8 without a zero byte: one vectorised search says so (both counts would be zero).
        if (sample.IndexOf((byte)0) < 0) return Order.None;
        int pairs = sample.Length / 2, evenZeros = 0, oddZeros = 0;
        for (int i = 0; i + 1 < sample.Length; i += 2)
        {
            if (sample[i] == 0) evenZeros++;
            if (sample[i + 1] == 0) oddZeros++;
        }
        if (oddZeros * 2 >= pairs && evenZeros * 100 <= pairs) return Order.LittleEndian;
        if (evenZeros * 2 >= pairs && oddZeros * 100 <= pairs) return Order.BigEndian;
        return Order.None;
    }
}
