namespace BacklogLint.Core.Dialects;

/// <summary>The built-in dialects: each is a <c>format:</c> section, exactly as a team would write one in
/// <c>.backloglint.yml</c> (README "Dialects" describes the keys). To add a dialect, copy a neighbour.</summary>
public static class BuiltInDialects
{
    public const string Native = "native";

    /// <summary>Dialect name → its <c>format:</c> section in YAML.</summary>
    public static IReadOnlyDictionary<string, string> Formats { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Native] = "{}",

        // Backlog.md (https://github.com/MrLesk/Backlog.md): one file per task, decisions beside them.
        ["backlog-md"] = """
            items: ["backlog/tasks/**/*.md", "backlog/drafts/**/*.md", "backlog/completed/**/*.md", "backlog/archive/**/*.md", "backlog/decisions/**/*.md"]
            agreements: ["backlog/decisions/**/*.md"]
            archived: ["backlog/archive/**/*.md"]
            fields:
              owner: [assignee]
              depends-on: [dependencies]
              parent: [parent_task_id, parent]
              created: [created_date]
              updated: [updated_date]
              due: [due_date]
              agreed: [date]
              parties: []   # decisions have no key for who decided: BL0102 would fire on every one
            statuses:
              work:
                open: [To Do, Draft]
            status-list: { path: backlog/config.yml, key: statuses }
            """,

        // MADR and older ADRs (adr-tools, Nygard): numbered decision records; status in front matter, in a
        // "Status: …" line or under a "## Status" heading.
        ["madr"] = """
            items: ["docs/decisions/**/*.md", "docs/adr/**/*.md", "doc/adr/**/*.md", "docs/architecture/decisions/**/*.md", "adr/**/*.md"]
            agreements: ["**/*.md"]
            metadata: [front-matter, header, sections]
            id-from: file-number
            fields:
              parties: [decision-makers, deciders]
              agreed: [date]
            statuses:
              agreements:
                proposed: [draft, proposed]
                retired: [deprecated, superseded, rejected]
            """,

        // RFC and proposal repositories: "Key: value" lines (often a list) at the top of the body.
        ["header"] = """
            items: ["proposals/**/*.md", "rfcs/**/*.md", "design/**/*.md"]
            agreements: ["**/*.md"]
            metadata: [header]
            fields:
              type: []
              status: [status, state]
              parties: [author(s), authors, author, owner(s), owners, owner]
              agreed: [date]
              created: [created, start date]
              updated: [last updated, last-updated, updated]
              review-by: [review by, review date]
            values:
              parties: people
            statuses:
              agreements:
                # Swift Evolution writes "Awaiting review", "Active review (dates)" and "Returned for revision";
                # without their own words, "Active review" would read as the agreement word "active", in force.
                proposed: [discussion, under review, review, in review, open, wip, implementable, provisional, awaiting review, scheduled for review, active review, returned for revision]
                in-force: [implemented, final, landed, likely accept, previewing]
                retired: [declined, postponed, likely decline, obsolete, replaced]
            """,

        // Kubernetes enhancement proposals: keps/<sig>/<number>-<name>/kep.yaml beside README.md.
        ["kep"] = """
            items: ["keps/**/kep.yaml"]
            agreements: ["keps/**/kep.yaml"]
            metadata: [yaml-file]
            id-from: folder-number
            fields:
              id: [kep-number]
              owner: [authors]
              team: [owning-sig]
              parties: [approvers]
              created: [creation-date]
              agreed: [creation-date]
              updated: [last-updated]
            values:
              superseded-by: number
            statuses:
              agreements:
                proposed: [provisional, implementable]
                # An implemented KEP is history: the feature shipped and nobody revisits the proposal. In force, every
                # shipped KEP would be a stale agreement (BL0101) once max-age passed.
                retired: [implemented, deferred, rejected, withdrawn, replaced]
            """,
    };

    public static IEnumerable<string> Names => Formats.Keys;
}
