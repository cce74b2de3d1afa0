using System.Buffers;

namespace Atlas.Search.Export;

/// <summary>
/// A growable byte buffer in arrays from the shared pool: each of the export's tens of thousands of files is written
/// here and then to disk, so no file leaves a buffer behind for the collector. <see cref="Dispose"/> returns the array.
/// </summary>
internal sealed class PooledBytes(int capacity) : IBufferWriter<byte>, IDisposable
{
    private byte[] bytes = ArrayPool<byte>.Shared.Rent(capacity);
    private int length;

    public ReadOnlySpan<byte> WrittenSpan => bytes.AsSpan(0, length);

    public void Advance(int count) => length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return bytes.AsMemory(length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return bytes.AsSpan(length);
    }

    private void Ensure(int sizeHint)
    {
        int need = Math.Max(sizeHint, 1);
        if (bytes.Length - length < need) PooledArrays.Grow(ref bytes, length, need);
    }

    public void Dispose()
    {
        PooledArrays.Return(ref bytes);
        length = 0;
    }
}
