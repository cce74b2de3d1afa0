using System.Text;
using System.Text.Json;
using Atlas.Model;
using Atlas.Render;
using Atlas.Render.Data;
using Atlas.Render.Templates;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Render.Data;

public class DataDownloadsSpec
{
    private static AtlasModel ModelWithTargets()
    {
        var model = TestAtlas.Model();
        var tg = model.Programmes.Single(p => p.Programme.Slug.StartsWith("tien-giang"));
        var targets = new List<Target>
        {
            new("s-iii-1-p1", "grdp-growth", Comparator.Range, 7.0m, 7.5m, "%", "2021–2025", null,
                "Tốc độ tăng trưởng GRDP bình quân giai đoạn 2021 – 2025 là 7,0 – 7,5%, \"cao\"", false) { Subject = "Tốc độ tăng trưởng GRDP" },
            new("s-iii-2-p1", null, Comparator.Exact, 1234.5m, null, "tỷ đồng", null, 2030, "=HYPERLINK(\"http://x\")", false) { Subject = "-2+3" },
        };
        var analysed = tg with { Analysis = tg.Analysis with { Targets = targets } };
        return model with
        {
            Programmes = model.Programmes.Select(p => p == tg ? analysed : p).ToList(),
            Indicators = [new Indicator("grdp-growth", "Tốc độ tăng trưởng GRDP", "GRDP growth", "…", [])],
        };
    }

    private static string Write(TempDir temp, AtlasModel model)
    {
        var site = new SiteWriter(model, new TemplateCache(Repo.Templates), Language.Load(Repo.Templates), SiteSettings.Load(Repo.Templates), temp["site"]);
        new DataDownloads().Write(site);
        return temp["site"];
    }

    [Fact]
    public void Targets_csv_is_rfc4180_utf8_with_bom_invariant_numbers_and_no_formulas()
    {
        using var temp = new TempDir();
        var bytes = File.ReadAllBytes(Path.Combine(Write(temp, ModelWithTargets()), "data", "targets.csv"));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n");
        Assert.Equal("programme,province,indicator,indicator_name,comparator,low,high,unit,period,year,is_achievement,subject,text,passage_id,passage_url", lines[0]);
        Assert.Equal("tien-giang-38-ctr-tu-2023,Tiền Giang,grdp-growth,Tốc độ tăng trưởng GRDP,range,7.0,7.5,%,2021–2025,,false,Tốc độ tăng trưởng GRDP,"
            + "\"Tốc độ tăng trưởng GRDP bình quân giai đoạn 2021 – 2025 là 7,0 – 7,5%, \"\"cao\"\"\",s-iii-1-p1,programmes/tien-giang-38-ctr-tu-2023.html#s-iii-1-p1", lines[1]);
        Assert.Contains(",exact,1234.5,,tỷ đồng,,2030,false,'-2+3,\"'=HYPERLINK(\"\"http://x\"\")\",s-iii-2-p1,", lines[2]);
        Assert.Equal("", lines[^1]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void Json_downloads_hold_targets_programmes_and_passages()
    {
        using var temp = new TempDir();
        var dir = Write(temp, ModelWithTargets());
        using var targets = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "data", "targets.json")));
        var first = targets.RootElement[0];
        Assert.Equal("grdp-growth", first.GetProperty("indicator").GetString());
        Assert.Equal(7.5m, first.GetProperty("high").GetDecimal());
        Assert.Equal("range", first.GetProperty("comparator").GetString());
        Assert.Equal("programmes/tien-giang-38-ctr-tu-2023.html#s-iii-1-p1", first.GetProperty("passage_url").GetString());

        using var programmes = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "data", "programmes.json")));
        Assert.Equal(["quang-ngai-nq29", "tien-giang-38-ctr-tu-2023"], programmes.RootElement.EnumerateArray().Select(p => p.GetProperty("slug").GetString()));
        Assert.Equal("38-CTr/TU", programmes.RootElement[1].GetProperty("number").GetString());
        Assert.Equal("29-nq-tw", programmes.RootElement[1].GetProperty("implements")[0].GetProperty("id").GetString());

        using var passages = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "data", "passages.json")));
        var p = passages.RootElement.EnumerateArray().Single(x => x.GetProperty("id").GetString() == "s-iii-2-p1");
        Assert.Equal("III.2", p.GetProperty("section_path").GetString());
        Assert.Equal("s-iii-2", p.GetProperty("section_id").GetString());
        // Headings live once per programme in programmes.json; a passage's section id leads to its heading and the parents'.
        var sections = programmes.RootElement[1].GetProperty("sections").EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetString()!, s => (Heading: s.GetProperty("heading").GetString(), Parent: s.GetProperty("parent").GetString()));
        Assert.Equal(("Đẩy mạnh chuyển đổi số", "s-iii"), sections["s-iii-2"]);
        Assert.Equal(("NHIỆM VỤ VÀ GIẢI PHÁP", (string?)null), sections["s-iii"]);
        Assert.False(p.TryGetProperty("section_headings", out _));
        Assert.Equal(["chuyen-doi-so"], p.GetProperty("themes").EnumerateArray().Select(h => h.GetString()));
        var qn = passages.RootElement.EnumerateArray().Single(x => x.GetProperty("id").GetString() == "s-ii-1-p1");
        Assert.Equal("Cơ quan chủ trì", qn.GetProperty("fields")[0].GetProperty("label").GetString());
    }

    [Fact]
    public void Same_model_same_bytes()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        var da = Write(a, ModelWithTargets());
        var db = Write(b, ModelWithTargets());
        foreach (var f in new[] { "targets.csv", "targets.json", "programmes.json", "passages.json" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(da, "data", f)), File.ReadAllBytes(Path.Combine(db, "data", f)));
    }

    [Fact]
    public void Hostile_text_stays_plain_data_in_json()
    {
        using var temp = new TempDir();
        var model = TestAtlas.Model(TestAtlas.TienGiang("</script><script>alert(1)</script> \u2028 \"x\""));
        var json = File.ReadAllText(Path.Combine(Write(temp, model), "data", "passages.json"));
        Assert.DoesNotContain("</script>", json);
        using var doc = JsonDocument.Parse(json);
        Assert.Contains(doc.RootElement.EnumerateArray(), x => x.GetProperty("text").GetString()!.Contains("</script><script>"));
    }
}
