using System.Text;

namespace Atlas.Ingest.Decoding;

/// <summary>
/// VNI (the VNI-Windows fonts: VNI-Times, VNI-Helve…), the legacy font encoding most documents of the southern
/// provinces were typed in. A letter is its ASCII base followed by Latin-1 characters standing for its marks:
/// "Vieät Nam" is "Việt Nam" (e + "ä" = circumflex and dot below), "ñ" is "đ", "ô" is "ơ", "ö" is "ư", and "i" and
/// "y" have toned forms of their own (í ì æ ó ò, î). Saved as text, the characters are Windows-1252 bytes; saved as
/// Unicode (Word, a VNI font), they are those Latin-1 characters. Decoded by turning each mark into Unicode's
/// combining marks and composing (NFC).
/// </summary>
public static class Vni
{
    private const string Acute = "\u0301", Grave = "\u0300", Hook = "\u0309", Tilde = "\u0303", Dot = "\u0323";
    private const string Circumflex = "\u0302", Breve = "\u0306";

    /// <summary>A mark written after a vowel: the Latin-1 character (lower case; capitals are the same letters upper case)
    /// and the combining marks it stands for, with the bases it can follow.</summary>
    private static readonly Dictionary<char, (string Marks, string Bases)> Marks = BuildMarks();

    /// <summary>Characters that are letters of their own, whatever precedes them.</summary>
    private static readonly Dictionary<char, char> Letters = new()
    {
        ['ô'] = 'ơ', ['Ô'] = 'Ơ', ['ö'] = 'ư', ['Ö'] = 'Ư', ['ñ'] = 'đ', ['Ñ'] = 'Đ',
        ['í'] = 'í', ['Í'] = 'Í', ['ì'] = 'ì', ['Ì'] = 'Ì', ['æ'] = 'ỉ', ['Æ'] = 'Ỉ', ['ó'] = 'ĩ', ['Ó'] = 'Ĩ', ['ò'] = 'ị', ['Ò'] = 'Ị',
        ['î'] = 'ỵ', ['Î'] = 'Ỵ',
    };

    private static Dictionary<char, (string, string)> BuildMarks()
    {
        const string anyVowel = "aeouyơư", withCircumflex = "aeo", withBreve = "a";
        var lower = new (char Char, string Marks, string Bases)[]
        {
            ('ù', Acute, anyVowel), ('ø', Grave, anyVowel), ('û', Hook, anyVowel), ('õ', Tilde, anyVowel), ('ï', Dot, anyVowel),
            ('â', Circumflex, withCircumflex), ('á', Circumflex + Acute, withCircumflex), ('à', Circumflex + Grave, withCircumflex),
            ('å', Circumflex + Hook, withCircumflex), ('ã', Circumflex + Tilde, withCircumflex), ('ä', Circumflex + Dot, withCircumflex),
            ('ê', Breve, withBreve), ('é', Breve + Acute, withBreve), ('è', Breve + Grave, withBreve),
            ('ú', Breve + Hook, withBreve), ('ü', Breve + Tilde, withBreve), ('ë', Breve + Dot, withBreve),
        };
        var map = new Dictionary<char, (string, string)>();
        foreach (var (c, marks, bases) in lower)
        {
            map[c] = (marks, bases);
            map[char.ToUpperInvariant(c)] = (marks, bases);
        }
        return map;
    }

    /// <summary>VNI bytes (Windows-1252) → NFC Unicode.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes) => DecodeChars(SingleByte.Decode(bytes, SingleByte.Windows1252));

    /// <summary>VNI characters (the font's Latin-1 letters) → NFC Unicode. A mark after anything but a vowel it can
    /// sit on is left as it is (and then reads as a wrong syllable, which the caller's score notices).</summary>
    public static string DecodeChars(string text)
    {
        var sb = new StringBuilder(text.Length);
        char previous = '\0'; // the last letter written, lower case, after mapping (ơ, ư)
        foreach (var c in text)
        {
            if (Marks.TryGetValue(c, out var mark) && mark.Bases.Contains(previous))
            {
                sb.Append(mark.Marks);
                previous = '\0'; // one mark per vowel
            }
            else if (Letters.TryGetValue(c, out var letter))
            {
                sb.Append(letter);
                previous = char.ToLowerInvariant(letter);
            }
            else
            {
                sb.Append(c);
                previous = char.ToLowerInvariant(c);
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
