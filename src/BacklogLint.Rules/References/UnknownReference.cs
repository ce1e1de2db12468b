using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Rules.References;

/// <summary>BL0401: a reference to something that does not exist: a <c>depends-on</c> entry, a <c>parent</c>, or an agreement's
/// <c>superseded-by</c> naming no item id (case-insensitive), or a relative Markdown link in the body to a <c>.md</c>
/// file that is not in the repository. Links with a scheme (<c>https:</c>, <c>mailto:</c>), absolute paths and pure
/// <c>#anchors</c> are not checked; handoff receivers are BL0201's and <c>blocked-by</c> is free text.</summary>
public sealed class UnknownReference : ItemRule
{
    public static RuleDescriptor Rule { get; } = new(
        RuleIds.UnknownReference,
        "unknown-reference",
        "Reference to an item or file that does not exist",
        "'{0}' {1} '{2}', but {3}",
        RuleCategory.References,
        Severity.Error)
    {
        Fixable = true,
    };

    public override RuleDescriptor Descriptor => Rule;

    public override RuleInputs Reads => RuleInputs.ReferencedItems | RuleInputs.Files | RuleInputs.History;

    public override void Analyze(ItemContext context)
    {
        var item = context.Item;
        var repository = context.Repository;

        foreach (var dependency in item.DependsOn)
        {
            if (dependency.Value.Length == 0 || repository.Find(dependency.Value) is not null || repository.Format.IsExternalId(dependency.Value)) continue;
            context.Report(dependency.Span, "depends-on:" + dependency.Value, item.Id.Value, "depends on", dependency.Value, "no item has that id");
        }

        if (item.Parent is { Value.Length: > 0 } parent && repository.Find(parent.Value) is null)
            context.Report(parent.Span, "parent:" + parent.Value, item.Id.Value, "is part of", parent.Value, "no item has that id");

        if (item.Agreements is [{ Kind: AgreementKind.WholeItem, SupersededBy: { Value.Length: > 0 } successor }, ..]
            && repository.Find(successor.Value) is null
            && !item.Links.Any(link => IsWithin(link.Span, successor.Span)))
        {
            context.Report(successor.Span, "superseded-by:" + successor.Value, item.Id.Value, "is superseded by", successor.Value, "no item has that id");
        }

        foreach (var related in item.SeeAlso)
        {
            if (Related(repository, item, related.Value) is not { } problem) continue;
            context.Report(related.Span, "see-also:" + related.Value, item.Id.Value, "points at", related.Value, problem);
        }

        foreach (var (link, problem, fix) in BrokenLinks(repository, item.Path, item.Links))
            context.Report(link.Span, "link:" + link.Target, fix, item.Id.Value, "links to", link.Target, problem);

        // A KEP's README.md is checked as its kep.yaml is.
        foreach (var document in repository.DocumentsOf(item))
            foreach (var (link, problem, fix) in BrokenLinks(repository, document.Path, document.Links))
                context.Report(document.Path, link.Span, "link:" + document.Path + ":" + link.Target, fix, item.Id.Value, "links to", link.Target, problem);
    }

    /// <summary>The broken links of one file, each target once, at its first link: the same target linked again is
    /// counted in the message, not reported again.</summary>
    private static IEnumerable<(LinkReference Link, string Problem, Fix? Fix)> BrokenLinks(PlanningRepository repository, string fromPath, IReadOnlyList<LinkReference> links)
    {
        foreach (var group in links.GroupBy(link => LinkTargets.MarkdownFile(link.Target) ?? link.Target, StringComparer.Ordinal))
        {
            if (BrokenLink(repository, fromPath, group.First()) is not { } problem) continue;
            var count = group.Count();
            yield return (group.First(), count == 1 ? problem : $"{problem} ({count} links to it in this file)", MovedLinkFix(repository, fromPath, [.. group]));
        }
    }

