using System.Buffers;

namespace Atlas.Search.Export;

/// <summary>
/// A growable run of characters in an array from the shared pool: the encoders write match sets and pages here and
/// make one string of what they keep (tens of thousands of sets, each tried in two forms, are encoded per build).
/// Pass it by <c>ref</c>; <see cref="Dispose"/> returns the array.
/// </summary>
internal struct CharSink(int capacity) : IDisposable
{
    private char[] chars = ArrayPool<char>.Shared.Rent(capacity);

    public int Length { get; private set; }

    public void Append(char c)
    {
        if (Length == chars.Length) Grow(1);
        chars[Length++] = c;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        if (Length + text.Length > chars.Length) Grow(text.Length);
        text.CopyTo(chars.AsSpan(Length));
        Length += text.Length;
    }

    /// <summary>Room for <paramref name="count"/> more characters, written by the caller, then <see cref="Advance"/>.</summary>
    public Span<char> Reserve(int count)
    {
        if (Length + count > chars.Length) Grow(count);
        return chars.AsSpan(Length, count);
    }

    public void Advance(int count) => Length += count;

    /// <summary>Forgets everything from <paramref name="length"/> on.</summary>
    public void Truncate(int length) => Length = length;

    public readonly ReadOnlySpan<char> Written => chars.AsSpan(0, Length);

    public readonly string Slice(int start) => new(chars, start, Length - start);

    public readonly string Slice(int start, int length) => new(chars, start, length);

    public override readonly string ToString() => new(chars, 0, Length);

    private void Grow(int more) => PooledArrays.Grow(ref chars, Length, more);

    public void Dispose()
    {
        PooledArrays.Return(ref chars);
        Length = 0;
    }
}
