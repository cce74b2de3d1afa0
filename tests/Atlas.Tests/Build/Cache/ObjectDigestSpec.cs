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
    public void A_delegate_a_foreign_object_or_a_cycle_is_refused()
    {
        var digest = new ObjectDigest(own: typeof(ObjectDigestSpec).Assembly);
        Assert.Throws<NotDigestibleException>(() => digest.Of(new Holder([], new Func<int>(() => 1))));
        Assert.Throws<NotDigestibleException>(() => digest.Of(new Holder([], new MemoryStream())));
        var cycle = new List<object>();
        cycle.Add(cycle);
        Assert.Throws<NotDigestibleException>(() => digest.Of(cycle));
    }

    [Fact]
    public void A_shortcut_stands_for_an_object_whose_content_is_digested_elsewhere()
    {
        var digest = new ObjectDigest(o => o is Base b ? "base:" + b.Name : null, typeof(ObjectDigestSpec).Assembly);
        Assert.Equal(digest.Of(new Holder([new Base("x")], null)), digest.Of(new Holder([new Derived("x", 5)], null)));
    }
}
