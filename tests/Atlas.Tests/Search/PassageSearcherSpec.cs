using Atlas.Search;
using static Atlas.Tests.Search.SearchFixtures;

namespace Atlas.Tests.Search;

public class PassageSearcherSpec
{
    private static PassageSearcher Small() => PassageSearcher.Over(SearchFixtures.Model(
    [
        Programme("a-prog", "Tiền Giang",
            "Phát triển công nghiệp hoá dầu tại khu Soài Rạp.",
            "Đầu tư tuyến đường sắt kết nối cảng biển.",
            "Phát triển trung tâm logistics cấp vùng."),
        Programme("b-prog", "Kiên Giang",
            "Phát triển điện gió ngoài khơi và điện mặt trời.",
            "Hoa dau là loài hoa được trồng nhiều.",
            "Bảo đảm nguyên tắc một việc chỉ giao cho một cơ quan chủ trì."),
        Programme("c-prog", "Thái Bình",
            "Công nghiệp hóa dầu và hóa chất; điện gió; một cơ quan chỉ giao cho một việc."),
    ]));

    private static List<string> Urls(SearchResults r) => r.Hits.Select(h => h.Passage.Url).ToList();

    [Fact]
    public void A_query_without_diacritics_matches_every_folded_form()
    {
        var r = Small().Search("dien gio");
        Assert.Equal(["programmes/b-prog.html#s-i-p1", "programmes/c-prog.html#s-i-p1"], Urls(r).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Both_tone_placements_return_the_same_passages_with_the_same_scores()
    {
        var s = Small();
        var a = s.Search("hoá dầu");
        var b = s.Search("hóa dầu");
        Assert.Equal(a.Hits.Select(h => (h.Passage.Doc, h.Score)), b.Hits.Select(h => (h.Passage.Doc, h.Score)));
        Assert.Equal(3, a.Total);
    }

    [Fact]
    public void Matching_the_typed_diacritics_ranks_above_matching_only_the_folded_form()
    {
        var r = Small().Search("hoá dầu");
        Assert.Equal("programmes/b-prog.html#s-i-p2", Urls(r)[^1]); // "Hoa dau" (flower) matches only when folded
        Assert.Equal("folded", r.Hits[^1].Matches[0].How);
        Assert.Equal("exact", r.Hits[0].Matches[0].How);
    }

    [Fact]
    public void Upper_case_and_NFD_queries_find_the_same_passage()
    {
        var s = Small();
        var expected = Urls(s.Search("Soài Rạp"));
        Assert.Equal(["programmes/a-prog.html#s-i-p1"], expected);
        Assert.Equal(expected, Urls(s.Search("SOÀI RẠP")));
        Assert.Equal(expected, Urls(s.Search("Soài Rạp".Normalize(System.Text.NormalizationForm.FormD))));
    }

    [Fact]
    public void The_last_unquoted_word_also_matches_as_a_prefix()
    {
        var s = Small();
        Assert.Equal(["programmes/a-prog.html#s-i-p3"], Urls(s.Search("logistic")));
        Assert.Equal("prefix", s.Search("logistic").Hits[0].Matches[0].How);
        Assert.DoesNotContain(s.Search("logistic trung").Hits, h => h.Passage.Slug != "a-prog");
        Assert.Empty(s.Search("\"logistic\"").Hits); // quoted: a whole word only
    }

    [Fact]
    public void A_quoted_phrase_needs_the_words_in_order()
    {
        var r = Small().Search("\"một việc chỉ giao cho một cơ quan\"");
        Assert.Equal(["programmes/b-prog.html#s-i-p3"], Urls(r));
        Assert.Equal(2, Small().Search("một việc chỉ giao cho một cơ quan").Total); // unquoted: all words, any order
    }

    [Fact]
    public void Facets_count_matching_passages_per_province_and_filters_narrow_the_hits()
    {
        var s = Small();
        var all = s.Search("phát triển");
        Assert.Equal([KeyValuePair.Create("kien-giang", 1), KeyValuePair.Create("tien-giang", 2)], all.Provinces);
        var filtered = s.Search("phát triển", new SearchOptions(Province: "tien-giang"));
        Assert.Equal(2, filtered.Total);
        Assert.All(filtered.Hits, h => Assert.Equal("tien-giang", h.Passage.ProvinceSlug));
        Assert.Equal(all.Provinces, filtered.Provinces); // the province facet ignores its own filter
    }

    [Fact]
    public void An_empty_query_returns_nothing()
    {
        Assert.Empty(Small().Search("  ").Hits);
        Assert.Empty(Small().Search("\"\"").Hits);
    }
}
