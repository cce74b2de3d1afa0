using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.InteropServices;
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
/// One instance per build (it keeps a compiled writer per type); thread-safe.
/// </summary>
/// <param name="shortcut">Stands for objects whose content is digested elsewhere (returns the text to hash instead). It is
/// not asked about the object <see cref="OfContents"/> digests, only about what that object holds.</param>
/// <param name="own">The assembly whose types are walked field by field (default: the generator's own).</param>
/// <param name="shortcutTypes">The classes the shortcut may stand for (default: every class; never structs): a value of
/// another type is written without asking, which a build digesting millions of small records notices.</param>
public sealed class ObjectDigest(Func<object, string?>? shortcut = null, Assembly? own = null, Func<Type, bool>? shortcutTypes = null)
{
    private const int MaxDepth = 64;
    private readonly Func<object, string?>? shortcut = shortcut;
    private readonly Func<Type, bool>? shortcutTypes = shortcutTypes;
    private readonly Assembly ownAssembly = own ?? typeof(ObjectDigest).Assembly;
    // How each runtime type is written, worked out once per type: a build digests millions of values of a few dozen types.
    private readonly ConcurrentDictionary<Type, Plan> plans = new();

    /// <summary>Hex digest of the parts, in order.</summary>
    public string Of(params ReadOnlySpan<object?> parts)
    {
        var sink = new Sink();
        try
        {
            foreach (var part in parts) Walk(sink, part, 0);
            return sink.Finish();
        }
        finally { sink.Release(); }
    }

    /// <summary>
    /// Hex digest of one object's own content, the shortcut applying only to what it holds: how the digest a shortcut
    /// returns for an object is made (the object standing for itself would be a digest of nothing).
    /// </summary>
    public string OfContents(object value)
    {
        var sink = new Sink();
        try
        {
            if (value is string s) WriteString(sink, s);
            else PlanFor(value.GetType()).Write(this, sink, value, 0);
            return sink.Finish();
        }
        finally { sink.Release(); }
    }

    /// <summary>A value whose type is only known at run time (a field typed as an object, an interface or an open class).</summary>
    private void Walk(Sink sink, object? value, int depth)
    {
        if (value is null or string)
        {
            WriteString(sink, (string?)value);
            return;
        }
        var plan = PlanFor(value.GetType());
        if (plan.Shortcut && shortcut!(value) is { } known) { sink.Tag('K'); sink.Text(known); return; }
        plan.Write(this, sink, value, depth);
    }

    private Plan PlanFor(Type type) => plans.GetOrAdd(type, static (type, self) => new Plan(type,
        !type.IsValueType && self.shortcut is not null && (self.shortcutTypes?.Invoke(type) ?? true)), this);

    /// <summary>
    /// How values of one runtime type are written: a writer compiled on first use (so a type may hold itself), the bytes
    /// of a scalar, a collection's items or a record's fields. A refused type (a delegate, a foreign class) throws when a
    /// value of it is met.
    /// </summary>
    private sealed class Plan(Type type, bool shortcut)
    {
        private Action<ObjectDigest, Sink, object, int>? write;

        public Type Type { get; } = type;

        /// <summary>Whether the digest's shortcut is asked about values of this type.</summary>
        public bool Shortcut { get; } = shortcut;

        public void Write(ObjectDigest digest, Sink sink, object value, int depth) =>
            (Volatile.Read(ref write) ?? Compile(digest))(digest, sink, value, depth);

        private Action<ObjectDigest, Sink, object, int> Compile(ObjectDigest digest)
        {
            lock (this)
            {
                if (write is null) Volatile.Write(ref write, digest.WriterOf(Type));
                return write;
            }
        }
    }

    private Action<ObjectDigest, Sink, object, int> WriterOf(Type type)
    {
        try
        {
            if (typeof(Delegate).IsAssignableFrom(type)) return Refused("a delegate's effect cannot be digested");
            if (IsScalar(type) || type.IsEnum) return static (_, sink, value, _) => Scalar(sink, value);
            if (typeof(IEnumerable).IsAssignableFrom(type) && (type.Assembly != ownAssembly || type.IsArray || IsIterator(type)))
                return type.Assembly != ownAssembly && !IsTrustedCollection(type) ? Refused($"unknown collection type {type.FullName}") : Compiled(type, Items);
            if (type.Assembly != ownAssembly && !IsTrustedStruct(type)) return Refused($"cannot vouch for the content of {type.FullName}");
            return Compiled(type, Fields);
        }
        catch (NotDigestibleException e)
        {
            return Refused(e.Message);
        }
    }