    /// <summary>Every link of the group pointed where git history says its file went (renamed or moved, and still there),
    /// the anchor kept: <c>gone.md#why</c> → <c>done/gone.md#why</c>. None when the file is gone for good, when a file that
    /// differs only in case exists (which one was meant is a person's call), or when a link is not written plainly.</summary>
    private static Fix? MovedLinkFix(PlanningRepository repository, string fromPath, List<LinkReference> links)
    {
        if (LinkTargets.MarkdownFile(links[0].Target) is not { } file || LinkTargets.Resolve(fromPath, file) is not { } path) return null;
        if (repository.MarkdownPathsIgnoringCase(path).Any()) return null;
        if (repository.MoveOf(path) is not { To: { } to } || !repository.MarkdownPaths.Contains(to)) return null;
        var relative = RelativeLink(fromPath, to);
        if (relative.Any(c => c is ' ' or '(' or ')' or '<' or '>' or '%' or '#' or '?' or '[' or ']')) return null;
        var edits = new List<TextEdit>();
        foreach (var link in links)
        {
            var target = link.Target;
            var end = target.IndexOfAny(['#', '?']);
            var (written, suffix) = end < 0 ? (target, "") : (target[..end], target[end..]);
            // A percent-encoded path would need the new one encoded alike: left to a person.
            if (link.TargetRange is not { } range || written != Uri.UnescapeDataString(written)) return null;
            var prefix = written.StartsWith("./", StringComparison.Ordinal) && !relative.StartsWith("../", StringComparison.Ordinal) ? "./" : "";
            edits.Add(new TextEdit(fromPath, range, prefix + relative + suffix));
        }

        return new Fix($"Link to '{relative}', where git history says '{path}' went", edits);
    }

    /// <summary>The relative link from <paramref name="fromPath"/>'s folder to <paramref name="to"/> (both repository-relative).</summary>
    private static string RelativeLink(string fromPath, string to)
    {
        var from = fromPath.Split('/')[..^1];
        var target = to.Split('/');
        var common = 0;
        while (common < from.Length && common < target.Length - 1 && from[common] == target[common]) common++;
        return string.Concat(Enumerable.Repeat("../", from.Length - common)) + string.Join('/', target[common..]);
    }

    /// <summary>What is wrong with a relative link to a Markdown file from <paramref name="fromPath"/>; null when it
    /// resolves, is not checked, or points out of sight.</summary>
    private static string? BrokenLink(PlanningRepository repository, string fromPath, LinkReference link)
    {
        if (LinkTargets.MarkdownFile(link.Target) is not { } file) return null;
        var resolved = LinkTargets.Resolve(fromPath, file);
        if (resolved is not null && repository.MarkdownPaths.Contains(resolved)) return null;
        // The repository's build points this link elsewhere (ERCs' './eip-20.md' is the EIPs repository's).
        if (repository.Format.IsExternalLink(link.Target)) return null;
        // A folder with no Markdown file that was read is out of sight (code, assets, a folder the checkout left
        // out): what is there cannot be known, so the link is not called broken.
        // Above the repository's root is out of sight too (GitHub resolves such links to the organisation's other
        // repositories).
        if (resolved is null || !IsVisibleFolder(repository, resolved)) return null;
        return Missing(repository, resolved);
    }

    /// <summary>What is wrong with a <c>see-also</c> entry: an id no item has, or a path (from the repository's root
    /// when it starts with '/') that no file read lies in or under; null when it resolves or is out of sight.</summary>
    private static string? Related(PlanningRepository repository, WorkItem item, string value)
    {
        if (!value.Contains('/', StringComparison.Ordinal))
            return repository.Find(value) is not null || repository.Format.IsExternalId(value) ? null : "no item has that id";
        var path = value.StartsWith('/') ? value.Trim('/') : LinkTargets.Resolve(item.Path, value.TrimEnd('/'));
        if (path is null) return "the path leads outside the repository";
        if (repository.IsFileOrFolder(path)) return null;
        return IsVisibleFolder(repository, path) ? $"there is no file or folder '{path}'" : null;
    }

    private static bool IsVisibleFolder(PlanningRepository repository, string path)
    {
        var slash = path.LastIndexOf('/');
        return repository.HasMarkdownIn(slash < 0 ? "" : path[..(slash + 1)]);
    }

    // A successor read from a status line's link ("Superseded by [ADR-0012](0012-x.md)") is reported once, as the link.
    private static bool IsWithin(SourceSpan inner, SourceSpan outer) =>
        inner.Line == outer.Line && inner.Column >= outer.Column && inner.EndColumn <= outer.EndColumn;

    // Paths compare exactly, as git and GitHub do; a file that differs only in case is named, since that is the usual cause.
    // A file git history shows was renamed is named where it went.
    private static string Missing(PlanningRepository repository, string path) =>
        repository.MarkdownPathsIgnoringCase(path).FirstOrDefault() is { } spelled
            ? $"there is no Markdown file '{path}' (there is '{spelled}': paths are case-sensitive)"
            : repository.MoveOf(path) is { To: { } to } move
                ? $"there is no Markdown file '{path}': it was renamed to '{to}' in {move.Commit} ({move.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)})"
                : $"there is no Markdown file '{path}'";
}
