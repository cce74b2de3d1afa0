using System.Buffers;
using System.Text;

namespace Atlas.Ingest.Decoding;

/// <summary>
/// A UTF-8 file with a few corrupt bytes (a bad copy, a stray byte from another program) is not a legacy-encoded file:
/// it is recognised by its many valid multi-byte letters and few invalid bytes, and reported with where the damage is.
/// </summary>
public static class Utf8Damage
{
    /// <returns>A description of the damage, or null when the bytes do not look like damaged UTF-8.</returns>
    public static string? Describe(ReadOnlySpan<byte> bytes)
    {
        long invalid = 0, multiByte = 0;
        int firstInvalid = -1;
        for (int i = 0; i < bytes.Length;)
        {
            var status = Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed);
            if (status == OperationStatus.Done)
            {
                if (consumed > 1) multiByte++;
            }
            else
            {
                invalid++;
                if (firstInvalid < 0) firstInvalid = i;
            }
            i += Math.Max(consumed, 1);
        }
        if (invalid == 0 || multiByte < invalid * 20) return null;
        int line = 1, lineStart = 0;
        for (int i = 0; i < firstInvalid; i++)
            if (bytes[i] == (byte)'\n') { line++; lineStart = i + 1; }
        var column = Encoding.UTF8.GetCharCount(bytes[lineStart..firstInvalid]) + 1;
        return $"UTF-8 bị hỏng: {invalid} byte không hợp lệ, đầu tiên ở dòng {line}, cột {column} " +
               $"(damaged UTF-8: {invalid} invalid byte(s), the first at line {line}, column {column}); " +
               "hãy sửa chỗ đó hoặc xin lại tệp gốc (fix that spot or ask for the original file again)";
    }
}
