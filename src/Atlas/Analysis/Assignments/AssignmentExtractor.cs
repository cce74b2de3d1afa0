using Atlas.Model;

namespace Atlas.Analysis.Assignments;

/// <summary>
/// Turns the labelled lines ingest attaches to a task (<see cref="Passage.Fields"/>: "Cơ quan chỉ đạo", "Cơ quan chủ trì
/// tham mưu", "Cơ quan tham mưu, thực hiện", "Cơ quan phối hợp", "Cơ quan tổ chức thực hiện", "Thời gian thực hiện"…)
/// into one <see cref="Assignment"/> per task. Labels are matched on folded text so spelling and wording variants
/// ("Đơn vị chủ trì", "Thời hạn hoàn thành", "Tiến độ") land in the same slot; a label that names no role is ignored.
/// </summary>
public static class AssignmentExtractor
{
    public enum Role { Directing, Lead, Implementing, Coordinating, Timing }

    public static IReadOnlyList<Assignment> Extract(Programme programme)
    {
        var result = new List<Assignment>();
        foreach (var passage in programme.Passages)
        {
            if (passage.Fields.Count == 0) continue;
            var slots = new Dictionary<Role, List<string>>();
            foreach (var field in passage.Fields)
            {
                if (RoleOf(field.Label) is not { } role) continue;
                var value = field.Value.Trim().TrimEnd('.', ';').Trim();
                if (value.Length == 0) continue;
                if (!slots.TryGetValue(role, out var list)) slots[role] = list = [];
                if (!list.Contains(value, StringComparer.Ordinal)) list.Add(value);
            }
            if (slots.Count == 0) continue;
            string? Get(Role r) => slots.TryGetValue(r, out var v) ? string.Join("; ", v) : null;
            result.Add(new Assignment(passage.Id, Get(Role.Directing), Get(Role.Lead), Get(Role.Implementing), Get(Role.Coordinating), Get(Role.Timing)));
        }
        return result;
    }

    /// <summary>Which slot a label fills, or null. Order matters: "Thời gian thực hiện" is a time, not an implementer.</summary>
    public static Role? RoleOf(string label)
    {
        var f = " " + new string(TextFold.Fold(label).Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray()) + " ";
        while (f.Contains("  ", StringComparison.Ordinal)) f = f.Replace("  ", " ");
        if (Has(f, "thoi gian") || Has(f, "thoi han") || Has(f, "tien do") || Has(f, "lo trinh")) return Role.Timing;
        if (Has(f, "chi dao")) return Role.Directing;
        if (Has(f, "phoi hop")) return Role.Coordinating;
        if (Has(f, "chu tri") || Has(f, "chiu trach nhiem chinh")) return Role.Lead;
        if (Has(f, "tham muu") || Has(f, "thuc hien") || Has(f, "trien khai") || Has(f, "don vi") || Has(f, "co quan")) return Role.Implementing;
        return null;
    }

    private static bool Has(string folded, string words) => folded.Contains(" " + words + " ", StringComparison.Ordinal);
}
