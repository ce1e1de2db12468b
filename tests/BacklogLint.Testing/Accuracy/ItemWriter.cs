using System.Globalization;

namespace BacklogLint.Testing.Accuracy;

/// <summary>Renders a <see cref="PlannedItem"/> in the native format and records the line of every key and entry it
/// writes, so that expected findings carry exact lines. Versions differ only in the body: the note line, inline
/// agreements marked <see cref="PlannedInlineAgreement.RewrittenLater"/> (from version 2), and inserted lines that
/// move the agreements down. The lines recorded are the work tree's (the last version written).</summary>
internal sealed class ItemWriter
{
    private readonly List<string> _lines = [];
    private readonly PlannedItem _item;
    private readonly int _version;
    private readonly bool _localEdit;

    private ItemWriter(PlannedItem item, int version, bool localEdit)
    {
        _item = item;
        _version = version;
        _localEdit = localEdit;
    }

    /// <summary>Sets <see cref="PlannedItem.Versions"/> and <see cref="PlannedItem.Lines"/>.</summary>
    public static void Render(PlannedItem item)
    {
        var committed = item.SecondCommit is null ? 1 : 2;
        var last = item.CommitState == CommitState.Dirty ? committed + 1 : committed;
        item.Versions.Clear();
        for (var version = 1; version <= last; version++)
        {
            item.Lines.Clear();
            item.OwnerLines.Clear();
            item.Versions.Add(new ItemWriter(item, version, item.CommitState == CommitState.Dirty && version == last).Write());
        }
    }

    private string Write()
    {
        Add("---", "line1");
        WriteFrontMatter();
        if (_item.Broken != BrokenYaml.Unclosed) Add(_item.ClosesWithDots ? "..." : "---");
        WriteBody();
        var newline = _item.Crlf ? "\r\n" : "\n";
        return (_item.ByteOrderMark ? "\uFEFF" : "") + string.Join(newline, _lines) + newline;
    }

    private void WriteFrontMatter()
    {
        var item = _item;
        if (item.WritesId) Key("id", item.Id);
        Key("title", item.TitleText);
        if (item.Broken == BrokenYaml.Anchor) Add("notes: &shared Some notes", "broken");
        if (item.Description)
        {
            Key("description", "|");
            Add("  Lines of a block scalar that look like keys and a fence:");
            Add("  owner: nobody");
            Add("  ---");
            Add("  status: done");
        }

        if (item.TypeText is not null) Key("type", item.TypeText);
        if (item.StatusText is not null) Key("status", item.StatusQuoted ? $"\"{item.StatusText}\"" : item.StatusText);
        if (item.Broken == BrokenYaml.DuplicateKey) Add("Status: done", "broken");
        WriteOwners();
        if (item.TeamText is not null) Key("team", item.TeamText);
        Date("created", item.Created);
        Date("updated", item.Updated);
        Date("due", item.Due);
        WriteDependencies();
        if (item.BlockedByText is not null) Key("blocked-by", item.BlockedByText);
        if (item.PartiesText is not null) Key("parties", item.PartiesText);
        Date("agreed", item.Agreed);
        Date("review-by", item.ReviewBy);
        if (item.ReviewEveryText is not null) Key("review-every", item.ReviewEveryText);
        if (item.SupersededByText is not null) Key("superseded-by", item.SupersededByText);
        WriteHandoffs();
        var first = item.Lines.Where(pair => pair.Key != "line1").Select(pair => pair.Value).DefaultIfEmpty(2).Min();
        Record("first-key", first);
    }

    private void WriteOwners()
    {
        if (_item.OwnerKey is null) return;
        if (!_item.OwnersAsBlock)
        {
            Record("owner", Key(_item.OwnerKey, _item.OwnerText ?? ""));
            return;
        }

        Record("owner", Key(_item.OwnerKey, null));
        foreach (var owner in _item.Owners) _item.OwnerLines.Add(Add($"  - \"{owner}\""));
    }

