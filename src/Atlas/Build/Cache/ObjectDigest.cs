using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Atlas.Build.Cache;

/// <summary>Thrown when a value holds something whose content cannot be digested (a delegate, a stream, a foreign type,
/// a cycle): the caller then does the full work instead of trusting a digest that might miss a difference.</summary>
public sealed class NotDigestibleException(string message) : Exception(message);

/// <summary>
/// The SHA-256 of everything an object graph holds, walked by runtime type: every instance field (public or not, base
/// types included) of the generator's own types, the items of collections, the value of primitives. Two graphs with the
/// same digest hold the same data, so a page rendered from one renders the same bytes from the other.
/// Fields rather than properties: a field is the object's state, a property may hide part of it (a record typed as an
/// interface, a computed getter). Anything it cannot vouch for throws <see cref="NotDigestibleException"/>.
/// One instance per build (it keeps compiled field readers per type); thread-safe.
/// </summary>
/// <param name="shortcut">Stands for objects whose content is digested elsewhere (returns the text to hash instead).</param>
/// <param name="own">The assembly whose types are walked field by field (default: the generator's own).</param>
public sealed class ObjectDigest(Func<object, string?>? shortcut = null, Assembly? own = null)
{
    private const int MaxDepth = 64;
    private readonly Assembly ownAssembly = own ?? typeof(ObjectDigest).Assembly;
    private readonly ConcurrentDictionary<Type, (string Name, Func<object, object?> Read)[]> fields = new();
    // How each runtime type is walked, decided once per type: the checks compare namespace strings, and a page's graph
    // holds hundreds of thousands of values of a few dozen types.
    private readonly ConcurrentDictionary<Type, Shape> shapes = new();

    private enum Shape { Collection, Record, Untrusted, UntrustedCollection }

    /// <summary>Hex digest of the parts, in order.</summary>
    public string Of(params ReadOnlySpan<object?> parts)
    {
        var sink = new Sink();
        foreach (var part in parts) Walk(sink, part, 0);
        return sink.Finish();
    }

    private void Walk(Sink sink, object? value, int depth)
    {
        if (depth > MaxDepth) throw new NotDigestibleException("object graph too deep (a cycle?)");
        switch (value)
        {
            case null: sink.Tag('N'); return;
            case string s: sink.Tag('S'); sink.Text(s); return;
            case bool b: sink.Tag(b ? 'T' : 'F'); return;
            case char c: sink.Tag('C'); sink.Text(c.ToString()); return;
            case Enum e: sink.Tag('E'); sink.Text(e.GetType().FullName + ":" + e.ToString("D")); return;
            case double d: sink.Tag('D'); sink.Text(d.ToString("R", CultureInfo.InvariantCulture)); return;
            case float f: sink.Tag('D'); sink.Text(f.ToString("R", CultureInfo.InvariantCulture)); return;
            case int or long or short or byte or sbyte or uint or ulong or ushort or decimal or DateTime or DateOnly or TimeSpan or Guid or DateTimeOffset:
                sink.Tag('P'); sink.Text(value.GetType().Name + ":" + ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)); return;
            case Delegate: throw new NotDigestibleException("a delegate's effect cannot be digested");
        }
        if (shortcut?.Invoke(value) is { } known) { sink.Tag('K'); sink.Text(known); return; }

