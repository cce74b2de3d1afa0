using Atlas.Analysis.Similarity;
using Atlas.Model;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Analysis.Similarity;

/// <summary>
/// Shared language and related passages on the seeds' own text: each non-empty line of a source stands in for a
/// passage (the spec does not depend on ingest's section parsing).
/// </summary>
public class SimilaritySpec
{
    private const string Phrase = "một việc chỉ giao cho một cơ quan chủ trì";

    private static Programme FromSource(string file)
    {
        var lines = File.ReadAllLines(Repo.Source(file)).Select(l => l.Trim().Normalize()).Where(l => l.Length > 0).ToArray();
        return TestProgrammes.Make(Path.GetFileNameWithoutExtension(file), ("Toàn văn", lines));
    }

    private static readonly IReadOnlyList<Programme> Seeds =
    [
        FromSource("hau-giang-123-ctr-tu-2022.txt"),
        FromSource("kien-giang-phat-trien-cong-nghiep-2021-2025.txt"),
        FromSource("quang-ngai-nq29.txt"),
        FromSource("thai-binh-nq29-2023.txt"),
        FromSource("tien-giang-38-ctr-tu-2023.txt"),
    ];

    [Theory]
    [InlineData("quang-ngai-nq29")]
    [InlineData("thai-binh-nq29-2023")]
    [InlineData("tien-giang-38-ctr-tu-2023")]
    public void The_central_resolutions_phrase_is_shared_in_the_three_programmes(string slug)
    {
        var results = SharedLanguage.Analyse(Seeds);
        int index = Seeds.ToList().FindIndex(p => p.Slug == slug);
        var passage = Seeds[index].Passages.Single(p => p.Text.Contains(Phrase));
        int at = passage.Text.IndexOf(Phrase, StringComparison.Ordinal);
        var spans = results[index].Spans[passage.Id];
        Assert.Contains(spans, s => s.Start <= at && s.Start + s.Length >= at + Phrase.Length);
        Assert.True(results[index].Share[passage.Id] > 0.1);
    }

    [Fact]
    public void Locally_specific_passages_are_the_programmes_own()
    {
        var results = SharedLanguage.Analyse(Seeds);
        var hauGiang = Seeds[0];
        var local = hauGiang.Passages.Single(p => p.Text.StartsWith("+ Nhất tâm là", StringComparison.Ordinal));
        Assert.Equal(0, results[0].Share[local.Id]);
        Assert.False(results[0].Spans.ContainsKey(local.Id));
        var own = SharedLanguage.OwnShare(hauGiang, ProgrammeAnalysis.Empty with { SharedShare = results[0].Share });
        Assert.InRange(own, 0.5, 1.0);
    }

    [Fact]
    public void Each_programme_gets_the_share_of_its_words_that_are_its_own()
    {
        var results = SharedLanguage.Analyse(Seeds);
        for (int p = 0; p < Seeds.Count; p++)
        {
            var fromPassages = SharedLanguage.OwnShare(Seeds[p], ProgrammeAnalysis.Empty with { SharedShare = results[p].Share });
            Assert.Equal(fromPassages, results[p].OwnShare, 3);
            Assert.InRange(results[p].OwnShare, 0.05, 0.99);
        }
        // Alone, a programme shares nothing: all its wording is its own.
        Assert.Equal(1, SharedLanguage.Analyse([Seeds[0]])[0].OwnShare);
    }

    [Theory]
    [InlineData(SharedLanguage.MostlySharedThreshold, true)]
    [InlineData(SharedLanguage.MostlySharedThreshold - 0.01, false)]
    [InlineData(1.0, true)]
    [InlineData(0.0, false)]
    public void A_passage_reads_as_shared_wording_from_the_threshold_on(double share, bool shared) =>
        Assert.Equal(shared, SharedLanguage.IsMostlyShared(share));

    [Fact]
    public void Related_passages_come_from_other_programmes_and_find_the_same_task()
    {
        var related = RelatedPassages.Analyse(Seeds);
        int qn = 2;
        var task = Seeds[qn].Passages.Single(p => p.Text.Contains(Phrase));
        var mine = related[qn].Where(r => r.PassageId == task.Id).ToList();
        Assert.InRange(mine.Count, 1, RelatedPassages.MaxRelated);
        for (int p = 0; p < Seeds.Count; p++) Assert.All(related[p], r => Assert.NotEqual(Seeds[p].Slug, r.OtherSlug));
        var top = mine[0];
        var other = Seeds.Single(p => p.Slug == top.OtherSlug).Passages.Single(p => p.Id == top.OtherPassageId);
        Assert.Contains(Phrase, other.Text);
        Assert.Equal(mine.Select(m => m.Score).OrderDescending(), mine.Select(m => m.Score));
    }