    private void WriteDependencies()
    {
        var dependencies = _item.DependsOn;
        if (dependencies.Count == 0)
        {
            if (_item.DependencyStyle == DependencyStyle.Empty) Key("depends-on", "[]");
            return;
        }

        switch (_item.DependencyStyle)
        {
            case DependencyStyle.Block:
                Key("depends-on", null);
                for (var i = 0; i < dependencies.Count; i++)
                    dependencies[i].Line = Add(i % 2 == 1 ? $"  - \"{dependencies[i].Target}\"" : $"  - {dependencies[i].Target}");
                break;
            case DependencyStyle.Scalar:
                var scalar = Key("depends-on", string.Join(", ", dependencies.Select(d => d.Target)));
                foreach (var dependency in dependencies) dependency.Line = scalar;
                break;
            case DependencyStyle.FlowOverLines when dependencies.Count > 1:
                dependencies[0].Line = Key("depends-on", $"[{dependencies[0].Target},");
                for (var i = 1; i < dependencies.Count; i++)
                    dependencies[i].Line = Add($"  {dependencies[i].Target}{(i == dependencies.Count - 1 ? "]" : ",")}");
                break;
            default:
                var flow = Key("depends-on", $"[{string.Join(", ", dependencies.Select(d => d.Target))}]");
                foreach (var dependency in dependencies) dependency.Line = flow;
                break;
        }
    }

    private void WriteHandoffs()
    {
        if (_item.Handoffs.Count == 0) return;
        Key("handoffs", null);
        foreach (var handoff in _item.Handoffs)
        {
            var entry = new List<(string Key, string Text, Action<int> Line)>();
            if (handoff.From is not null) entry.Add(("from", $"\"{handoff.From}\"", _ => { }));
            if (handoff.ToText is not null) entry.Add(("to", handoff.ToText, line => handoff.ToLine = line));
            if (handoff.Date is not null) entry.Add(("date", handoff.Date.Text, line => handoff.DateLine = line));
            if (handoff.AcceptedText is not null) entry.Add(("accepted", handoff.AcceptedText, line => handoff.AcceptedLine = line));
            for (var i = 0; i < entry.Count; i++)
            {
                var line = Add(Join($"{(i == 0 ? "  - " : "    ")}{entry[i].Key}:", entry[i].Text));
                if (i == 0) handoff.EntryLine = line;
                entry[i].Line(line);
            }
        }
    }

    private void WriteBody()
    {
        Add(string.Create(CultureInfo.InvariantCulture, $"# Work item {_item.Index}"));
        Add("");
        if (_localEdit) Add("Edited locally, not committed yet.");
        Add(string.Create(CultureInfo.InvariantCulture, $"Version {_version}: notes about the work on item {_item.Index}."));
        if (_item.InsertsLineFrom is { } from && _version >= from) Add("Follow-up: the plan changed a little.");
        if (_item.CodeBlock) WriteCodeBlock();
        if (_item.Agreements.Count > 0)
        {
            Add("");
            Add("## Agreements");
            foreach (var agreement in _item.Agreements) agreement.Line = Add(InlineAgreement(agreement));
        }

        if (_item.Tasks.Count > 0)
        {
            Add("");
            Add("## Tasks");
            for (var i = 0; i < _item.Tasks.Count; i++)
            {
                var task = _item.Tasks[i];
                var mark = task.Checked ? (task.UpperX ? "X" : "x") : " ";
                _item.Tasks[i] = task with { Line = Add($"{(task.Nested ? "  " : "")}{task.Bullet} [{mark}] {task.Text}") };
            }
        }

        if (_item.Link is { } link)
        {
            Add("");
            _item.Link = link with { Line = Add($"See [the background]({LinkText(link)}) for details.") };
        }
    }

    /// <summary>Text that looks like a task, an agreement section and broken links, but is code: none of it counts.
    /// The agreement names payments and growth, which no agreement in force covers.</summary>
    private void WriteCodeBlock()
    {
        Add("");
        Add("## Example");
        Add("");
        Add("Inline code such as `[notes](../../missing-code.md)` is not a link.");
        Add("");
        Add("```markdown");
        Add("- [ ] not a task");
        Add("## Agreements");
        Add("- 2020-01-01 @payments @growth: not an agreement.");
        Add("[old notes](../../missing-notes.md)");
        Add("```");
    }

    /// <summary>The link as written: relative to the item's folder (three levels more for a link above the root), with
    /// spaces as <c>%20</c>.</summary>
    private string LinkText(PlannedLink link)
    {
        var up = string.Concat(Enumerable.Repeat("../", _item.Path.Count(c => c == '/')));
        var text = link.Kind switch
        {
            "absolute URL" => link.Target,
            "above the root" => "../../../" + up + link.Target,
            "dotted path" => "./" + up + "backlog/../" + link.Target,
            _ => up + link.Target,
        };
        return text.Replace(" ", "%20", StringComparison.Ordinal);
    }

    private string InlineAgreement(PlannedInlineAgreement agreement)
    {
        var parts = new List<string> { agreement.Bullet.ToString() };
        if (agreement.Date is not null) parts.Add(agreement.Date.Text);
        if (agreement.Mentions.Count > 0) parts.Add(string.Join(' ', agreement.Mentions) + ":");
        parts.Add(agreement.RewrittenLater && _version > 1 ? agreement.Text + " (revised)" : agreement.Text);
        if (agreement.ReviewBy is not null) parts.Add($"review-by: {agreement.ReviewBy.Text}");
        return string.Join(' ', parts);
    }

    private void Date(string key, DateValue? value)
    {
        if (value is not null) Key(key, value.Text);
    }

    private int Key(string key, string? value)
    {
        if (_item.CommentBefore.Contains(key)) Add($"# {key} follows");
        var line = Join(key + ":", value);
        return Add(_item.TrailingComments ? line + "  # noted" : line, key);
    }

    private static string Join(string key, string? value) => string.IsNullOrEmpty(value) ? key : $"{key} {value}";

    private int Add(string line, string? slot = null)
    {
        _lines.Add(line);
        if (slot is not null) Record(slot, _lines.Count);
        return _lines.Count;
    }

    private void Record(string slot, int line) => _item.Lines[slot] = line;
}
