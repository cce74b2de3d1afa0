using System.Globalization;
using System.Text;

namespace Atlas.Model;

/// <summary>ASCII slugs for file names, URLs and anchors: Vietnamese folded (đ→d, marks removed).</summary>
public static class Slugs
{
    public static string From(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool dash = false;
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var c = ch switch { 'đ' => 'd', 'Đ' => 'd', _ => char.ToLowerInvariant(ch) };
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(c);
                dash = false;
            }
            else if (!dash && sb.Length > 0)
            {
                sb.Append('-');
                dash = true;
            }
        }
        return sb.ToString().TrimEnd('-');
    }
}