        var type = value.GetType();
        var shape = shapes.GetOrAdd(type, ShapeOf);
        if (shape == Shape.UntrustedCollection) throw new NotDigestibleException($"unknown collection type {type.FullName}");
        if (shape == Shape.Collection)
        {
            sink.Tag('[');
            foreach (var item in (IEnumerable)value) Walk(sink, item, depth + 1);
            sink.Tag(']');
            return;
        }
        if (shape == Shape.Untrusted) throw new NotDigestibleException($"cannot vouch for the content of {type.FullName}");
        sink.Tag('{');
        sink.Text(type.FullName ?? type.Name);
        foreach (var (name, read) in fields.GetOrAdd(type, FieldsOf))
        {
            sink.Text(name);
            Walk(sink, read(value), depth + 1);
        }
        sink.Tag('}');
    }

    private Shape ShapeOf(Type type)
    {
        if (typeof(IEnumerable).IsAssignableFrom(type) && (type.Assembly != ownAssembly || type.IsArray || IsIterator(type)))
            return type.Assembly != ownAssembly && !IsTrustedCollection(type) ? Shape.UntrustedCollection : Shape.Collection;
        return type.Assembly != ownAssembly && !IsTrustedStruct(type) ? Shape.Untrusted : Shape.Record;
    }

    /// <summary>Collections whose enumeration is their content: arrays, the BCL's lists, sets and dictionaries, and
    /// compiler-made iterators (LINQ, yield) — enumerating those again gives the same items when the source is a model.</summary>
    private static bool IsTrustedCollection(Type type) =>
        type.IsArray || type.Namespace is "System.Collections.Generic" or "System.Collections.ObjectModel" or "System.Collections.Immutable"
            or "System.Linq" or "System.Collections.Frozen" || type.Namespace?.StartsWith("Scriban", StringComparison.Ordinal) == true;

    /// <summary>A compiler-made iterator (<c>yield return</c>) of the generator: its items are its content, not its fields.</summary>
    private static bool IsIterator(Type type) =>
        type.Name.Contains('<') && type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false);

    private static bool IsTrustedStruct(Type type) =>
        type.IsValueType && type.Namespace == "System" && (type.Name.StartsWith("ValueTuple", StringComparison.Ordinal) || type.Name.StartsWith("KeyValuePair", StringComparison.Ordinal))
        || type.Namespace == "System.Collections.Generic" && type.Name.StartsWith("KeyValuePair", StringComparison.Ordinal)
        || type.Namespace == "System" && type.Name.StartsWith("Tuple", StringComparison.Ordinal);

    private static (string, Func<object, object?>)[] FieldsOf(Type type)
    {
        var list = new List<(string, Func<object, object?>)>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                         .OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                if (f.FieldType.IsPointer || f.FieldType.IsByRefLike) throw new NotDigestibleException($"{type.FullName}.{f.Name} cannot be read");
                // A compiled reader: reflection's GetValue would cost more than the rest of the walk.
                var o = Expression.Parameter(typeof(object));
                var read = Expression.Lambda<Func<object, object?>>(
                    Expression.Convert(Expression.Field(Expression.Convert(o, t), f), typeof(object)), o).Compile();
                list.Add((t.FullName + "." + f.Name, read));
            }
        return list.ToArray();
    }

    /// <summary>
    /// Feeds the hash through a buffer: millions of small values, one hash call per 64 KB. The buffer is pooled and the
    /// hash state made only once a digest outgrows it: an incremental build digests every passage on its own (tens of
    /// thousands of small digests), and a fresh 64 KB buffer and hash context each was most of that cost. Chunking does not
    /// change a SHA-256, so the digest is the same either way.
    /// </summary>
    private sealed class Sink
    {
        private IncrementalHash? hash;
        private byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
        private int used;

        public void Tag(char c)
        {
            if (used + 1 > buffer.Length) Flush();
            buffer[used++] = (byte)c;
        }

        public void Text(string s)
        {
            var max = Encoding.UTF8.GetMaxByteCount(s.Length) + 4;
            if (used + max > buffer.Length)
            {
                Flush();
                if (max > buffer.Length)
                {
                    var bytes = Encoding.UTF8.GetBytes(s);
                    Length(bytes.Length);
                    Flush();
                    hash!.AppendData(bytes);
                    return;
                }
            }
            var n = Encoding.UTF8.GetBytes(s, buffer.AsSpan(used + 4));
            BitConverter.TryWriteBytes(buffer.AsSpan(used), n);
            used += 4 + n;
        }

        private void Length(int n)
        {
            BitConverter.TryWriteBytes(buffer.AsSpan(used), n);
            used += 4;
        }

        private void Flush()
        {
            hash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(buffer, 0, used);
            used = 0;
        }

        public string Finish()
        {
            byte[] digest;
            if (hash is null) digest = SHA256.HashData(buffer.AsSpan(0, used));
            else
            {
                Flush();
                digest = hash.GetHashAndReset();
                hash.Dispose();
            }
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
            return Convert.ToHexString(digest).ToLowerInvariant();
        }
    }
}
