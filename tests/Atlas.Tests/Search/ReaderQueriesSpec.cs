using System.Text;
using Atlas.Search;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Search;

/// <summary>
/// Forty queries as readers type them over the seed programmes — with and without diacritics, đ typed as d, both tone
/// placements, decomposed (NFD) input, several words, quoted phrases, a province with a topic, numbers and
/// abbreviations — each with the passage a reader expects: one of the first three results must be it (a passage of that
/// province that says those words). The browser client computes the same ranking (BrowserParitySpec).
/// </summary>
public sealed class ReaderQueriesSpec(SeedAtlas seeds) : IClassFixture<SeedAtlas>
{
    /// <summary>(query, province slug of the expected passage or "" for any, words the expected passage says).</summary>
    public static TheoryData<string, string, string> Queries() => new()
    {
        { "điện gió", "", "điện gió" },
        { "dien gio", "", "điện gió" },
        { "duong sat", "tien-giang", "đường sắt" },
        { "đường sắt", "tien-giang", "đường sắt" },
        { "cang bien Tran De", "hau-giang", "cảng biển Trần Đề" },
        { "Dung Quat", "quang-ngai", "Khu kinh tế Dung Quất" },
        { "khu kinh te dung quat", "quang-ngai", "Khu kinh tế Dung Quất" },
        { "loc hoa dau", "quang-ngai", "lọc hóa dầu" },
        { "lọc hoá dầu", "quang-ngai", "lọc hóa dầu" },
        { "thep hop kim", "", "thép hợp kim" },
        { "Hậu Giang logistics", "hau-giang", "logistics" },
        { "hau giang logistics", "hau-giang", "logistics" },
        { "logistics Thái Bình", "thai-binh", "logistics" },
        { "Kiên Giang điện mặt trời", "kien-giang", "điện mặt trời" },
        { "Tiền Giang khởi nghiệp", "tien-giang", "khởi nghiệp" },
        { "7,5%", "", "7,5%" },
        { "13,4%", "thai-binh", "13,4%/năm" },
        { "30.000 USD", "hau-giang", "30.000 USD" },
        { "GRDP bình quân đầu người", "", "GRDP bình quân đầu người" },
        { "grdp binh quan dau nguoi", "", "GRDP bình quân đầu người" },
        { "ICOR", "hau-giang", "ICOR" },
        { "FDI", "", "FDI" },
        { "ĐBSCL", "hau-giang", "ĐBSCL" },
        { "DBSCL", "hau-giang", "ĐBSCL" },
        { "\"một việc chỉ giao cho một cơ quan chủ trì\"", "", "một việc chỉ giao cho một cơ quan chủ trì" },
        { "mot viec chi giao cho mot co quan chu tri", "", "một việc chỉ giao cho một cơ quan chủ trì" },
        { "nhân lực chất lượng cao", "", "nhân lực chất lượng cao" },
        { "chuyen doi so nong thon moi", "thai-binh", "chuyển đổi số trong xây dựng nông thôn mới" },
        { "\u0111i\u00EA\u0323n gio\u0301", "", "điện gió" }, // NFD: "điện gió" typed with combining marks
        { "thuỷ sản", "", "thủy sản" },
        { "do thi hoa", "", "đô thị hóa" },
        { "Phú Quốc", "kien-giang", "Phú Quốc" },
        { "ty le lap day khu cong nghiep", "kien-giang", "lấp đầy" },
        { "Nhất tâm nhị tuyến", "hau-giang", "Nhất tâm" },
        { "cao toc Can Tho Ca Mau", "hau-giang", "Cần Thơ - Cà Mau" },
        { "chợ đầu mối", "", "chợ đầu mối" },
        { "det may da giay", "", "dệt may" },
        { "bán dẫn", "thai-binh", "bán dẫn" },
        { "kinh tế biển", "thai-binh", "kinh tế biển" },
        { "xi mang", "kien-giang", "xi măng" },
        { "Vị Thanh Ngã Bảy", "hau-giang", "Vị Thanh" },
        { "vung nguyen lieu", "", "vùng nguyên liệu" },
        { "dau tu ha tang khu cong nghiep", "", "hạ tầng khu công nghiệp" },
    };

