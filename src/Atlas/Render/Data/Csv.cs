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
        if (cell.IndexOfAny([',', '"', '\r', '\n']) < 0)
        {
            sb.Append(cell);
            return;
        }
        sb.Append('"').Append(cell.Replace("\"", "\"\"")).Append('"');
    }

    public byte[] ToBytes()
    {
        var body = Encoding.UTF8.GetBytes(sb.ToString());
        return [0xEF, 0xBB, 0xBF, .. body];
    }
}