    private static Action<ObjectDigest, Sink, object, int> Refused(string why) => (_, _, _, _) => throw new NotDigestibleException(why);

    /// <summary>The parameters of a compiled writer: the digest (for Walk), the sink, and the depth of the value written.</summary>
    private sealed record Context(ParameterExpression Digest, ParameterExpression Sink, ParameterExpression Depth);

    private static Action<ObjectDigest, Sink, object, int> Compiled(Type type, Func<Context, Expression, Expression> body)
    {
        var c = new Context(Expression.Parameter(typeof(ObjectDigest), "digest"), Expression.Parameter(typeof(Sink), "sink"),
            Expression.Parameter(typeof(int), "depth"));
        var value = Expression.Parameter(typeof(object), "value");
        var typed = type.IsValueType ? (Expression)Expression.Unbox(value, type) : Expression.Convert(value, type);
        return Expression.Lambda<Action<ObjectDigest, Sink, object, int>>(Expression.Block(Guard(c.Depth), body(c, typed)), c.Digest, c.Sink, value, c.Depth).Compile();
    }

    /// <summary>A graph deeper than any model is a cycle (or not a model): refused rather than walked forever.</summary>
    private static Expression Guard(Expression depth) =>
        Expression.IfThen(Expression.GreaterThan(depth, Expression.Constant(MaxDepth)),
            Expression.Throw(Expression.New(typeof(NotDigestibleException).GetConstructor([typeof(string)])!,
                Expression.Constant("object graph too deep (a cycle?)"))));

