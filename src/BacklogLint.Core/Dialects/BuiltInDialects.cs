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

        // Backlog.md (https://github.com/MrLesk/Backlog.md): one file per task, decisions beside them. Read as Backlog.md
        // reads it: a bare '@name' value is quoted, work is assigned at pick-up (To Do and drafts need no owner yet).
        ["backlog-md"] = """
            items: ["backlog/tasks/**/*.md", "backlog/drafts/**/*.md", "backlog/completed/**/*.md", "backlog/archive/**/*.md", "backlog/decisions/**/*.md"]
            agreements: ["backlog/decisions/**/*.md"]
            archived: ["backlog/archive/**/*.md"]
            bare-mentions: true
            fields:
              type: []      # Backlog.md's 'type: bug' is a label, not an item type
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
            lifecycle:
              owner-optional: [To Do, Draft]
            status-list: { path: backlog/config.yml, key: statuses, prefix-key: task_prefix, prefix: task }
            """,

        // MADR and older ADRs (adr-tools, Nygard): numbered decision records; status in front matter, in a
        // "Status: …" line or under a "## Status" heading. A decided record stands until superseded; a proposed one
        // nobody decided goes stale. Who decided (decision-makers) is optional in MADR.
        ["madr"] = """
            items: ["docs/decisions/**/*.md", "docs/adr/**/*.md", "doc/adr/**/*.md", "docs/architecture/decisions/**/*.md", "adr/**/*.md", "docs/adrs/**/*.md", "architecture/decisions/**/*.md"]
            agreements: ["**/*.md"]
            metadata: [front-matter, header, sections]
            id-from: file-number
            default-status: accepted   # a record that writes no status was decided (MADR makes status optional)
            parties-required: false
            fields:
              parties: [decision-makers, deciders]
              agreed: [date]
            statuses:
              agreements:
                proposed: [draft, proposed, on hold, in progress, experimental, pending, open]
                in-force: [approved, decided]
                retired: [deprecated, superseded, rejected, declined, replaced, withdrawn]
            lifecycle:
              final: [accepted, approved, decided, deprecated, superseded, rejected, declined, replaced, withdrawn]
            """,

        // RFC and proposal repositories: "Key: value" lines (often a list) at the top of the body. A proposal that
        // writes no status is a published record (Rust's merged RFCs in text/, Go's design documents).
        ["header"] = """
            items: ["proposals/**/*.md", "rfcs/**/*.md", "design/**/*.md", "text/**/*.md"]
            agreements: ["**/*.md"]
            metadata: [front-matter, header]
            default-status: merged
            parties-required: false
            fields:
              type: []
              status: [status, state, stage]
              owner: [author(s), authors, author, owner(s), owners, owner, champion(s), champions, champion]
              parties: [author(s), authors, author, owner(s), owners, owner]
              agreed: [date]
              created: [created, start date]
              updated: [last updated, last-updated, updated]
              review-by: [review by, review date]
            values:
              owner: people
              parties: people
            statuses:
              agreements:
                # Swift Evolution writes "Awaiting review", "Active review (dates)" and "Returned for revision";
                # without their own words, "Active review" would read as the agreement word "active", in force.
                # Ember writes a stage: exploring, accepted, ready for release, released, recommended, discontinued.
                proposed: [discussion, under review, review, in review, open, wip, implementable, provisional, awaiting review, scheduled for review, active review, returned for revision, pitch, draft, proposed, exploring, ready for implementation]
                in-force: [implemented, final, landed, likely accept, previewing, accepted, accepted with modifications, partially implemented, implemented with modifications, merged, adopted, approved, ready for release, released, recommended, active, living]
                retired: [declined, postponed, likely decline, obsolete, replaced, expired, rejected, withdrawn, superseded, deferred, discontinued, abandoned, dormant, inactive]
            lifecycle:
              final: [implemented, final, landed, previewing, accepted, accepted with modifications, partially implemented, implemented with modifications, merged, adopted, approved, ready for release, released, recommended, living, declined, postponed, obsolete, replaced, expired, rejected, withdrawn, deferred, discontinued, abandoned, dormant, inactive, superseded]
              deadlines: { active review: status, in review: status, under review: status, review: status, scheduled for review: status }
              # Returned or waiting for a year with nobody touching it, a proposal is abandoned in all but name.
              limits: { returned for revision: 1y, awaiting review: 1y }
            """,

        // Kubernetes enhancement proposals: keps/<sig>/<number>-<name>/kep.yaml beside README.md, or the same keys as
        // front matter of Markdown proposals (a KEP-like process in another project).
        ["kep"] = """
            items: ["keps/**/kep.yaml"]
            documents: ["keps/**/README.md"]
            agreements: ["**/kep.yaml", "**/*.md"]
            metadata: [yaml-file, front-matter]
            id-from: folder-number
            fields:
              id: [kep-number]
              owner: [authors]
              team: [owning-sig]
              parties: [approvers]
              created: [creation-date]
              agreed: [creation-date]
              updated: [last-updated]
              see-also: [see-also, replaces]
            values:
              superseded-by: number
            statuses:
              agreements:
                proposed: [provisional, implementable, draft, proposed]
                # An implemented KEP is history: the feature shipped and nobody revisits the proposal.
                retired: [implemented, deferred, rejected, withdrawn, replaced, removed, superseded, declined, obsolete]
                in-force: [experimental, accepted]
            lifecycle:
              final: [implemented, deferred, rejected, withdrawn, replaced, removed, superseded, declined, obsolete, experimental, accepted]
              needs: { replaced: superseded-by }
              parties-optional: [provisional]   # approvers are found before a KEP is implementable
            """,

        // EIP-1 and its relatives (ERCs, RIPs, CAIPs): a YAML preamble; Draft and Review go Stagnant after 6 months
        // untouched, Last Call ends on its last-call-deadline, a Withdrawn proposal says why.
        ["eip"] = """
            items: ["EIPS/**/*.md", "ERCS/**/*.md", "RIPS/**/*.md", "CAIPs/**/*.md"]
            agreements: ["**/*.md"]
            fields:
              id: [eip, erc, rip, caip, cip, sip, lip, tip, nip, bip, xip]
              type: []      # 'type: Standards Track' is not an item type
              owner: [author]
              parties: [author]
              depends-on: [requires]
            values:
              owner: people
              parties: people
            statuses:
              agreements:
                proposed: [Idea, Draft, Review, Last Call]
                in-force: [Final, Living]
                retired: [Stagnant, Withdrawn, Moved]
            lifecycle:
              final: [Final, Living, Stagnant, Withdrawn, Moved]
              limits: { Draft: 6m, Review: 6m }
              deadlines: { Last Call: last-call-deadline }
              needs: { Withdrawn: withdrawal-reason }
            # ERCs link './eip-20.md', which their build points at the EIPs repository.
            external-links: ['^(\./)?(eip|erc|rip)-\d+\.md$']
            """,
    };

    public static IEnumerable<string> Names => Formats.Keys;
}
