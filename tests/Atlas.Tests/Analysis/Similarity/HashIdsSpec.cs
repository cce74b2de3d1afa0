using Atlas.Analysis.Similarity;

namespace Atlas.Tests.Analysis.Similarity;

/// <summary>The similarity analyses number word hashes by first sight; the table must agree with a Dictionary doing so.</summary>
public class HashIdsSpec
{
    [Fact]
    public void Ids_are_given_in_first_seen_order_through_growth_and_clearing()
    {
        var table = new HashIds(4);
        var reference = new Dictionary<ulong, int>();
        var random = new Random(7);
        // Many keys (the table grows several times), repeats, zero, and keys alike in their low or high bits.
        var keys = Enumerable.Range(0, 20_000).Select(i => i % 3 == 0 ? (ulong)random.NextInt64() : i % 3 == 1 ? (ulong)(i / 7) << 40 : (ulong)(i / 5)).ToList();
        foreach (var key in keys)
        {
            bool isNew = !reference.TryGetValue(key, out var expected);
            if (isNew) reference[key] = expected = reference.Count;
            Assert.Equal(expected, table.Id(key, out var added));
            Assert.Equal(isNew, added);
        }
        Assert.Equal(reference.Count, table.Count);
        Assert.Equal(reference.OrderBy(kv => kv.Value).Select(kv => kv.Key), table.Keys.ToArray());
        Assert.All(reference, kv => Assert.Equal(kv.Value, table.Find(kv.Key)));
        Assert.Equal(-1, table.Find(ulong.MaxValue - 12345));

        table.Clear(); // shrinks back after having grown
        Assert.Equal(0, table.Count);
        Assert.Equal(-1, table.Find(keys[0]));
        Assert.Equal(0, table.Id(42, out var first));
        Assert.True(first);
        Assert.Equal(0, table.Id(42, out var again));
        Assert.False(again);
    }
}