    private static bool Says(SearchHit h, string words) =>
        VietnameseText.Normalize(h.Passage.Text).Contains(VietnameseText.Normalize(words), StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Queries))]
    public void The_expected_passage_is_among_the_first_three(string query, string province, string words)
    {
        var hits = seeds.Searcher.Search(query, new SearchOptions(Limit: 3)).Hits;
        bool found = hits.Any(h => (province.Length == 0 || h.Passage.ProvinceSlug == province) && Says(h, words));
        if (found) return;
        var shown = new StringBuilder();
        foreach (var h in hits) shown.Append($"\n  {h.Score:0.000} {h.Passage.ProvinceSlug} {h.Passage.Text[..Math.Min(110, h.Passage.Text.Length)]}");
        Assert.Fail($"\"{query}\": no {(province.Length == 0 ? "" : province + " ")}passage saying \"{words}\" in the first three:{shown}");
    }

    [Theory]
    [InlineData("38-CTr/TU", "tien-giang-38-ctr-tu-2023")]
    [InlineData("123-CTr/TU", "hau-giang-123-ctr-tu-2022")]
    [InlineData("123-ctr/tu", "hau-giang-123-ctr-tu-2022")]
    [InlineData("chương trình 38", "tien-giang-38-ctr-tu-2023")]
    [InlineData("chuong trinh so 123", "hau-giang-123-ctr-tu-2022")]
    public void A_programme_number_finds_the_programme_first(string query, string slug)
    {
        // Passages rarely repeat their own programme's number: the programme is found by a record of its number.
        var hits = seeds.Searcher.Search(query, new SearchOptions(Limit: 3)).Hits;
        Assert.NotEmpty(hits);
        Assert.Equal($"programmes/{slug}.html#{Atlas.Model.ProgrammeAnchors.Head}", hits[0].Passage.Url);
        Assert.Equal(seeds.Model.Programmes.Single(p => p.Programme.Slug == slug).Programme.Metadata.Title, hits[0].Passage.Title);
    }

    [Fact]
    public void Only_numbered_programmes_have_a_number_record_and_it_never_outranks_a_subject_query()
    {
        var heads = seeds.Searcher.Index.Passages.Where(p => p.PassageId == Atlas.Model.ProgrammeAnchors.Head).Select(p => p.Slug).ToList();
        var numbered = seeds.Model.Programmes.Where(p => p.Programme.Metadata.Number is not null).Select(p => p.Programme.Slug).ToList();
        Assert.Equal(numbered, heads);
        Assert.True(numbered.Count < seeds.Model.Programmes.Count); // some seeds print no number: nothing is made up for them
        var hits = seeds.Searcher.Search("công nghiệp hóa hiện đại hóa", new SearchOptions(Limit: 10)).Hits;
        Assert.DoesNotContain(hits, h => h.Passage.PassageId == Atlas.Model.ProgrammeAnchors.Head);
    }

    [Theory]
    [InlineData("Tiền Giang khởi nghiệp", "tien-giang")]
    [InlineData("khoi nghiep tien giang", "tien-giang")]
    [InlineData("logistics tỉnh Thái Bình", "thai-binh")]
    [InlineData("thành phố Hậu Giang du lịch", "hau-giang")]
    public void A_province_named_at_either_end_is_where_the_passages_come_from(string query, string province)
    {
        var results = seeds.Searcher.Search(query, new SearchOptions(Limit: 100));
        Assert.Equal(province, results.ImpliedProvince);
        Assert.NotEmpty(results.Hits);
        Assert.All(results.Hits, h => Assert.Equal(province, h.Passage.ProvinceSlug));
    }

    [Theory]
    [InlineData("Quảng Ngãi")]                 // the name alone is a word search
    [InlineData("cao toc Can Tho Ca Mau")]     // provinces without a programme here name a road
    [InlineData("Hậu Giang zzzkhongco")]       // the filter leaves nothing: the whole query runs (and finds nothing)
    [InlineData("\"Hậu Giang\" logistics")]   // a quoted phrase is words to find, never a filter
    public void Otherwise_the_words_are_searched_as_typed(string query)
    {
        var results = seeds.Searcher.Search(query, new SearchOptions(Limit: 100));
        Assert.Null(results.ImpliedProvince);
    }

    [Fact]
    public void A_province_chosen_by_the_reader_wins_over_one_named_in_the_query()
    {
        var results = seeds.Searcher.Search("Hậu Giang logistics", new SearchOptions(Province: "thai-binh", Limit: 100));
        Assert.Null(results.ImpliedProvince);
        Assert.All(results.Hits, h => Assert.Equal("thai-binh", h.Passage.ProvinceSlug));
    }
}

/// <summary>The reader queries (and the province-naming ones) give the same results in Chromium as in Lucene.</summary>
public sealed class ReaderQueriesParitySpec(SeedExport seeds, Browser browser) : IClassFixture<SeedExport>, IClassFixture<Browser>
{
    [Fact]
    public async Task Chromium_answers_every_reader_query_as_Lucene_does()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(seeds.HarnessUrl);
        var queries = ReaderQueriesSpec.Queries().Select(row => (string)row[0])
            .Concat(["khoi nghiep tien giang", "logistics tỉnh Thái Bình", "thành phố Hậu Giang du lịch", "Quảng Ngãi",
                     "Hậu Giang zzzkhongco", "\"Hậu Giang\" logistics", "tinh", "38-CTr/TU", "123-ctr/tu", "chương trình 38"]);
        foreach (var q in queries) await Parity.AssertSame(seeds.Searcher, page, q);
        await Parity.AssertSame(seeds.Searcher, page, "Hậu Giang logistics", "thai-binh");
    }
}
