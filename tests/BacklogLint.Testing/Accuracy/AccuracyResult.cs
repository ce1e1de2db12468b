using System.Globalization;
using System.Text;
using BacklogLint.Core.Diagnostics;
using BacklogLint.Rules;

namespace BacklogLint.Testing.Accuracy;

/// <summary>Expected against found for one rule: counted as multisets of (rule, path, line).</summary>
public sealed record RuleAccuracy(string Rule, int Expected, int Found, int TruePositives)
{
    public int FalsePositives => Found - TruePositives;

    public int FalseNegatives => Expected - TruePositives;

    /// <summary>Null when the rule found nothing.</summary>
    public double? Precision => Found == 0 ? null : (double)TruePositives / Found;

    /// <summary>Null when nothing was expected.</summary>
    public double? Recall => Expected == 0 ? null : (double)TruePositives / Expected;
}

/// <summary>A finding the engine reported and the plan did not call for, or the other way round.</summary>
public sealed record AccuracyMismatch(string Rule, string? Path, int Line, bool IsFalsePositive, string Detail, string Item);

/// <summary>How the engine's findings compare with a plan's expected findings, per rule.</summary>
public sealed class AccuracyResult
{
    private AccuracyResult(IReadOnlyList<RuleAccuracy> rules, IReadOnlyList<AccuracyMismatch> mismatches)
    {
        Rules = rules;
        Mismatches = mismatches;
    }

    public IReadOnlyList<RuleAccuracy> Rules { get; }

    public IReadOnlyList<AccuracyMismatch> Mismatches { get; }

    public bool IsExact => Mismatches.Count == 0;

    internal static AccuracyResult Compare(AccuracyPlan plan, IReadOnlyList<Diagnostic> all)
    {
        // Only the rules the oracle knows are judged (DesignOracle.Rules).
        var diagnostics = all.Where(d => DesignOracle.Rules.Contains(d.Id)).ToList();
        var expected = plan.Expected.ToLookup(e => (e.Rule, (string?)e.Path, e.Line));
        var actual = diagnostics.ToLookup(d => (Rule: d.Id, d.Path, Line: d.Span?.Line ?? 0));
        var mismatches = new List<AccuracyMismatch>();
        var truePositives = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in expected.Select(g => g.Key).Union(actual.Select(g => g.Key)))
        {
            var wanted = expected[key].ToList();
            var found = actual[key].ToList();
            var matched = Math.Min(wanted.Count, found.Count);
            truePositives[key.Item1] = truePositives.GetValueOrDefault(key.Item1) + matched;
            mismatches.AddRange(found.Skip(matched).Select(d => new AccuracyMismatch(d.Id, d.Path, key.Item3, true, d.Message, plan.Describe(d.Path))));
            mismatches.AddRange(wanted.Skip(matched).Select(e => new AccuracyMismatch(e.Rule, e.Path, e.Line, false, e.Why, plan.Describe(e.Path))));
        }

        var ids = BuiltInRules.Descriptors.Select(d => d.Id).Where(DesignOracle.Rules.Contains)
            .Union(plan.Expected.Select(e => e.Rule)).Union(diagnostics.Select(d => d.Id))
            .Order(StringComparer.Ordinal);
        var rules = ids.Select(id => new RuleAccuracy(
            id,
            plan.Expected.Count(e => e.Rule == id),
            diagnostics.Count(d => d.Id == id),
            truePositives.GetValueOrDefault(id))).ToList();
        var ordered = mismatches.OrderBy(m => m.Rule, StringComparer.Ordinal).ThenBy(m => m.Path, StringComparer.Ordinal).ThenBy(m => m.Line).ToList();
        return new AccuracyResult(rules, ordered);
    }

    /// <summary>One row per rule: expected, found, true and false positives, false negatives, precision, recall.</summary>
    public string MarkdownTable()
    {
        var text = new StringBuilder();
        text.Append("| rule | expected | found | TP | FP | FN | precision | recall |\n");
        text.Append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var rule in Rules)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {rule.Rule} | {rule.Expected} | {rule.Found} | {rule.TruePositives} | {rule.FalsePositives} | {rule.FalseNegatives} | {Ratio(rule.Precision)} | {Ratio(rule.Recall)} |\n");
        }

        var total = new RuleAccuracy("all", Rules.Sum(r => r.Expected), Rules.Sum(r => r.Found), Rules.Sum(r => r.TruePositives));
        text.Append(CultureInfo.InvariantCulture,
            $"| **all** | {total.Expected} | {total.Found} | {total.TruePositives} | {total.FalsePositives} | {total.FalseNegatives} | {Ratio(total.Precision)} | {Ratio(total.Recall)} |\n");
        return text.ToString();
    }

    /// <summary>Up to <paramref name="perRule"/> false positives and as many false negatives per rule, each with the
    /// message (or why it was expected) and what the generator drew for the item.</summary>
    public string Describe(int perRule)
    {
        var text = new StringBuilder();
        foreach (var group in Mismatches.GroupBy(m => (m.Rule, m.IsFalsePositive)))
        {
            var kind = group.Key.IsFalsePositive ? "false positives" : "false negatives";
            text.Append(CultureInfo.InvariantCulture, $"{group.Key.Rule}: {group.Count()} {kind}\n");
            foreach (var mismatch in group.Take(perRule))
            {
                text.Append(CultureInfo.InvariantCulture, $"  {mismatch.Path}:{mismatch.Line}  {mismatch.Detail}\n");
                text.Append(CultureInfo.InvariantCulture, $"      item: {mismatch.Item}\n");
            }
        }

        return text.ToString();
    }

    private static string Ratio(double? value) => value is { } ratio ? ratio.ToString("0.000", CultureInfo.InvariantCulture) : "–";
}
