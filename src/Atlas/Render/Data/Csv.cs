using System.Text;

namespace Atlas.Render.Data;

/// <summary>
/// RFC 4180 CSV for spreadsheets: CRLF rows, fields quoted when they hold a comma, quote or line break, quotes doubled,
/// UTF-8 with a byte-order mark so Excel reads Vietnamese correctly. Text cells that a spreadsheet would run as a
/// formula (starting with = + - @, tab or CR) are prefixed with an apostrophe: source text stays plain data.
/// </summary>
public sealed class Csv
{
    private readonly StringBuilder sb = new();

    public Csv(params string[] header) => Row(header);

    /// <summary>A row of text cells (null = empty).</summary>
    public Csv Row(params string?[] cells)
    {
        for (int i = 0; i < cells.Length; i++)
        {
            if (i > 0) sb.Append(',');
            Append(Defuse(cells[i] ?? ""));
        }
        sb.Append("\r\n");
        return this;
    }

    /// <summary>Neutralises spreadsheet formulas in a text cell.</summary>
    public static string Defuse(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '＝' or '＋' or '－' or '＠' ? "'" + cell : cell;

    private void Append(string cell)
    {
        if (cell.AsSpan().IndexOfAny(Special) < 0)
        {
            sb.Append(cell);
            return;
        }
        sb.Append('"').Append(cell.Replace("\"", "\"\"")).Append('"');
    }

    // What makes a cell quoted: searched without an array per cell (a targets.csv has a cell per column and target).
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(",\"\r\n");

    public byte[] ToBytes()
    {
        // The byte-order mark, then the text encoded in place (no second copy of the whole file to prepend the mark).
        var text = sb.ToString();
        var bytes = new byte[3 + Encoding.UTF8.GetByteCount(text)];
        bytes[0] = 0xEF;
        bytes[1] = 0xBB;
        bytes[2] = 0xBF;
        Encoding.UTF8.GetBytes(text, bytes.AsSpan(3));
        return bytes;
    }
}
