using System.Globalization;
using System.Text;

namespace Atlas.Tests.Ingest.Decoding;

/// <summary>
/// Turns Unicode Vietnamese into the legacy encodings the way the old tools did, independently of the decoder's
/// own tables: TCVN3 from a published Unicode↔ABC pair list, Windows-1258 the way Word saves it (precomposed
/// base letter where the code page has one, then the tone as a combining byte).
/// </summary>
public static class LegacyText
{
    private static readonly Dictionary<char, char> ToTcvn3 = BuildTcvn3();

    private static Dictionary<char, char> BuildTcvn3()
    {
        var map = new Dictionary<char, char>();
        // Unicode letter i ↔ TCVN3 byte codes[i] (as a Latin-1 char), from a public Unicode→TCVN3 converter's tables.
        var letters = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ";
        var codes = "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00ADõøö÷ùúýûüþ¡¢§£¤¥¦";
        if (letters.Length != codes.Length) throw new InvalidOperationException($"{letters.Length} letters, {codes.Length} codes");
        for (int i = 0; i < letters.Length; i++) map[letters[i]] = codes[i];
        return map;
    }

    /// <summary>Unicode → TCVN3 bytes. Toned capitals do not exist in TCVN3: like the ".VnTimeH" fonts, they take the
    /// lowercase code (the font drew it as a capital).</summary>
    public static byte[] Tcvn3(string unicode)
    {
        var text = unicode.Normalize(NormalizationForm.FormC);
        var bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80 || c == '\u00A0') bytes[i] = (byte)c;
            else if (ToTcvn3.TryGetValue(c, out var code)) bytes[i] = (byte)code;
            else if (ToTcvn3.TryGetValue(char.ToLowerInvariant(c), out code)) bytes[i] = (byte)code;
            else bytes[i] = c switch { '–' => 0x96, '—' => 0x97, '“' => 0x93, '”' => 0x94, '‘' => 0x91, '’' => 0x92, '…' => 0x85, _ => (byte)'?' };
        }
        return bytes;
    }

    /// <summary>Unicode → Windows-1258 bytes as Word writes them: tone marks as separate combining bytes.</summary>
    public static byte[] Windows1258(string unicode)
    {
        var enc = (Encoding)CodePagesEncodingProvider.Instance.GetEncoding(1258,
            EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
        var sb = new StringBuilder();
        foreach (var ch in unicode.Normalize(NormalizationForm.FormC))
        {
            var d = ch.ToString().Normalize(NormalizationForm.FormD);
            var tone = d.FirstOrDefault(c => c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323');
            var rest = tone == default ? d : d.Replace(tone.ToString(), "");
            sb.Append(rest.Normalize(NormalizationForm.FormC));
            if (tone != default) sb.Append(tone);
        }
        return enc.GetBytes(sb.ToString());
    }

    private static readonly Dictionary<char, string> ToVni = BuildVni();

    private static Dictionary<char, string> BuildVni()
    {
        // Each row: the Unicode letters, then their VNI spellings, as VNI keyboard drivers' tables list them
        // (base letter, then the characters the VNI fonts draw as its marks); capitals are the upper-case spellings.
        var rows = new (string Letters, string[] Vni)[]
        {
            ("aáàảãạ", ["a", "aù", "aø", "aû", "aõ", "aï"]), ("âấầẩẫậ", ["aâ", "aá", "aà", "aå", "aã", "aä"]),
            ("ăắằẳẵặ", ["aê", "aé", "aè", "aú", "aü", "aë"]), ("eéèẻẽẹ", ["e", "eù", "eø", "eû", "eõ", "eï"]),
            ("êếềểễệ", ["eâ", "eá", "eà", "eå", "eã", "eä"]), ("oóòỏõọ", ["o", "où", "oø", "oû", "oõ", "oï"]),
            ("ôốồổỗộ", ["oâ", "oá", "oà", "oå", "oã", "oä"]), ("ơớờởỡợ", ["ô", "ôù", "ôø", "ôû", "ôõ", "ôï"]),
            ("uúùủũụ", ["u", "uù", "uø", "uû", "uõ", "uï"]), ("ưứừửữự", ["ö", "öù", "öø", "öû", "öõ", "öï"]),
            ("iíìỉĩị", ["i", "í", "ì", "æ", "ó", "ò"]), ("yýỳỷỹỵ", ["y", "yù", "yø", "yû", "yõ", "î"]), ("đ", ["ñ"]),
        };
        var map = new Dictionary<char, string>();
        foreach (var (letters, vni) in rows)
            for (int i = 0; i < letters.Length; i++)
            {
                map[letters[i]] = vni[i];
                map[char.ToUpperInvariant(letters[i])] = vni[i].ToUpperInvariant();
            }
        return map;
    }

    /// <summary>Unicode → VNI characters (what a VNI font's text is when saved as Unicode).</summary>
    public static string VniChars(string unicode) =>
        string.Concat(unicode.Normalize(NormalizationForm.FormC).Select(c => ToVni.TryGetValue(c, out var v) ? v : c.ToString()));

    /// <summary>Unicode → VNI bytes as a .txt saved from a VNI font (Windows-1252).</summary>
    public static byte[] Vni(string unicode)
    {
        var enc = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        return enc.GetBytes(VniChars(unicode));
    }

    /// <summary>What Word's "Unicode (UTF-8)" save produces from TCVN3 text that was never converted.</summary>
    public static byte[] Tcvn3ResavedAsUtf8(string unicode)
    {
        var tcvn = Tcvn3(unicode);
        var latin1 = new string(tcvn.Select(b => (char)b).ToArray());
        return Encoding.UTF8.GetBytes(latin1);
    }

    public static string Fold(string s) => s.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture);
}

/// <summary>
/// glibc's converters (iconv, in every Debian's libc-bin), an implementation of the legacy tables that shares nothing
/// with the decoder's: how a test-writer or an old Unix tool makes a VISCII or TCVN 5712 file.
/// </summary>
public static class Iconv
{
    public static byte[] Encode(string unicode, string encoding) => Run(Encoding.UTF8.GetBytes(unicode), "UTF-8", encoding + "//TRANSLIT");

    public static string Decode(byte[] bytes, string encoding) => Encoding.UTF8.GetString(Run(bytes, encoding, "UTF-8"));

    private static byte[] Run(byte[] input, string from, string to)
    {
        var start = new System.Diagnostics.ProcessStartInfo("iconv", ["-f", from, "-t", to])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        // Written beside the read: a large input would otherwise fill the pipe both ways.
        var writing = Task.Run(() => { process.StandardInput.BaseStream.Write(input); process.StandardInput.Close(); });
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        writing.Wait();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"iconv -f {from} -t {to} failed: {error}");
        return output.ToArray();
    }
}
