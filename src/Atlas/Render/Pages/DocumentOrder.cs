using Atlas.Model;

namespace Atlas.Render.Pages;

/// <summary>A heading (with its nesting depth, 1 for a root) or a passage, in the order the document prints them.</summary>
public sealed record DocumentEntry(Section? Section, Passage? Passage, int Depth);

/// <summary>
/// Headings and passages interleaved as in the source: a passage that follows a section's children in the document
/// (Quảng Ngãi "… II.1, II.2, then a paragraph of II") stays after them. Passages are in document order already; a heading
/// goes before the first passage that follows it (<see cref="Section.PassagesBefore"/>). For a model without positions
/// the heading of a passage's own section, and every heading before it in the tree, still comes first.
/// </summary>
public static class DocumentOrder
{
    public static IReadOnlyList<DocumentEntry> Of(Programme p)
    {
        var headings = new List<(Section Section, int Depth)>();
        void Flatten(IEnumerable<Section> sections, int depth)
        {
            foreach (var s in sections)
            {
                headings.Add((s, depth));
                Flatten(s.Children, depth + 1);
            }
        }
        Flatten(p.Sections, 1);
        var treeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < headings.Count; i++) treeIndex.TryAdd(headings[i].Section.Id, i);

        var entries = new List<DocumentEntry>(headings.Count + p.Passages.Count);
        int next = 0;
        for (int i = 0; i < p.Passages.Count; i++)
        {
            var passage = p.Passages[i];
            int upTo = passage.SectionId is { } id && treeIndex.TryGetValue(id, out var at) ? at : -1;
            while (next < headings.Count && (next <= upTo || headings[next].Section.PassagesBefore is >= 0 and var before && before <= i))
            {
                entries.Add(new DocumentEntry(headings[next].Section, null, headings[next].Depth));
                next++;
            }
            entries.Add(new DocumentEntry(null, passage, 0));
        }
        for (; next < headings.Count; next++) entries.Add(new DocumentEntry(headings[next].Section, null, headings[next].Depth));
        return entries;
    }
}
