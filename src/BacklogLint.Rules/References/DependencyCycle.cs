using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Core.Model;

namespace BacklogLint.Rules.References;

/// <summary>BL0402: items whose <c>depends-on</c> entries lead back to themselves, so none of them can finish first.
/// Every strongly connected component of the dependency graph among existing items with more than one item, or one
/// item that depends on itself, is one cycle; each member is reported once, at its entry that points to the next
/// member of the loop. Ids that name no item are BL0401's and are ignored here. A loop among records that are all
/// settled (a final status of their format's process) is history and is not reported.</summary>
public sealed class DependencyCycle : RepositoryRule
{
    /// <summary>How many steps the search for a loop through every member of a component may take before the
    /// message falls back to listing the members; keeps large tangles fast and the result deterministic.</summary>
    private const int LoopSearchBudget = 100_000;

    /// <summary>Messages name at most this many items, so that a cycle of thousands stays readable (and small).</summary>
    private const int MaxNamed = 10;

    private static readonly StringComparer IdOrder = StringComparer.OrdinalIgnoreCase;

    public static RuleDescriptor Rule { get; } = new(
        RuleIds.DependencyCycle,
        "dependency-cycle",
        "Dependency cycle",
        "Dependency cycle: {0}",
        RuleCategory.References,
        Severity.Error);

    public override RuleDescriptor Descriptor => Rule;

    public override RuleInputs Reads => RuleInputs.AllItems;

    public override void Analyze(RepositoryContext context)
    {
        var graph = DependencyGraph.Build(context.Repository);
        foreach (var component in graph.StronglyConnectedComponents())
        {
            if (component.Count == 1 && !graph.Edges[component[0]].Any(edge => edge.Target == component[0])) continue;
            // Settled records (Final, Stagnant, Implemented…) that required each other are history: nothing is left to
            // finish first.
            if (component.All(node => graph.Items[node].Status.IsFinal)) continue;
            ReportCycle(context, graph, component);
        }
    }

    private static void ReportCycle(RepositoryContext context, DependencyGraph graph, List<int> component)
    {
        var members = component.OrderBy(graph.IdOf, IdOrder).ThenBy(graph.IdOf, StringComparer.Ordinal).ToList();
        var inComponent = members.ToHashSet();
        var anchor = Anchor([.. members.Select(graph.IdOf)]);

        string description;
        Dictionary<int, int> next;
        if (FindLoop(graph, members, inComponent) is { } loop)
        {
            description = DescribeLoop([.. loop.Select(graph.IdOf)]);
            next = loop.Select((node, index) => (node, index)).ToDictionary(pair => pair.node, pair => loop[(pair.index + 1) % loop.Count]);
        }
        else
        {
            description = DescribeTangle([.. members.Select(graph.IdOf)]);
            next = members.ToDictionary(node => node, node => graph.Edges[node].First(edge => inComponent.Contains(edge.Target)).Target);
        }

        foreach (var node in members)
        {
            var entry = graph.Edges[node].First(edge => edge.Target == next[node]).Entry;
            context.Report(graph.Items[node], entry.Span, anchor, description);
        }
    }

    /// <summary><c>A → B → C → A</c>; a long loop keeps its first ids and its closing step.</summary>
    private static string DescribeLoop(List<string> loop) => loop.Count <= MaxNamed
        ? string.Join(" → ", loop.Append(loop[0]))
        : string.Join(" → ", loop.Take(MaxNamed - 2))
            + string.Create(CultureInfo.InvariantCulture, $" → … → {loop[^1]} → {loop[0]} ({loop.Count} items)");

    /// <summary>For a component in which no single loop was found through every member.</summary>
    private static string DescribeTangle(List<string> members) => members.Count <= MaxNamed
        ? string.Join(", ", members) + " depend on each other"
        : string.Join(", ", members.Take(MaxNamed))
            + string.Create(CultureInfo.InvariantCulture, $" and {members.Count - MaxNamed} more items depend on each other");

    /// <summary>The member ids in order, so that the fingerprint survives edits that reorder entries; for a large
    /// component their digest, since every member's fingerprint hashes the anchor again.</summary>
    private static string Anchor(List<string> ids)
    {
        var joined = string.Join(",", ids);
        if (ids.Count <= MaxNamed) return "cycle:" + joined;
        return "cycle:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)));
    }

