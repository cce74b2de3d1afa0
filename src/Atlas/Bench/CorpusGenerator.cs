using System.Text;
using System.Text.RegularExpressions;
using Atlas.Model;

namespace Atlas.Bench;

/// <summary>A seed programme: its file name, text, and the province it is about.</summary>
public sealed record CorpusSeed(string FileName, string Text, string Province);

/// <summary>One synthetic programme: a seed re-addressed to another province, renumbered and with its figures changed.</summary>
public sealed record CorpusDocument(string FileName, string Text, string Province, string SeedFileName);

/// <summary>
/// Makes N realistic, distinct programmes from a few seeds for the scale benchmark. Document i takes seed i mod S
/// and province i mod P, so the first P documents all name different provinces; each document has its own
/// random stream (seed, i), so the corpus of 100 is the first 100 documents of the corpus of 1,000.
/// </summary>
/// <param name="reword">Also make every long paragraph its own (<see cref="Rewording"/>): no passage copied word for word.</param>
public sealed partial class CorpusGenerator(IReadOnlyList<CorpusSeed> seeds, IReadOnlyList<string> provinces, ulong seed = CorpusGenerator.DefaultSeed,
    bool reword = false)
{
    public const ulong DefaultSeed = 20260707;

    public IReadOnlyList<CorpusDocument> Generate(int count)
    {
        if (seeds.Count == 0) throw new ArgumentException("no seed programmes to generate from", nameof(seeds));
        if (provinces.Count == 0) throw new ArgumentException("no province names", nameof(provinces));
        return Enumerable.Range(0, count).Select(Make).ToList();
    }

    private CorpusDocument Make(int i)
    {
        var source = seeds[i % seeds.Count];
        var province = provinces[i % provinces.Count];
        var random = new SplitMix64(seed ^ ((ulong)i * 0xD1B54A32D192ED03UL));
        random.Next();

        var text = NameReplacer.Replace(source.Text, source.Province, province);
        // Renumber: the round (i / P) keeps two documents of the same province apart.
        text = Renumber(text, 1 + (i / provinces.Count) * 20 + random.Below(19));
        text = RedateHeader(text, 1 + random.Below(28));
        text = NumberVariation.Vary(text, ref random);
        if (reword) text = Rewording.Reword(text, ref random);

        var stem = Path.GetFileNameWithoutExtension(source.FileName);
        var oldSlug = Slugs.From(source.Province);
        var kind = stem.StartsWith(oldSlug + "-", StringComparison.Ordinal) ? stem[(oldSlug.Length + 1)..] : stem;
        var fileName = $"{Slugs.From(province)}-{kind}-{i + 1:D4}{Path.GetExtension(source.FileName)}";
        return new CorpusDocument(fileName, text, province, source.FileName);
    }

    // "Số 123-CTr/TU" in the header, in NFC or NFD; every later mention of "123-CTr/TU" follows.
    [GeneratedRegex(@"(?:Số|So\u0302\u0301|SỐ|SO\u0302\u0301)[ \t:]*(\d+)(-[\p{L}\p{Mn}]+/[\p{L}\p{Mn}]+)", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentNumber();

    private static string Renumber(string text, int number)
    {
        var m = DocumentNumber().Match(text, 0, Math.Min(text.Length, 3000));
        if (!m.Success) return text;
        var old = m.Groups[1].Value + m.Groups[2].Value;
        var renumbered = number.ToString(System.Globalization.CultureInfo.InvariantCulture) + m.Groups[2].Value;
        return Regex.Replace(text, @"(?<!\d)" + Regex.Escape(old), renumbered.Replace("$", "$$"), RegexOptions.CultureInvariant);
    }

    // "…, ngày 22 tháng 8 năm 2022": only the first (the header's place and date line).
    [GeneratedRegex(@"(ng(?:à|a\u0300)y[ \t]+)(\d{1,2})([ \t]+th(?:á|a\u0301)ng)", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderDay();

    private static string RedateHeader(string text, int day)
    {
        var m = HeaderDay().Match(text, 0, Math.Min(text.Length, 3000));
        if (!m.Success) return text;
        return new StringBuilder(text.Length).Append(text, 0, m.Groups[2].Index).Append(day.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append(text, m.Groups[2].Index + m.Groups[2].Length, text.Length - m.Groups[2].Index - m.Groups[2].Length).ToString();
    }

    /// <summary>
    /// The province a seed is about. Seeds are named after their province ("tien-giang-38-ctr-tu-2023.txt"), so a
    /// mentioned province whose slug starts the file name wins; otherwise the one its header (the first lines)
    /// names most, then the one the whole text names most. Null when it names none: never guessed.
    /// </summary>
    public static string? ProvinceOf(string fileName, string text, IReadOnlyList<string> provinces)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var header = text[..Math.Min(text.Length, HeaderLength)];
        string? best = null;
        long bestScore = 0;
        foreach (var p in provinces)
        {
            long mentions = NameReplacer.CountMentions(text, p);
            if (mentions == 0) continue;
            var slug = Slugs.From(p);
            long score = mentions + 1_000L * NameReplacer.CountMentions(header, p)
                + (stem == slug || stem.StartsWith(slug + "-", StringComparison.Ordinal) ? 1_000_000L * slug.Length : 0);
            if (score > bestScore) (best, bestScore) = (p, score);
        }
        return best;
    }

    private const int HeaderLength = 600;
}