    /// <summary>
    /// A record: '{', the id of its type, each field's value, '}'. The type id hashes the type's name and its fields' names
    /// and types in the order written, so a record's fields need no names of their own in the digest.
    /// </summary>
    private Expression Fields(Context c, Expression value)
    {
        var type = value.Type;
        var local = Expression.Variable(type, "record");
        var layout = new StringBuilder(type.FullName ?? type.Name);
        var steps = new List<Expression> { Expression.Assign(local, value), Call(c, nameof(Sink.Tag), Expression.Constant('{')) };
        steps.Add(Expression.Empty()); // the type id, once the layout is known
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
            foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                         .OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                if (f.FieldType.IsPointer || f.FieldType.IsByRefLike) throw new NotDigestibleException($"{type.FullName}.{f.Name} cannot be read");
                layout.Append('\n').Append(t.FullName).Append('.').Append(f.Name).Append(':').Append(f.FieldType.FullName ?? f.FieldType.Name);
                steps.Add(Value(c, Expression.Field(t == type ? local : Expression.Convert(local, t), f)));
            }
        steps[2] = Call(c, nameof(Sink.Raw), Expression.Constant(SHA256.HashData(Encoding.UTF8.GetBytes(layout.ToString()))[..16]));
        steps.Add(Call(c, nameof(Sink.Tag), Expression.Constant('}')));
        return Expression.Block([local], steps);
    }

    /// <summary>A collection: '[', its items in enumeration order, ']'. Items of a known type are written without boxing.</summary>
    private Expression Items(Context c, Expression value)
    {
        var itemTypes = value.Type.IsArray ? [value.Type.GetElementType()!] : value.Type.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .Select(i => i.GetGenericArguments()[0]).ToList();
        // One IEnumerable<T>: its items have a static type. Several (or none): enumerated as objects.
        var itemType = itemTypes.Count == 1 ? itemTypes[0] : typeof(object);
        var enumerable = itemTypes.Count == 1 ? typeof(IEnumerable<>).MakeGenericType(itemType) : typeof(IEnumerable);
        var enumeratorType = itemTypes.Count == 1 ? typeof(IEnumerator<>).MakeGenericType(itemType) : typeof(IEnumerator);
        var enumerator = Expression.Variable(enumeratorType, "items");
        var end = Expression.Label("end");
        return Expression.Block([enumerator],
            Call(c, nameof(Sink.Tag), Expression.Constant('[')),
            Expression.Assign(enumerator, Expression.Call(Expression.Convert(value, enumerable), enumerable.GetMethod(nameof(IEnumerable.GetEnumerator))!)),
            Expression.TryFinally(
                Expression.Loop(
                    Expression.IfThenElse(Expression.Call(enumerator, typeof(IEnumerator).GetMethod(nameof(IEnumerator.MoveNext))!),
                        Value(c, Expression.Property(enumerator, enumeratorType.GetProperty(nameof(IEnumerator.Current))!)),
                        Expression.Break(end)),
                    end),
                enumeratorType == typeof(IEnumerator)
                    ? Expression.IfThen(Expression.TypeIs(enumerator, typeof(IDisposable)),
                        Expression.Call(Expression.Convert(enumerator, typeof(IDisposable)), typeof(IDisposable).GetMethod(nameof(IDisposable.Dispose))!))
                    : Expression.Call(enumerator, typeof(IDisposable).GetMethod(nameof(IDisposable.Dispose))!)),
            Call(c, nameof(Sink.Tag), Expression.Constant(']')));
    }

    /// <summary>
    /// A value of a known static type held by a value at depth c.Depth, written as Walk would write it: scalars and
    /// trusted structs inline (no boxing), a sealed class the shortcut never stands for straight through its plan, anything
    /// else (an interface, an open class, a class the shortcut may stand for) through Walk.
    /// </summary>
    private Expression Value(Context c, Expression value)
    {
        var type = value.Type;
        if (type == typeof(string)) return Expression.Call(typeof(ObjectDigest).GetMethod(nameof(WriteString), BindingFlags.NonPublic | BindingFlags.Static)!, c.Sink, value);
        if (IsScalar(type) || type.IsEnum) return ScalarCall(c.Sink, value);
        if (Nullable.GetUnderlyingType(type) is { } inner && (IsScalar(inner) || inner.IsEnum))
            return Expression.IfThenElse(Expression.Property(value, "HasValue"), ScalarCall(c.Sink, Expression.Property(value, "Value")),
                Call(c, nameof(Sink.Tag), Expression.Constant('N')));
        var next = Expression.Add(c.Depth, Expression.Constant(1));
        if (type.IsValueType && Nullable.GetUnderlyingType(type) is null && (type.Assembly == ownAssembly || IsTrustedStruct(type))
            && !typeof(IEnumerable).IsAssignableFrom(type))
        {
            var nested = new Context(c.Digest, c.Sink, Expression.Variable(typeof(int), "depth"));
            return Expression.Block([nested.Depth], Expression.Assign(nested.Depth, next), Guard(nested.Depth), Fields(nested, value));
        }
        if (!type.IsValueType && type.IsSealed && !typeof(Delegate).IsAssignableFrom(type) && PlanFor(type) is { Shortcut: false } plan)
        {
            var held = Expression.Variable(type, "held");
            return Expression.Block([held], Expression.Assign(held, value),
                Expression.IfThenElse(Expression.Equal(held, Expression.Constant(null, type)),
                    Call(c, nameof(Sink.Tag), Expression.Constant('N')),
                    Expression.Call(Expression.Constant(plan), typeof(Plan).GetMethod(nameof(Plan.Write))!, c.Digest, c.Sink, held, next)));
        }
        return Expression.Call(c.Digest, typeof(ObjectDigest).GetMethod(nameof(Walk), BindingFlags.NonPublic | BindingFlags.Instance)!,
            c.Sink, Expression.Convert(value, typeof(object)), next);
    }

    private static Expression ScalarCall(ParameterExpression sink, Expression value)
    {
        var type = value.Type;
        if (type.IsEnum)
        {
            var underlying = Enum.GetUnderlyingType(type);
            Expression bits = underlying == typeof(ulong) ? Expression.Convert(Expression.Convert(value, typeof(ulong)), typeof(long))
                : Expression.Convert(Expression.Convert(value, underlying), typeof(long));
            return Expression.Call(typeof(ObjectDigest).GetMethod(nameof(WriteEnum), BindingFlags.NonPublic | BindingFlags.Static)!,
                sink, Expression.Constant(Encoded(type.FullName ?? type.Name)), bits);
        }
        var method = typeof(ObjectDigest).GetMethod(nameof(WriteScalar), BindingFlags.NonPublic | BindingFlags.Static, [typeof(Sink), type])
            ?? throw new InvalidOperationException("no writer for " + type);
        return Expression.Call(method, sink, value);
    }

    private static Expression Call(Context c, string method, params Expression[] args) =>
        Expression.Call(c.Sink, typeof(Sink).GetMethod(method, args.Select(a => a.Type).ToArray())!, args);

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(Guid);

    // ---- Scalars: each behind a tag naming its type, in binary, so 1 and 1L or "1" never read the same.

    private static void WriteString(Sink sink, string? s)
    {
        if (s is null) { sink.Tag('N'); return; }
        sink.Tag('S');
        sink.Text(s);
    }

    private static void WriteEnum(Sink sink, byte[] name, long value)
    {
        sink.Tag('E');
        sink.Raw(name);
        sink.Int64(value);
    }

    /// <summary>A boxed scalar or enum (a value held as an object).</summary>
    private static void Scalar(Sink sink, object value)
    {
        switch (value)
        {
            case bool b: WriteScalar(sink, b); return;
            case int i: WriteScalar(sink, i); return;
            case long l: WriteScalar(sink, l); return;
            case double d: WriteScalar(sink, d); return;
            case float f: WriteScalar(sink, f); return;
            case char c: WriteScalar(sink, c); return;
            case short s: WriteScalar(sink, s); return;
            case byte b: WriteScalar(sink, b); return;
            case sbyte b: WriteScalar(sink, b); return;
            case uint u: WriteScalar(sink, u); return;
            case ushort u: WriteScalar(sink, u); return;
            case ulong u: WriteScalar(sink, u); return;
            case decimal m: WriteScalar(sink, m); return;
            case DateTime t: WriteScalar(sink, t); return;
            case DateOnly t: WriteScalar(sink, t); return;
            case TimeSpan t: WriteScalar(sink, t); return;
            case DateTimeOffset t: WriteScalar(sink, t); return;
            case Guid g: WriteScalar(sink, g); return;
            case nint n: WriteScalar(sink, n); return;
            case nuint n: WriteScalar(sink, n); return;
            case Enum e:
                var type = e.GetType();
                WriteEnum(sink, Encoded(type.FullName ?? type.Name),
                    Enum.GetUnderlyingType(type) == typeof(ulong) ? unchecked((long)Convert.ToUInt64(e)) : Convert.ToInt64(e));
                return;
            default: throw new NotDigestibleException($"cannot vouch for the content of {value.GetType().FullName}");
        }
    }

    private static void WriteScalar(Sink sink, bool b) => sink.Tag(b ? 'T' : 'F');
    private static void WriteScalar(Sink sink, int i) { sink.Tag('i'); sink.Int64(i); }
    private static void WriteScalar(Sink sink, long l) { sink.Tag('l'); sink.Int64(l); }
    // The bits, not a rounded text: two doubles that print alike may not be alike.
    private static void WriteScalar(Sink sink, double d) { sink.Tag('D'); sink.Int64(BitConverter.DoubleToInt64Bits(d)); }
    private static void WriteScalar(Sink sink, float f) { sink.Tag('f'); sink.Int64(BitConverter.SingleToInt32Bits(f)); }
    private static void WriteScalar(Sink sink, char c) { sink.Tag('C'); sink.Int64(c); }
    private static void WriteScalar(Sink sink, short s) { sink.Tag('s'); sink.Int64(s); }
    private static void WriteScalar(Sink sink, byte b) { sink.Tag('b'); sink.Int64(b); }
    private static void WriteScalar(Sink sink, sbyte b) { sink.Tag('y'); sink.Int64(b); }
    private static void WriteScalar(Sink sink, uint u) { sink.Tag('u'); sink.Int64(u); }
    private static void WriteScalar(Sink sink, ushort u) { sink.Tag('w'); sink.Int64(u); }
    private static void WriteScalar(Sink sink, ulong u) { sink.Tag('U'); sink.Int64(unchecked((long)u)); }
    private static void WriteScalar(Sink sink, nint n) { sink.Tag('n'); sink.Int64(n); }
    private static void WriteScalar(Sink sink, nuint n) { sink.Tag('v'); sink.Int64(unchecked((long)n)); }

    /// <summary>Its four parts keep the scale: 1.0 and 1.00 print differently, so they must digest differently.</summary>
    private static void WriteScalar(Sink sink, decimal m)
    {
        sink.Tag('M');
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(m, bits);
        foreach (var part in bits) sink.Int64(part);
    }

    private static void WriteScalar(Sink sink, DateTime t) { sink.Tag('t'); sink.Int64(t.Ticks); sink.Int64((int)t.Kind); }
    private static void WriteScalar(Sink sink, DateOnly t) { sink.Tag('o'); sink.Int64(t.DayNumber); }
    private static void WriteScalar(Sink sink, TimeSpan t) { sink.Tag('p'); sink.Int64(t.Ticks); }
    private static void WriteScalar(Sink sink, DateTimeOffset t) { sink.Tag('z'); sink.Int64(t.Ticks); sink.Int64(t.Offset.Ticks); }
    private static void WriteScalar(Sink sink, Guid g) { sink.Tag('g'); sink.Text(g.ToString("N")); }

    /// <summary>A name as it goes into the hash: its UTF-8 bytes behind their length, so names cannot run into each other.</summary>
    private static byte[] Encoded(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        var framed = new byte[bytes.Length + 4];
        BinaryPrimitives.WriteInt32LittleEndian(framed, bytes.Length);
        bytes.CopyTo(framed, 4);
        return framed;
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

    /// <summary>
    /// Feeds the hash through a buffer: millions of small values, one hash call per 64 KB. The buffer is pooled and the
    /// hash state made only once a digest outgrows it: an incremental build digests every passage on its own (tens of
    /// thousands of small digests), and a fresh 64 KB buffer and hash context each was most of that cost. Chunking does not
    /// change a SHA-256, so the digest is the same either way.
    /// </summary>
    private sealed class Sink
    {
        private IncrementalHash? hash;
        private byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        private int used;

        public void Tag(char c)
        {
            if (used + 1 > buffer.Length) Flush();
            buffer[used++] = (byte)c;
        }

        public void Int64(long value)
        {
            if (used + 8 > buffer.Length) Flush();
            BinaryPrimitives.WriteInt64LittleEndian(buffer.AsSpan(used), value);
            used += 8;
        }

        /// <summary>Bytes already framed (<see cref="Encoded"/>).</summary>
        public void Raw(byte[] bytes) => Bytes(bytes);

        /// <summary>A string as its UTF-16 code units behind their count: no transcoding, and as exact as the string.</summary>
        public void Text(string s)
        {
            if (used + 4 > buffer.Length) Flush();
            BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(used), s.Length);
            used += 4;
            Bytes(MemoryMarshal.AsBytes(s.AsSpan()));
        }

        private void Bytes(ReadOnlySpan<byte> bytes)
        {
            if (used + bytes.Length > buffer.Length)
            {
                Flush();
                if (bytes.Length > buffer.Length)
                {
                    hash!.AppendData(bytes);
                    return;
                }
            }
            bytes.CopyTo(buffer.AsSpan(used));
            used += bytes.Length;
        }

        private void Flush()
        {
            hash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(buffer, 0, used);
            used = 0;
        }

        public string Finish()
        {
            Span<byte> digest = stackalloc byte[32];
            if (hash is null) SHA256.HashData(buffer.AsSpan(0, used), digest);
            else
            {
                Flush();
                hash.GetHashAndReset(digest);
            }
            return Convert.ToHexStringLower(digest);
        }

        /// <summary>Returns the buffer to the pool, also when the walk was refused half way.</summary>
        public void Release()
        {
            hash?.Dispose();
            hash = null;
            if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }
    }
}
