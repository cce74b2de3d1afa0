using System.Text;
using Atlas.Model;

namespace Atlas.Ingest.Decoding;

/// <summary>
/// Where a document's paragraphs go (Word and OpenDocument alike). Outside tables, one line each. A row of a table of
/// three columns or more (tasks: "STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian"; targets: "Chỉ tiêu | Đơn vị | 2025 |
/// 2030") is one line, its cells' paragraphs joined and the cells separated by " | ", as a Markdown table row reads: a
/// cell per line made each number and agency a passage of its own. A row of one or two cells is layout (the header's organ and motto, the
/// closing's recipients and signature), whose paragraphs the header and closing readers read line by line: one each.
/// A table inside a cell is read into that cell.
/// </summary>
internal sealed class TableRows(StringBuilder text)
{
    private int depth;
    private List<List<string>>? row; // the outermost table's current row: its cells' paragraphs

    public void Open() => depth++;

    public void Close() => depth = Math.Max(0, depth - 1);

    public void StartRow()
    {
        if (depth == 1) row = [];
    }

    public void StartCell()
    {
        if (depth == 1) row?.Add([]);
    }

    public void Paragraph(string paragraph)
    {
        if (depth >= 1 && row is { Count: > 0 }) row[^1].Add(paragraph);
        else text.Append(paragraph).Append('\n');
    }

    public void EndRow()
    {
        if (depth != 1 || row is null) return;
        var cells = row;
        row = null;
        if (cells.Count >= 3)
        {
            var joined = cells.Select(c => string.Join(' ', c.Select(p => p.Replace('\n', ' ').Trim()).Where(p => p.Length > 0))).ToList();
            if (joined.Any(c => c.Length > 0)) text.Append(TableRow.Of(joined)).Append('\n');
        }
        else foreach (var paragraph in cells.SelectMany(c => c)) text.Append(paragraph).Append('\n');
    }
}
