using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BacklogLint.Benchmarks;

/// <summary>The report of <c>corpora.sh</c>: per real repository, the items read, findings per rule and the time of
/// <c>check</c>; with labels (a strict maintainer's verdict on findings), precision per rule and repository. A finding
/// is matched to its label by repository, rule, path and fingerprint (stable across edits elsewhere in the file).</summary>
internal static class CorporaReport
{
    /// <param name="results">The folder corpora.sh wrote: <c>runs.tsv</c> and one <c>&lt;repo&gt;.json</c> per repository.</param>
    /// <param name="labelsPath">Tab-separated: repo, rule, path, fingerprint, real|noise, note; '#' starts a comment.</param>
    public static int Run(string results, string labelsPath)
    {
        var labels = ReadLabels(labelsPath);
        var runs = File.ReadAllLines(Path.Combine(results, "runs.tsv")).Select(line => line.Split('\t')).ToList();
        var table = new StringBuilder();
        table.AppendLine("| repo | now | exit | items | files | findings | time | per rule (count, labelled: precision) | weighted precision |");
        table.AppendLine("|---|---|---:|---:|---:|---:|---:|---|---:|");
        var (allReal, allLabelled) = (0.0, 0.0);
        foreach (var run in runs)
        {
            var (repo, now, exit, milliseconds) = (run[0], run[1], run[2], int.Parse(run[3], CultureInfo.InvariantCulture));
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, repo + ".json")));
            var summary = json.RootElement.GetProperty("summary");
            var findings = json.RootElement.GetProperty("diagnostics").EnumerateArray()
                .Select(d => (Rule: d.GetProperty("id").GetString()!, Path: d.GetProperty("path").GetString() ?? "", Fingerprint: d.GetProperty("fingerprint").GetString() ?? ""))
                .ToList();
            var rules = new List<string>();
            var (weighted, weight) = (0.0, 0);
            foreach (var group in findings.GroupBy(f => f.Rule).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var verdicts = group.Select(f => labels.GetValueOrDefault((repo, f.Rule, f.Path, f.Fingerprint))).Where(v => v is not null).ToList();
                var real = verdicts.Count(v => v == "real");
                if (verdicts.Count == 0)
                {
                    rules.Add($"{group.Key} {group.Count()} (unlabelled)");
                    continue;
                }

                var precision = (double)real / verdicts.Count;
                rules.Add(string.Create(CultureInfo.InvariantCulture, $"{group.Key} {group.Count()} ({verdicts.Count}: {precision:F2})"));
                // Weighted by how many findings the rule makes, as a reader meets them.
                weighted += precision * group.Count();
                weight += group.Count();
            }

            allReal += weighted;
            allLabelled += weight;
            var precisionText = weight == 0 ? "n/a" : (weighted / weight).ToString("F2", CultureInfo.InvariantCulture);
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {repo} | {now} | {exit} | {summary.GetProperty("items").GetInt32()} | {summary.GetProperty("files").GetInt32()} | {findings.Count} | {milliseconds / 1000.0:F2} s | {string.Join(", ", rules)} | {precisionText} |"));
        }

        Console.WriteLine(table.ToString());
        if (allLabelled > 0)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"All repositories, weighted by findings: precision {allReal / allLabelled:F2}."));
        return 0;
    }

    private static Dictionary<(string Repo, string Rule, string Path, string Fingerprint), string> ReadLabels(string path)
    {
        var labels = new Dictionary<(string, string, string, string), string>();
        if (!File.Exists(path)) return labels;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split('\t');
            if (fields.Length < 5 || fields[4] is not ("real" or "noise"))
                throw new FormatException($"{path}: a label is repo, rule, path, fingerprint, real|noise, note: '{line}'");
            labels[(fields[0], fields[1], fields[2], fields[3])] = fields[4];
        }

        return labels;
    }
}
