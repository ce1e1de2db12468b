using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace BacklogLint.Benchmarks;

/// <summary>Writes a synthetic planning repository through <c>git fast-import</c>: items spread over team folders,
/// added in batches, then edited one or two per commit, a day apart on average, over years. One item in ten (or the
/// share asked for) has inline agreements, one in eight a handoff; statuses, owners and dates vary so that every rule
/// has work. Deterministic: the same arguments give the same repository.</summary>
internal static class PlanningRepoGenerator
{
    private static readonly string[] Teams = ["payments", "sre", "platform", "growth", "data"];
    private static readonly string[] People = ["@alice", "@bob", "@carol", "@dave", "@erin", "@frank", "@grace", "@heidi"];
    private static readonly string[] Statuses = ["todo", "in-progress", "review", "blocked", "done", "done", "done", "dropped"];

    /// <param name="bodyKilobytes">Prose (sections, lists, links, code) added to each item's body: 0 for short items;
    /// ~20 for a repository of proposal documents, where Markdown linters spend their time.</param>
    /// <param name="agreementsPercent">The share of items with inline agreements, in steps of 10 (10: the same items as
    /// always). Their lines never change, so each such file's line history goes back to the file's first commit: more of
    /// them is more line-level history, as in a team that writes its agreements into the items.</param>
    public static void Generate(string folder, int itemCount, int commitCount, int bodyKilobytes = 0, int agreementsPercent = 10)
    {
        Directory.CreateDirectory(folder);
        Run(folder, "git", "init", "-q", "-b", "main");
        var random = new Random(42);
        var start = new DateTimeOffset(2022, 1, 3, 9, 0, 0, TimeSpan.Zero);
        var secondsPerCommit = (int)((new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero) - start).TotalSeconds / Math.Max(1, commitCount));
        var revisions = new int[itemCount];

        var importer = new ProcessStartInfo("git", "fast-import --quiet --done") { WorkingDirectory = folder, RedirectStandardInput = true, UseShellExecute = false };
        using (var process = Process.Start(importer)!)
        {
            var stream = process.StandardInput;
            stream.AutoFlush = false;
            var batch = Math.Max(1, itemCount / Math.Max(1, Math.Min(commitCount / 5, 100)));
            var added = 0;
            for (var commit = 0; commit < commitCount; commit++)
            {
                var when = start.AddSeconds((long)commit * secondsPerCommit).ToUnixTimeSeconds();
                var author = People[random.Next(People.Length)].TrimStart('@');
                var changes = new List<(string Path, string Content)>();
                if (added < itemCount)
                {
                    for (var i = 0; i < batch && added < itemCount; i++, added++) changes.Add(Item(added, 0, random, bodyKilobytes, agreementsPercent));
                }
                else
                {
                    for (var i = 0; i < 1 + random.Next(2); i++)
                    {
                        var index = random.Next(itemCount);
                        changes.Add(Item(index, ++revisions[index], random, bodyKilobytes, agreementsPercent));
                    }
                }

                WriteCommit(stream, commit, author, when, changes);
            }

            stream.Write("done\n");
            stream.Close();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException("git fast-import failed");
        }

        Run(folder, "git", "checkout", "-q", "-f", "main");
    }

    private static void WriteCommit(StreamWriter stream, int index, string author, long when, List<(string Path, string Content)> changes)
    {
        var message = $"Update {changes.Count} items";
        stream.Write($"commit refs/heads/main\nmark :{index + 1}\n");
        stream.Write($"author {author} <{author}@example.com> {when} +0000\ncommitter {author} <{author}@example.com> {when} +0000\n");
        stream.Write($"data {Encoding.UTF8.GetByteCount(message)}\n{message}\n");
        if (index > 0) stream.Write($"from :{index}\n");
        foreach (var (path, content) in changes)
            stream.Write($"M 100644 inline {path}\ndata {Encoding.UTF8.GetByteCount(content)}\n{content}\n");
        stream.Write('\n');
    }

    /// <summary>Item <paramref name="index"/> at revision <paramref name="revision"/>. Its agreement lines do not
    /// change between revisions, so line history differs from file history.</summary>
    private static (string Path, string Content) Item(int index, int revision, Random random, int bodyKilobytes, int agreementsPercent)
    {
        var team = Teams[index % Teams.Length];
        var id = $"{team[..3].ToUpperInvariant()}-{index}";
        var status = Statuses[(index + revision) % Statuses.Length];
        var owner = index % 13 == 0 ? "TBD" : People[(index * 7) % People.Length];
        var day = new DateOnly(2022, 1, 1).AddDays(index % 1400);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"---\nid: {id}\ntitle: Work item {index}\nstatus: {status}\nowner: \"{owner}\"\nteam: {team}\n");
        text.Append(CultureInfo.InvariantCulture, $"created: {day:yyyy-MM-dd}\nupdated: {day.AddDays(revision * 3):yyyy-MM-dd}\n");
        if (index % 4 == 1) text.Append(CultureInfo.InvariantCulture, $"depends-on: [{team[..3].ToUpperInvariant()}-{index - 1}]\n");
        if (index % 8 == 3)
        {
            var to = Teams[(index + 1) % Teams.Length];
            text.Append(CultureInfo.InvariantCulture, $"handoffs:\n  - from: {team}\n    to: {to}\n    date: {day.AddDays(10):yyyy-MM-dd}\n");
            if (index % 16 == 3) text.Append(CultureInfo.InvariantCulture, $"    accepted: {day.AddDays(12):yyyy-MM-dd}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"---\n# Work item {index}\n\nRevision {revision}: {random.Next():x} notes about the work.\n");
        // (10 × index + 30) mod 100 < 10 is index mod 10 = 7, the items that always had agreements; a larger share adds
        // the items after them (8, 9, 0, … mod 10).
        if ((10 * index + 30) % 100 < agreementsPercent)
        {
            var other = Teams[(index + 2) % Teams.Length];
            text.Append(CultureInfo.InvariantCulture, $"\n## Agreements\n- {day:yyyy-MM-dd} @{team} @{other}: the interface of item {index} stays stable.\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\n## Tasks\n- [x] design\n- [{(revision % 2 == 0 ? " " : "x")}] build\n");
        AppendProse(text, index, bodyKilobytes * 1024);
        return ($"backlog/{team}/{id}.md", text.ToString());
    }

    private static readonly string[] Words =
        ["the", "queue", "delivers", "webhooks", "at", "least", "once", "and", "retries", "back", "off", "for", "an", "hour", "while",
         "billing", "keeps", "its", "ledger", "consistent", "with", "payments", "so", "that", "operators", "see", "every", "event"];

    /// <summary>Sections of prose as design documents have them, the same for an item in every revision.</summary>
    private static void AppendProse(StringBuilder text, int index, int length)
    {
        var words = new Random(index);
        for (var section = 1; text.Length < length; section++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## Section {section}\n\n");
            for (var sentence = 0; sentence < 8; sentence++)
                text.Append(string.Join(' ', Enumerable.Range(0, 12).Select(_ => Words[words.Next(Words.Length)]))).Append(". ");
            text.Append(CultureInfo.InvariantCulture, $"\n\nSee [the design notes](https://example.com/notes/{section}) and `retry-after`.\n\n");
            text.Append("- first, the producer writes the event\n- then the consumer acknowledges it\n\n```json\n{ \"attempts\": 3 }\n```\n");
        }
    }

    private static void Run(string folder, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed");
    }
}