    [Fact]
    public void Same_corpus_same_result()
    {
        var a = RelatedPassages.Analyse(Seeds).SelectMany(r => r).ToList();
        var b = RelatedPassages.Analyse(Seeds).SelectMany(r => r).ToList();
        Assert.Equal(a, b);
        var sa = SharedLanguage.Analyse(Seeds);
        var sb = SharedLanguage.Analyse(Seeds);
        Assert.Equal(sa.SelectMany(r => r.Share.OrderBy(kv => kv.Key, StringComparer.Ordinal)), sb.SelectMany(r => r.Share.OrderBy(kv => kv.Key, StringComparer.Ordinal)));
    }

    [Fact]
    public void Word_for_word_copies_are_related_with_score_one_first_then_in_programme_order()
    {
        const string task = "Đẩy mạnh chuyển đổi số trong các cơ quan nhà nước, phát triển chính quyền số và kinh tế số của tỉnh";
        const string near = "Đẩy mạnh chuyển đổi số trong các cơ quan nhà nước, phát triển chính quyền số và xã hội số của tỉnh";
        // Five programmes hold the task word for word (one copy twice), one a near copy; a programme never relates to itself.
        var programmes = new[] { "a", "b", "c", "d", "e", "f" }.Select(slug => TestProgrammes.Make(slug, ("Nhiệm vụ",
            slug == "f" ? [near, "Phát triển du lịch biển đảo gắn với bảo vệ môi trường sinh thái bền vững"]
            : slug == "c" ? [task, task] : [task, "Phát triển du lịch biển đảo gắn với bảo vệ môi trường sinh thái bền vững"]))).ToList();
        var related = RelatedPassages.Analyse(programmes);
        var ofA = related[0].Where(r => r.PassageId == programmes[0].Passages[0].Id).ToList();
        Assert.Equal(["b", "c", "c"], ofA.Select(r => r.OtherSlug));
        Assert.All(ofA, r => Assert.Equal(1.0, r.Score));
        var ofC = related[2].Where(r => r.PassageId == programmes[2].Passages[1].Id).ToList();
        Assert.Equal(["a", "b", "d"], ofC.Select(r => r.OtherSlug));
        var ofF = related[5].Single(r => r.PassageId == programmes[5].Passages[0].Id && r.OtherSlug == "a");
        Assert.InRange(ofF.Score, RelatedPassages.MinScore, 0.99);
        // The near copy scores the same with every exact copy (one vector, one cosine).
        Assert.All(related[5].Where(r => r.PassageId == programmes[5].Passages[0].Id), r => Assert.Equal(ofF.Score, r.Score));
    }

    [Fact]
    public void Copies_in_their_own_programme_never_crowd_out_the_other_programmes_candidates()
    {
        const string task = "Đẩy mạnh chuyển đổi số trong các cơ quan nhà nước, phát triển chính quyền số và kinh tế số của tỉnh";
        // "a" holds the task 45 times, more than a passage's candidates: its copies still find the five other programmes.
        var programmes = new[] { "a", "b0", "b1", "b2", "b3", "b4" }.Select(slug => TestProgrammes.Make(slug, ("Nhiệm vụ",
            slug == "a" ? Enumerable.Repeat(task, 45).ToArray() : [task]))).ToList();
        var related = RelatedPassages.Analyse(programmes);
        foreach (var copy in programmes[0].Passages)
            Assert.Equal(["b0", "b1", "b2"], related[0].Where(r => r.PassageId == copy.Id).Select(r => r.OtherSlug));
        Assert.Equal(programmes[0].Passages.Take(3).Select(p => p.Id), related[1].Select(r => r.OtherPassageId));
    }

    [Fact]
    public void A_passage_copied_word_for_word_has_the_same_shared_wording_in_every_programme()
    {
        const string copied = "Tăng cường sự lãnh đạo của các cấp ủy đảng đối với công tác quy hoạch, xây dựng và phát triển kết cấu hạ tầng đồng bộ";
        const string own = "Xây dựng cảng cá Hòn Rớ gắn với khu neo đậu tránh trú bão cho tàu thuyền của ngư dân ven biển";
        var programmes = new[] { "a", "b", "c" }.Select(slug => TestProgrammes.Make(slug, ("Nhiệm vụ",
            slug == "c" ? [own, copied, copied] : [copied, slug == "a" ? "Phát triển du lịch biển đảo gắn với bảo vệ môi trường sinh thái bền vững" : "Nâng cao chất lượng nguồn nhân lực đáp ứng yêu cầu chuyển đổi số trong doanh nghiệp"]))).ToList();
        var results = SharedLanguage.Analyse(programmes);
        var ofCopies = programmes.SelectMany((p, i) => p.Passages.Where(x => x.Text == copied).Select(x => (Share: results[i].Share[x.Id], Spans: results[i].Spans[x.Id]))).ToList();
        Assert.Equal(4, ofCopies.Count);
        Assert.InRange(ofCopies[0].Share, 0.9, 1.0);
        Assert.All(ofCopies, c => Assert.Equal(ofCopies[0].Share, c.Share));
        Assert.All(ofCopies, c => Assert.Equal(ofCopies[0].Spans, c.Spans));
        Assert.Equal(0, results[2].Share[programmes[2].Passages[0].Id]); // a passage no other programme holds is its own
        Assert.InRange(results[2].OwnShare, 0.2, 0.5);
    }
}
