using System.Buffers;

namespace Atlas.Search.Export;

/// <summary>The growth and return of the shared pool's arrays behind <see cref="CharSink"/> and <see cref="PooledBytes"/>.</summary>
internal static class PooledArrays
{
    /// <summary>Swaps <paramref name="array"/> for a pooled one with room for <paramref name="more"/> items after the first
    /// <paramref name="length"/> (copied over), at least twice as long, and returns the old one to the pool.</summary>
    public static void Grow<T>(ref T[] array, int length, int more)
    {
        var bigger = ArrayPool<T>.Shared.Rent(Math.Max(array.Length * 2, length + more));
        array.AsSpan(0, length).CopyTo(bigger);
        ArrayPool<T>.Shared.Return(array);
        array = bigger;
    }

    /// <summary>Returns <paramref name="array"/> to the pool (once) and leaves an empty one in its place.</summary>
    public static void Return<T>(ref T[] array)
    {
        if (array.Length > 0) ArrayPool<T>.Shared.Return(array);
        array = [];
    }
}
