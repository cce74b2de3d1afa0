using System.Linq.Expressions;
using System.Reflection;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Atlas.Render.Templates;

/// <summary>
/// Member reads on the generator's own view models through compiled getters. Scriban's accessor for a plain object reads
/// each member with reflection (<c>PropertyInfo.GetValue</c>), and a programme page reads a few thousand members. Everything
/// else — which members exist and under which names, writes, indexers — stays with Scriban's own accessor
/// (<paramref name="scriban"/>), so templates see exactly the members they saw before.
/// </summary>
internal sealed class CompiledMemberAccessor(IObjectAccessor scriban, IReadOnlyDictionary<string, Func<object, object?>> getters) : IObjectAccessor
{
    /// <summary>The accessor for <paramref name="type"/>, its getters compiled once per type in <paramref name="compiled"/>
    /// (shared by the pooled contexts of one template cache, which list members alike).</summary>
    public static CompiledMemberAccessor For(Type type, IObjectAccessor scriban, TemplateContext context, object target,
        System.Collections.Concurrent.ConcurrentDictionary<Type, IReadOnlyDictionary<string, Func<object, object?>>> compiled) =>
        new(scriban, compiled.GetOrAdd(type, static (type, arg) => Getters(type, arg.scriban, arg.context, arg.target), (scriban, context, target)));

    /// <summary>Getters for the members Scriban lists for <paramref name="type"/>, each found as Scriban finds it: fields then
    /// properties of each type from the most derived up, the first member renamed to a name winning.</summary>
    private static IReadOnlyDictionary<string, Func<object, object?>> Getters(Type type, IObjectAccessor scriban, TemplateContext context, object target)
    {
        var names = new HashSet<string>(scriban.GetMembers(context, new SourceSpan(), target), StringComparer.Ordinal);
        var getters = new Dictionary<string, Func<object, object?>>(StringComparer.Ordinal);
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            var members = t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsLiteral && f.GetCustomAttribute<ScriptMemberIgnoreAttribute>() is null).Cast<MemberInfo>()
                .Concat(t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
                    .Where(p => p.GetMethod is { IsPublic: true, IsStatic: false } && p.GetIndexParameters().Length == 0
                                && p.GetCustomAttribute<ScriptMemberIgnoreAttribute>() is null));
            foreach (var member in members)
            {
                var name = context.MemberRenamer(member);
                if (string.IsNullOrEmpty(name)) name = member.Name;
                if (!names.Contains(name) || getters.ContainsKey(name)) continue;
                getters[name] = Getter(t, member);
            }
        }
        return getters;
    }

    /// <summary>
    /// A property of a class is read through a delegate bound to its getter, inside a generic reader: no code is generated
    /// for it (a compiled expression per member was several hundred methods to JIT-compile in every build, each costing
    /// more than all the reads it then served on small sites). Fields and members of structs are compiled.
    /// </summary>
    private static Func<object, object?> Getter(Type declaring, MemberInfo member)
    {
        if (member is PropertyInfo { GetMethod: { } get } property && !declaring.IsValueType)
        {
            // Made without constructor arguments: reflection invokes a constructor that takes some through a stub it
            // generates per type, which would be code generated per member again.
            var reader = (IReader)Activator.CreateInstance(typeof(PropertyReader<,>).MakeGenericType(declaring, property.PropertyType))!;
            reader.Bind(get);
            return reader.Read;
        }
        var o = Expression.Parameter(typeof(object));
        var read = Expression.PropertyOrField(Expression.Convert(o, declaring), member.Name);
        return Expression.Lambda<Func<object, object?>>(BoxedRead(read), o).Compile();
    }

    private interface IReader
    {
        void Bind(MethodInfo getter);
        object? Read(object target);
    }

    private sealed class PropertyReader<T, TValue> : IReader where T : class
    {
        private Func<T, TValue> get = null!;

        public void Bind(MethodInfo getter) => get = getter.CreateDelegate<Func<T, TValue>>();

        public object? Read(object target) => Boxed(get((T)target));
    }

    /// <summary>The member's value as an object: flags and small numbers as shared boxes, since a programme page reads
    /// such members of every passage (a new box per read was tens of megabytes per build); anything else boxed as usual.
    /// Per instantiation the JIT keeps one branch.</summary>
    private static object? Boxed<TValue>(TValue value)
    {
        if (typeof(TValue) == typeof(bool)) return (bool)(object)value! ? True : False;
        if (typeof(TValue) == typeof(int)) return Box((int)(object)value!);
        return value;
    }

    /// <summary><see cref="Boxed{TValue}"/> of a compiled read (fields, members of structs).</summary>
    private static Expression BoxedRead(Expression read) =>
        Expression.Call(typeof(CompiledMemberAccessor).GetMethod(nameof(Boxed), 1, BindingFlags.NonPublic | BindingFlags.Static, null,
            [Type.MakeGenericMethodParameter(0)], null)!.MakeGenericMethod(read.Type), read);

    private static readonly object True = true, False = false;
    private static readonly object[] SmallInts = Enumerable.Range(0, 256).Select(i => (object)i).ToArray();

    private static object Box(int value) => (uint)value < (uint)SmallInts.Length ? SmallInts[value] : value;

    public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
    {
        if (getters.TryGetValue(member, out var get))
        {
            value = get(target);
            return true;
        }
        return scriban.TryGetValue(context, span, target, member, out value);
    }

    public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => scriban.GetMemberCount(context, span, target);
    public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target) => scriban.GetMembers(context, span, target);
    public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) => scriban.HasMember(context, span, target, member);
    public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) => scriban.TrySetValue(context, span, target, member, value);
    public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object value) => scriban.TryGetItem(context, span, target, index, out value);
    public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) => scriban.TrySetItem(context, span, target, index, value);
    public bool HasIndexer => scriban.HasIndexer;
    public Type IndexType => scriban.IndexType;
}