    /// <summary>A loop that visits every member once, starting at the first (the smallest id), found by a depth-first
    /// search that tries successors in id order; null when the budget runs out first or there is none.</summary>
    private static List<int>? FindLoop(DependencyGraph graph, List<int> members, HashSet<int> inComponent)
    {
        var rank = members.Select((node, index) => (node, index)).ToDictionary(pair => pair.node, pair => pair.index);
        var successors = members.ToDictionary(node => node, node => graph.Edges[node]
            .Select(edge => edge.Target)
            .Where(inComponent.Contains)
            .Distinct()
            .OrderBy(target => rank[target])
            .ToList());

        var start = members[0];
        var path = new List<int> { start };
        var onPath = new HashSet<int> { start };
        var cursors = new Stack<int>();
        cursors.Push(0);
        var steps = 0;
        while (cursors.Count > 0 && steps++ < LoopSearchBudget)
        {
            var node = path[^1];
            if (path.Count == members.Count && successors[node].Contains(start)) return path;

            var cursor = cursors.Pop();
            var candidates = successors[node];
            while (cursor < candidates.Count && (onPath.Contains(candidates[cursor]) || path.Count == members.Count)) cursor++;
            if (cursor < candidates.Count)
            {
                cursors.Push(cursor + 1);
                path.Add(candidates[cursor]);
                onPath.Add(candidates[cursor]);
                cursors.Push(0);
            }
            else
            {
                onPath.Remove(node);
                path.RemoveAt(path.Count - 1);
            }
        }

        return null;
    }

    /// <summary>The depends-on graph among existing items: nodes are indexes into <see cref="Items"/>, and each edge
    /// keeps the entry that makes it.</summary>
    private sealed class DependencyGraph
    {
        private DependencyGraph(IReadOnlyList<WorkItem> items, List<Edge>[] edges)
        {
            Items = items;
            Edges = edges;
        }

        public IReadOnlyList<WorkItem> Items { get; }

        public List<Edge>[] Edges { get; }

        public string IdOf(int node) => Items[node].Id.Value;

        public static DependencyGraph Build(PlanningRepository repository)
        {
            var items = repository.Items;
            var index = new Dictionary<WorkItem, int>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < items.Count; i++) index[items[i]] = i;
            var edges = new List<Edge>[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                edges[i] = [];
                foreach (var entry in items[i].DependsOn)
                {
                    if (entry.Value.Length > 0 && repository.Find(entry.Value) is { } target)
                        edges[i].Add(new Edge(index[target], entry));
                }
            }

            return new DependencyGraph(items, edges);
        }

        /// <summary>Tarjan's algorithm without recursion, so that long dependency chains cannot overflow the stack.</summary>
        public List<List<int>> StronglyConnectedComponents()
        {
            var count = Items.Count;
            var order = new int[count];
            var low = new int[count];
            Array.Fill(order, -1);
            var onStack = new bool[count];
            var stack = new Stack<int>();
            var components = new List<List<int>>();
            var next = 0;

            for (var root = 0; root < count; root++)
            {
                if (order[root] >= 0) continue;
                var work = new Stack<(int Node, int Edge)>();
                work.Push((root, 0));
                order[root] = low[root] = next++;
                stack.Push(root);
                onStack[root] = true;
                while (work.Count > 0)
                {
                    var (node, edge) = work.Pop();
                    if (edge < Edges[node].Count)
                    {
                        work.Push((node, edge + 1));
                        var target = Edges[node][edge].Target;
                        if (order[target] < 0)
                        {
                            order[target] = low[target] = next++;
                            stack.Push(target);
                            onStack[target] = true;
                            work.Push((target, 0));
                        }
                        else if (onStack[target])
                        {
                            low[node] = Math.Min(low[node], order[target]);
                        }

                        continue;
                    }

                    if (work.Count > 0)
                    {
                        var parent = work.Peek().Node;
                        low[parent] = Math.Min(low[parent], low[node]);
                    }

                    if (low[node] != order[node]) continue;
                    var component = new List<int>();
                    int member;
                    do
                    {
                        member = stack.Pop();
                        onStack[member] = false;
                        component.Add(member);
                    }
                    while (member != node);
                    components.Add(component);
                }
            }

            return components;
        }
    }

    private sealed record Edge(int Target, Located<string> Entry);
}
