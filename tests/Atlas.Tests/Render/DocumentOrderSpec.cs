using AngleSharp.Html.Parser;
using Atlas.Model;
using Atlas.Render.Pages;
using Atlas.Tests.Ingest;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Render;

/// <summary>The programme page shows headings and passages in the order the document prints them.</summary>
public sealed class DocumentOrderSpec
{
    /// <summary>II with its own paragraph, then II.1 and II.2, then a closing paragraph of II after its children.</summary>
    private static Programme WithTrailingPassage(bool positions)
    {
        Section S(string id, string number, SectionKind kind, string heading, string[] path, int before, params Section[] children) =>
            new Section(id, number, kind, heading, path, children) { PassagesBefore = positions ? before : -1 };
        var ii = S("s-ii", "II", SectionKind.Part, "MỤC TIÊU", ["II"], 1,
            S("s-ii-1", "1", SectionKind.Numbered, "Mục tiêu tổng quát", ["II", "1"], 2),
            S("s-ii-2", "2", SectionKind.Numbered, "Mục tiêu cụ thể", ["II", "2"], 3));
        var iii = S("s-iii", "III", SectionKind.Part, "NHIỆM VỤ", ["III"], 5);
        Passage P(string id, string? section, string[] path, string text) => new(id, section, path, null, text);
        var passages = new List<Passage>
        {
            P("s-0-p1", null, [], "Lời mở đầu."),
            P("s-ii-p1", "s-ii", ["II"], "Đoạn đầu của II."),
            P("s-ii-1-p1", "s-ii-1", ["II", "1"], "Đoạn của II.1."),
            P("s-ii-2-p1", "s-ii-2", ["II", "2"], "Đoạn của II.2."),
            P("s-ii-p2", "s-ii", ["II"], "Đoạn cuối của II, sau các mục con."),
            P("s-iii-p1", "s-iii", ["III"], "Đoạn của III."),
        };
        var tg = TestAtlas.TienGiang();
        return tg with { Sections = [ii, iii], Passages = passages };
    }

    private static IEnumerable<string> Ids(IReadOnlyList<DocumentEntry> entries) =>
        entries.Select(e => e.Section?.Id ?? e.Passage!.Id);

    [Fact]
    public void A_passage_that_follows_the_child_sections_stays_after_them()
    {
        Assert.Equal(
            ["s-0-p1", "s-ii", "s-ii-p1", "s-ii-1", "s-ii-1-p1", "s-ii-2", "s-ii-2-p1", "s-ii-p2", "s-iii", "s-iii-p1"],
            Ids(DocumentOrder.Of(WithTrailingPassage(positions: true))));
    }

    [Fact]
    public void Without_positions_a_heading_still_comes_before_its_passages_and_nothing_is_lost()
    {
        var entries = DocumentOrder.Of(WithTrailingPassage(positions: false));
        Assert.Equal(
            ["s-0-p1", "s-ii", "s-ii-p1", "s-ii-1", "s-ii-1-p1", "s-ii-2", "s-ii-2-p1", "s-ii-p2", "s-iii", "s-iii-p1"],
            Ids(entries));
        Assert.Equal([1, 2, 2, 1], entries.Where(e => e.Section is not null).Select(e => e.Depth));
    }

    [Fact]
    public void Empty_sections_and_sections_after_the_last_passage_are_all_shown_in_tree_order()
    {
        var p = WithTrailingPassage(positions: true);
        var iv = new Section("s-iv", "IV", SectionKind.Part, "TỔ CHỨC THỰC HIỆN", ["IV"], []) { PassagesBefore = 6 };
        var entries = DocumentOrder.Of(p with { Sections = [.. p.Sections, iv] });
        Assert.Equal("s-iv", entries[^1].Section?.Id);
        Assert.Equal(p.Passages.Count + 5, entries.Count);
    }

    [Fact]
    public void The_programme_page_renders_the_trailing_passage_after_the_children()
    {
        using var temp = new TempDir();
        var model = TestAtlas.Model(WithTrailingPassage(positions: true));
        var site = TestAtlas.Render(temp, model);
        var doc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, "programmes", "tien-giang-38-ctr-tu-2023.html")));
        var order = doc.QuerySelectorAll(".doc-text [id^='s-']").Select(e => e.Id).ToList();
        Assert.True(order.IndexOf("s-ii-2-p1") < order.IndexOf("s-ii-p2"), string.Join(" ", order));
        Assert.True(order.IndexOf("s-ii-p2") < order.IndexOf("s-iii"), string.Join(" ", order));
    }

    [Fact]
    public void Quang_ngai_vision_2045_follows_the_objectives_it_comes_after()
    {
        var p = Seeds.Ingest(Seeds.QuangNgai).Programme;
        var ids = Ids(DocumentOrder.Of(p)).ToList();
        int vision = ids.IndexOf("s-ii-3");
        Assert.True(vision > ids.IndexOf("s-ii-2"), "II.3 after II.2");
        Assert.Equal("s-ii-3-p1", ids[vision + 1]);
        Assert.Equal("s-iii", ids[vision + 2]);
        // Document order is the passages' order, with every section heading once.
        Assert.Equal(p.Passages.Select(x => x.Id), ids.Where(id => id.Contains("-p", StringComparison.Ordinal)));
        Assert.Equal(Seeds.AllSections(p.Sections).Count(), ids.Count(id => !id.Contains("-p", StringComparison.Ordinal)));
    }

    [Fact]
    public void Section_positions_survive_the_json_round_trip_of_the_build_cache()
    {
        var p = Seeds.Ingest(Seeds.QuangNgai).Programme;
        var back = System.Text.Json.JsonSerializer.Deserialize<Programme>(System.Text.Json.JsonSerializer.Serialize(p))!;
        Assert.Equal(Seeds.AllSections(p.Sections).Select(s => s.PassagesBefore), Seeds.AllSections(back.Sections).Select(s => s.PassagesBefore));
        Assert.Equal(Ids(DocumentOrder.Of(p)), Ids(DocumentOrder.Of(back)));
    }
}
