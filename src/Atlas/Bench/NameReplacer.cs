using System.Globalization;
using System.Text;

namespace Atlas.Bench;

/// <summary>
/// Finds and replaces a place name as a whole word in the forms a received document may hold it:
/// composed (NFC), decomposed (NFD) and upper case ("TỈNH ỦY HẬU GIANG"), each replaced in its own form
/// so a re-typed document stays as re-typed.
/// </summary>
public static class NameReplacer
{
    public static int CountMentions(string text, string name) =>
        Forms(name).Sum(form => Matches(text, form).Count());

    public static string Replace(string text, string oldName, string newName)
    {
        var newForms = Forms(newName);
        var oldForms = Forms(oldName);
        for (int f = 0; f < oldForms.Length; f++)
        {
            // An NFC name equal to its NFD form (plain ASCII) would be replaced twice; the second pass finds nothing.
            var hits = Matches(text, oldForms[f]).ToList();
            if (hits.Count == 0) continue;
            var sb = new StringBuilder(text.Length + hits.Count * Math.Max(0, newForms[f].Length - oldForms[f].Length));
            int last = 0;
            foreach (var at in hits)
            {
                sb.Append(text, last, at - last).Append(newForms[f]);
                last = at + oldForms[f].Length;
            }
            text = sb.Append(text, last, text.Length - last).ToString();
        }
        return text;
    }

    /// <summary>NFC, NFD, upper NFC, upper NFD.</summary>
    internal static string[] Forms(string name)
    {
        var nfc = name.Normalize(NormalizationForm.FormC);
        var upper = nfc.ToUpperInvariant();
        return [nfc, nfc.Normalize(NormalizationForm.FormD), upper, upper.Normalize(NormalizationForm.FormD)];
    }

    private static IEnumerable<int> Matches(string text, string form)
    {
        for (int at = text.IndexOf(form, StringComparison.Ordinal); at >= 0; at = text.IndexOf(form, at + form.Length, StringComparison.Ordinal))
            if (!IsWordChar(text, at - 1) && !IsWordChar(text, at + form.Length))
                yield return at;
    }

    // A following combining mark means the match ends inside a letter ("Giang" + U+0301 is not "Giang").
    private static bool IsWordChar(string text, int i) =>
        i >= 0 && i < text.Length && (char.IsLetterOrDigit(text[i]) ||
            CharUnicodeInfo.GetUnicodeCategory(text[i]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark);
}
