using Atlas.Analysis;

namespace Atlas.Tests.Analysis;

public class TextMemoSpec
{
    [Fact]
    public void A_text_read_once_is_remembered_with_what_was_read()
    {
        var memo = new TextMemo<int[]>();
        Assert.False(memo.TryGet("Phát triển công nghiệp", out _));
        var read = new[] { 1, 2 };
        memo.Remember("Phát triển công nghiệp", read);
        Assert.True(memo.TryGet("Phát triển công nghiệp", out var known));
        Assert.Same(read, known);
        Assert.False(memo.TryGet("Phát triển nông nghiệp", out _));
    }

    [Fact]
    public void Past_its_capacity_it_remembers_nothing_more_and_a_text_met_again_counts_once()
    {
        var memo = new TextMemo<string>(capacity: 3);
        memo.Remember("a", "1");
        memo.Remember("a", "1"); // the same text again: not a second entry
        memo.Remember("b", "2");
        memo.Remember("c", "3");
        memo.Remember("d", "4");
        Assert.True(memo.TryGet("c", out var c) && c == "3");
        Assert.False(memo.TryGet("d", out _));
    }

    [Fact]
    public void Workers_remembering_at_once_never_go_past_the_capacity()
    {
        var memo = new TextMemo<int>(capacity: 1000);
        Parallel.For(0, 20_000, i => memo.Remember("text " + i % 5000, i % 5000));
        int remembered = Enumerable.Range(0, 5000).Count(i => memo.TryGet("text " + i, out var v) && v == i);
        Assert.InRange(remembered, 1, 1000);
    }
}
