using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
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
/// One instance per build (it keeps a writer per type); thread-safe.
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

    /// <summary>
    /// <see cref="Walk(Sink, object?, int)"/> for one place in a writer (a field, a collection's items), remembering the plan
    /// of the last runtime type met there: a field or a list nearly always holds one type, and looking the plan up by type
    /// for every value was a good part of a digest's time. The pair is one immutable object: threads never read a torn pair.
    /// </summary>
    private void Walk(Sink sink, object? value, int depth, ref LastPlan? last)
    {
        if (value is null or string)
        {
            WriteString(sink, (string?)value);
            return;
        }
        var type = value.GetType();
        var seen = last;
        Plan plan;
        if (seen is not null && ReferenceEquals(seen.Type, type)) plan = seen.Plan;
        else last = new LastPlan(type, plan = PlanFor(type));
        if (plan.Shortcut && shortcut!(value) is { } known) { sink.Tag('K'); sink.Text(known); return; }
        plan.Write(this, sink, value, depth);
    }

    private sealed record LastPlan(Type Type, Plan Plan);

    private Plan PlanFor(Type type) => plans.GetOrAdd(type, static (type, self) => new Plan(type,
        !type.IsValueType && self.shortcut is not null && (self.shortcutTypes?.Invoke(type) ?? true)), this);

    /// <summary>
    /// How values of one runtime type are written: a writer made on first use (so a type may hold itself), the bytes
    /// of a scalar, a collection's items or a record's fields. A refused type (a delegate, a foreign class) throws when a
    /// value of it is met.
    /// </summary>
    private sealed class Plan(Type type, bool shortcut)
    {
        private Writer? write;

        public Type Type { get; } = type;

        /// <summary>Whether the digest's shortcut is asked about values of this type.</summary>
        public bool Shortcut { get; } = shortcut;

        public void Write(ObjectDigest digest, Sink sink, object value, int depth) =>
            (Volatile.Read(ref write) ?? Make(digest)).Write(digest, sink, value, depth);

        private Writer Make(ObjectDigest digest)
        {
            lock (this)
            {
                if (write is null) Volatile.Write(ref write, digest.WriterOf(Type));
                return write;
            }
        }
    }

    /// <summary>
    /// Writes a value of one runtime type at a depth. Made of plain objects and delegates bound to property getters, no code
    /// generated per type: a compiled expression per type was ~130 dynamic methods for the JIT in every build with the cache
    /// on, and compiling them cost more than the walks they then ran.
    /// </summary>
    private abstract class Writer
    {
        public abstract void Write(ObjectDigest digest, Sink sink, object value, int depth);

        /// <summary>A graph deeper than any model is a cycle (or not a model): refused rather than walked forever.</summary>
        protected static void Guard(int depth)
        {
            if (depth > MaxDepth) throw new NotDigestibleException("object graph too deep (a cycle?)");
        }
    }

    private sealed class Refused(string why) : Writer
    {
        public override void Write(ObjectDigest digest, Sink sink, object value, int depth) => throw new NotDigestibleException(why);
    }

    private sealed class BoxedScalar : Writer
    {
        public static readonly BoxedScalar Instance = new();

        public override void Write(ObjectDigest digest, Sink sink, object value, int depth) => Scalar(sink, value);
    }

    private Writer WriterOf(Type type)
    {
        try
        {
            if (typeof(Delegate).IsAssignableFrom(type)) return new Refused("a delegate's effect cannot be digested");
            if (IsScalar(type) || type.IsEnum) return BoxedScalar.Instance;
            if (typeof(IEnumerable).IsAssignableFrom(type) && (type.Assembly != ownAssembly || type.IsArray || IsIterator(type)))
                return type.Assembly != ownAssembly && !IsTrustedCollection(type) ? new Refused($"unknown collection type {type.FullName}") : Items(type);
            if (type.Assembly != ownAssembly && !IsTrustedStruct(type)) return new Refused($"cannot vouch for the content of {type.FullName}");
            return Fields(type);
        }
        catch (NotDigestibleException e)
        {
            return new Refused(e.Message);
        }
    }

    /// <summary>A collection: '[', its items in enumeration order, ']'. Items of a known type are written without boxing.</summary>
    private static Writer Items(Type type)
    {
        var itemTypes = type.IsArray ? [type.GetElementType()!] : type.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .Select(i => i.GetGenericArguments()[0]).ToList();
        // One IEnumerable<T>: its items have a static type. Several (or none): enumerated as objects.
        if (itemTypes.Count != 1 || itemTypes[0].IsPointer || itemTypes[0].IsByRefLike) return new ObjectItems();
        var item = itemTypes[0];
        if (item == typeof(string)) return new StringItems();
        return (Writer)Activator.CreateInstance((item.IsValueType ? typeof(ValueItems<>) : typeof(ReferenceItems<>)).MakeGenericType(item))!;
    }

    private sealed class StringItems : Writer
    {
        public override void Write(ObjectDigest digest, Sink sink, object value, int depth)
        {
            Guard(depth);
            sink.Tag('[');
            foreach (var item in Unsafe.As<IEnumerable<string?>>(value)) WriteString(sink, item);
            sink.Tag(']');
        }
    }

    /// <summary>Items of a reference type: one compiled writer for all of them (the runtime type decides how each is written).</summary>
    private sealed class ReferenceItems<T> : Writer where T : class
    {
        private LastPlan? last;

        public override void Write(ObjectDigest digest, Sink sink, object value, int depth)
        {
            Guard(depth);
            sink.Tag('[');
            // The plan is made for this runtime type, which implements IEnumerable<T>: no cast to check.
            foreach (var item in Unsafe.As<IEnumerable<T>>(value)) digest.Walk(sink, item, depth + 1, ref last);
            sink.Tag(']');
        }
    }

    /// <summary>Items of a value type, written without a box when they are scalars.</summary>
    private sealed class ValueItems<T> : Writer
    {
        public override void Write(ObjectDigest digest, Sink sink, object value, int depth)
        {
            Guard(depth);
            sink.Tag('[');
            foreach (var item in (IEnumerable<T>)value) Typed<T>.Write(digest, sink, item, depth + 1);
            sink.Tag(']');
        }
    }

    private sealed class ObjectItems : Writer
    {
        public override void Write(ObjectDigest digest, Sink sink, object value, int depth)
        {
            Guard(depth);
            sink.Tag('[');
            var items = ((IEnumerable)value).GetEnumerator();
            try
            {
                while (items.MoveNext()) digest.Walk(sink, items.Current, depth + 1);
            }
            finally { (items as IDisposable)?.Dispose(); }
            sink.Tag(']');
        }
    }

    /// <summary>
    /// A value of a known value type <typeparamref name="T"/> (nullables included), written as Walk writes it boxed: scalars, enums and
    /// nullable scalars without a box, anything else boxed through Walk (the same bytes either way). The JIT keeps one branch.
    /// </summary>
    private static class Typed<T>
    {
        // The enum's name as it goes into the hash (null for any other type).
        private static readonly byte[]? EnumName = typeof(T).IsEnum ? Encoded(typeof(T).FullName ?? typeof(T).Name) : null;
        private static readonly TypeCode EnumCode = typeof(T).IsEnum ? Type.GetTypeCode(Enum.GetUnderlyingType(typeof(T))) : TypeCode.Empty;

        public static void Write(ObjectDigest digest, Sink sink, T value, int depth)
        {
            if (typeof(T) == typeof(bool)) WriteScalar(sink, (bool)(object)value);
            else if (typeof(T) == typeof(int)) WriteScalar(sink, (int)(object)value);
            else if (typeof(T) == typeof(long)) WriteScalar(sink, (long)(object)value);
            else if (typeof(T) == typeof(double)) WriteScalar(sink, (double)(object)value);
            else if (typeof(T) == typeof(decimal)) WriteScalar(sink, (decimal)(object)value);
            else if (typeof(T).IsEnum) WriteEnum(sink, EnumName!, EnumBits(value));
            else if (typeof(T) == typeof(int?)) { if ((int?)(object)value is { } i) WriteScalar(sink, i); else sink.Tag('N'); }
            else if (typeof(T) == typeof(double?)) { if ((double?)(object)value is { } d) WriteScalar(sink, d); else sink.Tag('N'); }
            else if (typeof(T) == typeof(decimal?)) { if ((decimal?)(object)value is { } m) WriteScalar(sink, m); else sink.Tag('N'); }
            else if (typeof(T) == typeof(bool?)) { if ((bool?)(object)value is { } b) WriteScalar(sink, b); else sink.Tag('N'); }
            else digest.Walk(sink, value, depth); // boxed: other scalars, structs, nullables (null reads 'N' as before)
        }

        /// <summary>The enum's bits as a long, as its underlying type converts (signed types sign-extended).</summary>
        private static long EnumBits(T value) => EnumCode switch
        {
            TypeCode.Int32 => Unsafe.As<T, int>(ref value),
            TypeCode.UInt32 => Unsafe.As<T, uint>(ref value),
            TypeCode.Int64 => Unsafe.As<T, long>(ref value),
            TypeCode.UInt64 => unchecked((long)Unsafe.As<T, ulong>(ref value)),
            TypeCode.Int16 => Unsafe.As<T, short>(ref value),
            TypeCode.UInt16 => Unsafe.As<T, ushort>(ref value),
            TypeCode.Byte => Unsafe.As<T, byte>(ref value),
            TypeCode.SByte => Unsafe.As<T, sbyte>(ref value),
            _ => throw new NotDigestibleException($"enum {typeof(T).FullName} has no integral underlying type"),
        };
    }

    /// <summary>
    /// A record: '{', the id of its type, each field's value, '}'. The type id hashes the type's name and its fields' names
    /// and types in the order written, so a record's fields need no names of their own in the digest. Fields are walked in
    /// name order from the most derived type up.
    /// </summary>
    private static Writer Fields(Type type)
    {
        var layout = new StringBuilder(type.FullName ?? type.Name);
        var readers = new List<FieldReader>();
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
            foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                         .OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                if (f.FieldType.IsPointer || f.FieldType.IsByRefLike) throw new NotDigestibleException($"{type.FullName}.{f.Name} cannot be read");
                layout.Append('\n').Append(t.FullName).Append('.').Append(f.Name).Append(':').Append(f.FieldType.FullName ?? f.FieldType.Name);
                readers.Add(Reader(t, f));
            }
        return new RecordWriter(SHA256.HashData(Encoding.UTF8.GetBytes(layout.ToString()))[..16], [.. readers]);
    }

    private sealed class RecordWriter(byte[] id, FieldReader[] fields) : Writer
    {
        public override void Write(ObjectDigest digest, Sink sink, object value, int depth)
        {
            Guard(depth);
            sink.Tag('{');
            sink.Raw(id);
            foreach (var field in fields) field.Write(digest, sink, value, depth + 1);
            sink.Tag('}');
        }
    }

    /// <summary>Writes one field of a record held at the depth below.</summary>
    private abstract class FieldReader
    {
        public abstract void Write(ObjectDigest digest, Sink sink, object record, int depth);
    }

    /// <summary>
    /// A field is read through the getter of the auto-property it backs (a record's members), bound as a delegate inside a
    /// generic reader: classes and values of reference types share one compiled reader. Any other field (a struct's, a
    /// field declared as such) is read by reflection, boxed, and written as Walk writes it: the same bytes.
    /// </summary>
    private static FieldReader Reader(Type declaring, FieldInfo field)
    {
        if (!declaring.IsValueType && BackedProperty(declaring, field) is { } get)
        {
            var reader = (PropertyField)Activator.CreateInstance(field.FieldType == typeof(string)
                ? typeof(StringProperty<>).MakeGenericType(declaring)
                : (field.FieldType.IsValueType ? typeof(ValueProperty<,>) : typeof(ReferenceProperty<,>)).MakeGenericType(declaring, field.FieldType))!;
            reader.Bind(get);
            return reader;
        }
        return new ReflectedField(field);
    }

    /// <summary>The compiler-made getter of the auto-property that <paramref name="field"/> backs, if it is one.</summary>
    private static MethodInfo? BackedProperty(Type declaring, FieldInfo field)
    {
        const string suffix = ">k__BackingField";
        if (!field.Name.StartsWith('<') || !field.Name.EndsWith(suffix, StringComparison.Ordinal)) return null;
        var name = field.Name[1..^suffix.Length];
        var property = declaring.GetProperty(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
        // A getter an override could replace would not read this field: only one that is not virtual (or is final) stands for it.
        return property is { GetMethod: { } get } && property.PropertyType == field.FieldType && property.GetIndexParameters().Length == 0
               && get.IsDefined(typeof(CompilerGeneratedAttribute), false) && (!get.IsVirtual || get.IsFinal)
            ? get : null;
    }

    private abstract class PropertyField : FieldReader
    {
        public abstract void Bind(MethodInfo getter);
    }

    // The record is of the plan's runtime type, which declares or inherits the property: no cast to check (a checked cast
    // to a type parameter costs a lookup in code shared by all reference types).
    private sealed class ReferenceProperty<TRecord, TValue> : PropertyField where TRecord : class where TValue : class
    {
        private Func<TRecord, TValue?> get = null!;
        private LastPlan? last;

        public override void Bind(MethodInfo getter) => get = getter.CreateDelegate<Func<TRecord, TValue?>>();

        public override void Write(ObjectDigest digest, Sink sink, object record, int depth) =>
            digest.Walk(sink, get(Unsafe.As<TRecord>(record)), depth, ref last);
    }

    /// <summary>Most of a model's fields are strings: written straight, without asking their type.</summary>
    private sealed class StringProperty<TRecord> : PropertyField where TRecord : class
    {
        private Func<TRecord, string?> get = null!;

        public override void Bind(MethodInfo getter) => get = getter.CreateDelegate<Func<TRecord, string?>>();

        public override void Write(ObjectDigest digest, Sink sink, object record, int depth) => WriteString(sink, get(Unsafe.As<TRecord>(record)));
    }

    private sealed class ValueProperty<TRecord, TValue> : PropertyField where TRecord : class
    {
        private Func<TRecord, TValue> get = null!;

        public override void Bind(MethodInfo getter) => get = getter.CreateDelegate<Func<TRecord, TValue>>();

        public override void Write(ObjectDigest digest, Sink sink, object record, int depth) =>
            Typed<TValue>.Write(digest, sink, get(Unsafe.As<TRecord>(record)), depth);
    }

    private sealed class ReflectedField(FieldInfo field) : FieldReader
    {
        public override void Write(ObjectDigest digest, Sink sink, object record, int depth) => digest.Walk(sink, field.GetValue(record), depth);
    }

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
