using Atlas.Build.Cache;

namespace Atlas.Tests.Build.Cache;

/// <summary>
/// The digest of a page's view model: equal only when the data is equal, read through the runtime type (a record held
/// as an interface or a base type still counts with all its fields), and refused for what it cannot vouch for.
/// </summary>
public class ObjectDigestSpec
{
    private interface IShape;
    private record Base(string Name) : IShape;
    private sealed record Derived(string Name, int Extra) : Base(Name);
    private sealed record Holder(IReadOnlyList<IShape> Shapes, object? Any);
    private sealed record Typed(IReadOnlyList<Derived> Items, int Number, int? Maybe, KeyValuePair<string, double> Pair);
    private sealed record Loose(IReadOnlyList<object> Items, object Number, object? Maybe, object Pair);
    private sealed class Loop { public Loop? Next; }

    [Fact]
    public void Equal_data_gives_equal_digests_and_any_difference_changes_it()
    {
        var digest = new ObjectDigest(own: typeof(ObjectDigestSpec).Assembly);
        var a = new Holder([new Derived("x", 1), new Base("y")], new Dictionary<string, int> { ["k"] = 1 });
        var same = new Holder([new Derived("x", 1), new Base("y")], new Dictionary<string, int> { ["k"] = 1 });
        Assert.Equal(digest.Of(a), digest.Of(same));
        Assert.NotEqual(digest.Of(a), digest.Of(a with { Shapes = [new Derived("x", 2), new Base("y")] })); // a field only the runtime type has
        Assert.NotEqual(digest.Of(a), digest.Of(a with { Shapes = [new Base("y"), new Derived("x", 1)] }));
        Assert.NotEqual(digest.Of(a), digest.Of(a with { Any = new Dictionary<string, int> { ["k"] = 2 } }));
        Assert.NotEqual(digest.Of(a), digest.Of(a with { Shapes = [new Base("x"), new Base("y")] }));
        Assert.NotEqual(digest.Of("ab", "c"), digest.Of("a", "bc"));
        Assert.NotEqual(digest.Of((string?)null), digest.Of(""));
        Assert.NotEqual(digest.Of(1), digest.Of(1L));
        Assert.NotEqual(digest.Of(0.1), digest.Of(0.1000000001));
    }

    [Fact]
    public void A_value_digests_the_same_whether_its_type_is_known_from_the_field_or_only_at_run_time()
    {
        // Typed fields and lists are written without boxing; the bytes must be those of the same values held as objects.
        // (An array passed alone would be taken as the params list itself, hence the casts.)
        var digest = new ObjectDigest(own: typeof(ObjectDigestSpec).Assembly);
        Assert.Equal(digest.Of(new List<int> { 1, 2 }), digest.Of((object)new object[] { 1, 2 }));
        Assert.Equal(digest.Of((object)new[] { new Derived("x", 1) }), digest.Of(new List<object> { new Derived("x", 1) }));
        Assert.Equal(digest.Of(new List<KeyValuePair<string, double>> { new("k", 0.5) }), digest.Of((object)new object[] { new KeyValuePair<string, double>("k", 0.5) }));
        Assert.Equal(digest.Of(new List<int?> { 3, null }), digest.Of((object)new object?[] { 3, null }));
        var typed = new Typed([new Derived("x", 1)], 7, null, new("k", 0.5));
        Assert.NotEqual(digest.Of(typed), digest.Of(typed with { Maybe = 0 }));
        Assert.NotEqual(digest.Of(typed), digest.Of(typed with { Pair = new("k", 0.25) }));
        Assert.NotEqual(digest.Of(typed), digest.Of(typed with { Items = [new Derived("x", 2)] }));
        Assert.NotEqual(digest.Of(typed), digest.Of(typed with { Items = [] }));
        // Two types holding the same values are still two types.
        Assert.NotEqual(digest.Of(typed), digest.Of(new Loose([new Derived("x", 1)], 7, null, new KeyValuePair<string, double>("k", 0.5))));
    }

    [Fact]
    public void A_delegate_a_foreign_object_or_a_cycle_is_refused()
    {
        var digest = new ObjectDigest(own: typeof(ObjectDigestSpec).Assembly);
        Assert.Throws<NotDigestibleException>(() => digest.Of(new Holder([], new Func<int>(() => 1))));
        Assert.Throws<NotDigestibleException>(() => digest.Of(new Holder([], new MemoryStream())));
        var cycle = new List<object>();
        cycle.Add(cycle);
        Assert.Throws<NotDigestibleException>(() => digest.Of(cycle));
        var loop = new Loop(); // a sealed class is written through its own plan, not through the run-time walk
        loop.Next = loop;
        Assert.Throws<NotDigestibleException>(() => digest.Of(loop));
        Assert.Throws<NotDigestibleException>(() => digest.Of(new[] { new Func<int>(() => 1) }));
    }

    [Fact]
    public void A_shortcut_stands_for_an_object_whose_content_is_digested_elsewhere()
    {
        var digest = new ObjectDigest(o => o is Base b ? "base:" + b.Name : null, typeof(ObjectDigestSpec).Assembly);
        Assert.Equal(digest.Of(new Holder([new Base("x")], null)), digest.Of(new Holder([new Derived("x", 5)], null)));
    }

    [Fact]
    public void The_shortcut_is_asked_only_about_the_types_it_may_stand_for()
    {
        var digest = new ObjectDigest(_ => "same", typeof(ObjectDigestSpec).Assembly, shortcutTypes: t => t == typeof(Base));
        Assert.Equal(digest.Of(new Holder([new Base("x")], null)), digest.Of(new Holder([new Base("y")], null)));
        Assert.NotEqual(digest.Of(new Holder([new Derived("x", 1)], null)), digest.Of(new Holder([new Derived("x", 2)], null)));
        // The object digested for itself is walked, never replaced by its own shortcut.
        Assert.NotEqual(digest.OfContents(new Base("x")), digest.OfContents(new Base("y")));
    }
}
