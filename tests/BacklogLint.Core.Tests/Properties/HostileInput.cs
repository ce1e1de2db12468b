using System.Text;
using CsCheck;

namespace BacklogLint.PropertyTesting;

/// <summary>Generators of work items: valid native items (DESIGN §1), hostile structures (deep nesting, aliases,
/// huge scalars, wrong shapes) and byte-level mutations of either (NUL, BOM, lone CR, invalid UTF-8, UTF-16…).
/// Shared by the Core and Reporting property tests.</summary>
internal static class HostileInput
{
    /// <summary>Text that tries to inject something somewhere: workflow commands, escapes, mentions, HTML, Markdown,
    /// ANSI and bidi controls, YAML indicators.</summary>
    public static readonly string[] HostileFragments =
    [
        "::", "::error::pwned", "::set-output name=x::y", "::stop-commands::tok", "%0A", "%25", "%0D", "@everyone", "@here",
        "@org/team", "<script>alert(1)</script>", "<SCRIPT>", "<img src=x onerror=alert(1)>", "`", "```", "|", "| a | b |",
        "\u001b[31m", "\u001b]8;;https://evil\u0007", "\u202Eevil\u202C", "\u2028", "\u0085", "\r", "\n", "\t", "&#64;", "&lt;",
        "[x](javascript:alert(1))", "![i](https://evil.example/x.png)", "<!-- backloglint-disable BL0001 -->", "# head",
        "*", "&anchor", "*alias", "!!binary", "{", "[", "]", "}", "'", "\"", "\\", "---", "...", "%YAML 1.2", "\uFFFD", "\u0000",
        "\uD800", "😀", "e\u0301", "ﬁ",
    ];

    private static readonly string[] Statuses =
        ["todo", "ready", "in-progress", "In Progress", "doing", "review", "blocked", "done", "dropped", "wontfix", "proposed", "active", "superseded", "zzz-unknown"];

    private static readonly string[] Parties = ["@alice", "@bob", "@carol", "@acme/payments", "payments", "sre", "core", "TBD", "?", "none", "-", ""];

    private static readonly string[] Teams = ["payments", "sre", "core", "platform"];

    public static readonly Gen<string> Hostile =
        Gen.OneOf(Gen.OneOfConst(HostileFragments), Gen.String[Gen.Char, 0, 12], Gen.String[Gen.Char.AlphaNumeric, 1, 8])
            .Array[1, 6].Select(parts => string.Concat(parts));

    /// <summary>Plain words, sometimes with hostile text mixed in.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (4, Gen.String[Gen.Char.AlphaNumeric, 1, 10].Array[1, 6].Select(words => string.Join(' ', words))),
        (1, Hostile));

    public static readonly Gen<string> Id = Gen.Frequency(
        (8, Gen.Select(Gen.OneOfConst("PAY", "CORE", "SRE", "OPS"), Gen.Int[1, 40], (prefix, n) => $"{prefix}-{n}")),
        (1, Hostile));

    public static readonly Gen<string> Date = Gen.Frequency(
        (8, Gen.Select(Gen.Int[2024, 2027], Gen.Int[1, 12], Gen.Int[1, 28], (y, m, d) => $"{y:D4}-{m:D2}-{d:D2}")),
        (1, Gen.OneOfConst("2026-02-30", "yesterday", "2026-13-01", "2026-11-23T10:00:00Z", "0000-00-00", "", "99999-01-01")));

    public static readonly Gen<string> Party = Gen.Frequency((6, Gen.OneOfConst(Parties)), (1, Hostile));

    /// <summary>A YAML scalar for <paramref name="value"/>: double-quoted with escapes, so that any text stays one
    /// valid scalar.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
                continue;
            }

            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                // A lone surrogate cannot be written in YAML: it becomes U+FFFD.
                _ when char.IsSurrogate(c) => text.Append('\uFFFD'),
                _ when char.IsControl(c) || c is '\uFFFE' or '\uFFFF' or '\u2028' or '\u2029' or '\u0085' or '\uFEFF'
                    => text.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }

    private static readonly Gen<string> Handoff =
        Gen.Select(Gen.OneOfConst(Teams), Party, Date, Gen.Frequency((2, Date.Select(d => (string?)d)), (1, Gen.Const((string?)null))),
            (from, to, date, accepted) =>
                $"  - from: {from}\n    to: {Quote(to)}\n    date: {date}\n" + (accepted is null ? "" : $"    accepted: {accepted}\n"));

    private static readonly Gen<string> InlineAgreement =
        Gen.Select(Date, Party.Array[0, 3], Text, Gen.Bool, Date,
            (date, parties, text, review, reviewBy) =>
                $"- {date} {string.Join(' ', parties.Select(p => p.StartsWith('@') ? p : "@" + p))}: {text.ReplaceLineEndings(" ")}" + (review ? $" review-by: {reviewBy}" : ""));

    private static readonly Gen<string> Task =
        Gen.Select(Gen.Bool, Text, (done, text) => $"- [{(done ? "x" : " ")}] {text.ReplaceLineEndings(" ")}");

    private static readonly Gen<string> Link =
        Gen.Select(Text, Gen.OneOf(Id.Select(id => id + ".md"), Gen.OneOfConst("../README.md", "https://example.com", "#anchor", "missing.md", "")),
            (text, target) => $"See [{text.ReplaceLineEndings(" ")}]({target}).");

    /// <summary>A valid native work item (its text may hold hostile characters, but the YAML and Markdown parse).</summary>
    public static readonly Gen<string> ValidItem =
        Gen.Select(
            Gen.Select(Id, Text, Gen.OneOfConst("task", "epic", "agreement"), Gen.OneOfConst(Statuses), Party.Array[0, 2], Gen.OneOfConst(Teams)),
            Gen.Select(Date, Date, Date, Id.Array[0, 3], Handoff.Array[0, 2], Party.Array[0, 3], Date),
            Gen.Select(InlineAgreement.Array[0, 3], Task.Array[0, 4], Link.Array[0, 2], Text, Gen.Bool),
            (head, dates, body) =>
            {
                var (id, title, type, status, owners, team) = head;
                var (created, updated, due, dependsOn, handoffs, parties, reviewBy) = dates;
                var (agreements, tasks, links, prose, suppress) = body;
                var yaml = new StringBuilder("---\n")
                    .Append("id: ").Append(Quote(id)).Append('\n')
                    .Append("title: ").Append(Quote(title)).Append('\n')
                    .Append("type: ").Append(type).Append('\n')
                    .Append("status: ").Append(Quote(status)).Append('\n');
                if (owners.Length == 1) yaml.Append("owner: ").Append(Quote(owners[0])).Append('\n');
                else if (owners.Length > 1) yaml.Append("owners: [").AppendJoin(", ", owners.Select(Quote)).Append("]\n");
                yaml.Append("team: ").Append(team).Append('\n')
                    .Append("created: ").Append(Quote(created)).Append('\n')
                    .Append("updated: ").Append(Quote(updated)).Append('\n')
                    .Append("due: ").Append(Quote(due)).Append('\n');
                if (dependsOn.Length > 0) yaml.Append("depends-on: [").AppendJoin(", ", dependsOn.Select(Quote)).Append("]\n");
                if (handoffs.Length > 0) yaml.Append("handoffs:\n").AppendJoin("", handoffs);
                if (type == "agreement")
                {
                    yaml.Append("parties: [").AppendJoin(", ", parties.Select(Quote)).Append("]\n")
                        .Append("agreed: ").Append(Quote(created)).Append('\n')
                        .Append("review-by: ").Append(Quote(reviewBy)).Append('\n');
                }

                if (suppress) yaml.Append("suppress: { BL0301: \"waiting on vendor\" }\n");
                yaml.Append("---\n# ").Append(title.ReplaceLineEndings(" ")).Append("\n\n").Append(prose).Append("\n\n");
                if (suppress) yaml.Append("<!-- backloglint-disable-next-line BL0001: reason -->\n");
                if (agreements.Length > 0) yaml.Append("## Agreements\n").AppendJoin("\n", agreements).Append("\n\n");
                if (tasks.Length > 0) yaml.Append("## Tasks\n").AppendJoin("\n", tasks).Append("\n\n");
                yaml.AppendJoin("\n", links).Append('\n');
                return yaml.ToString();
            });

    /// <summary>Front matter and bodies built to hurt: wrong shapes, duplicate keys, huge scalars, deep nesting,
    /// anchors and aliases, very long lines, an unclosed fence.</summary>
    public static readonly Gen<string> HostileStructure = Gen.OneOf(
        // Duplicate keys.
        Gen.Select(Id, Id, (a, b) => $"---\nid: {Quote(a)}\nstatus: todo\nid: {Quote(b)}\nstatus: done\n---\n# Twice\n"),
        // Lists where scalars go, maps where dates go, scalars where lists go.
        Gen.OneOfConst(
            "---\nid: [PAY-1, PAY-2]\nstatus: [todo, done]\nowner: {name: alice}\n---\n",
            "---\nid: PAY-1\nstatus: todo\ndue: {year: 2026}\ncreated: [2026-01-01]\nupdated: {}\n---\n",
            "---\nid: PAY-1\ntype: agreement\nparties: \"@a\"\nreview-by: [1, 2]\nreview-every: {d: 90}\nagreed: ~\n---\n",
            "---\nid: PAY-1\nstatus: todo\nhandoffs: yes\ndepends-on: {a: b}\nsuppress: [BL0001]\n---\n",
            "---\nid: PAY-1\nstatus: todo\nhandoffs:\n  - [a, b]\n  - from: [x]\n    to: {y: z}\n    date: [1]\n    accepted: {}\n---\n",
            "---\n- just\n- a list\n---\n", "---\njust a scalar\n---\n", "---\n---\n", "---\n...\n", "---\n", "---\n\n\n",
            "---\nid: PAY-1\nstatus: todo\nowner: @alice\n---\n", "---\nid: PAY-1\n  bad: indent\n---\n", "---\nid: [PAY-1\n---\n",
            "---\nid: \"unterminated\n---\n", "---\n? complex key\n: value\nid: x\n---\n", "---\n!!binary id: x\n---\n",
            "---\nid: PAY-1\r\nstatus: todo\r---\r\n# mixed\r\n", "\uFEFF---\nid: PAY-1\n---\n", "---\nid: PAY-1\nstatus: todo\n\t- tab\n---\n"),
        // Huge scalars (100 KB) in the title, the owner or an agreement.
        Gen.Select(Gen.Int[100_000, 110_000], Gen.Char.AlphaNumeric, Gen.Int[0, 2], (n, c, where) => where switch
        {
            0 => $"---\nid: PAY-1\nstatus: todo\ntitle: {new string(c, n)}\n---\n",
            1 => $"---\nid: PAY-1\nstatus: todo\nowner: \"@{new string(c, n)}\"\n---\n",
            _ => $"---\nid: PAY-1\nstatus: todo\n---\n## Agreements\n- 2026-01-01 @a @b: {new string(c, n)}\n",
        }),
        // Deep YAML nesting: flow lists and maps up to 10,000 deep, block maps and lists up to 300 deep.
        Gen.Select(Gen.Int[10, 10_000], Gen.Bool, (depth, map) => map
            ? "---\nid: PAY-1\nstatus: " + string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth) + "\n---\n"
            : "---\nid: PAY-1\nstatus: " + new string('[', depth) + "1" + new string(']', depth) + "\n---\n"),
        Gen.Select(Gen.Int[10, 300], Gen.Bool, (depth, map) =>
        {
            var text = new StringBuilder("---\nid: PAY-1\nstatus: todo\nx:\n");
            for (var i = 1; i <= depth; i++) text.Append(' ', i * 2).Append(map ? $"k{i}:\n" : "-\n");
            return text.Append(' ', (depth + 1) * 2).Append("leaf\n---\n").ToString();
        }),
        // Deep Markdown: lists and block quotes up to 1,000 deep.
        Gen.Select(Gen.Int[10, 1_000], Gen.Int[0, 2], (depth, kind) =>
        {
            var text = new StringBuilder("---\nid: PAY-1\nstatus: done\n---\n## Agreements\n");
            for (var i = 0; i < depth; i++)
            {
                _ = kind switch
                {
                    0 => text.Append(' ', i * 2).Append("- [ ] 2026-01-01 @a @b: level ").Append(i).Append('\n'),
                    1 => text.Append('>', i + 1).Append(" level ").Append(i).Append('\n'),
                    _ => text.Append(string.Concat(Enumerable.Repeat("> - ", Math.Min(i, 200)))).Append("2026-01-01 @x @y: q\n"),
                };
            }

            return text.ToString();
        }),
        // Anchors and aliases, up to a billion laughs and a self-reference.
        Gen.OneOfConst(
            "---\nid: &a PAY-1\nstatus: *a\n---\n",
            "---\nid: PAY-1\nstatus: todo\nx: &x [*x]\n---\n",
            "---\nid: PAY-1\nstatus: todo\n" + BillionLaughs + "---\n",
            "---\nbase: &base {owner: \"@alice\"}\nid: PAY-1\n<<: *base\n---\n"),
        // Very long lines.
        Gen.Select(Gen.Int[50_000, 300_000], Gen.Bool, (n, inYaml) => inYaml
            ? "---\nid: PAY-1\nstatus: todo\ndepends-on: [" + string.Join(", ", Enumerable.Range(0, n / 8).Select(i => "X-" + i)) + "]\n---\n"
            : "---\nid: PAY-1\nstatus: todo\n---\n" + new string('|', n) + "\n"),
        // Front matter never closed, after a valid start.
        ValidItem.Select(item => item.Replace("\n---\n#", "\n#", StringComparison.Ordinal)),
        // Hostile text straight into keys and values, unquoted.
        Gen.Select(Hostile, Hostile, Hostile, Hostile, (id, title, owner, agreement) =>
            $"---\nid: {id}\ntitle: {title}\nowner: {owner}\nstatus: todo\n---\n# {title}\n## Agreements\n- 2026-01-01 @a {owner}: {agreement}\n"));

    /// <summary>Nine levels of nine aliases each: a billion "lol"s when expanded.</summary>
    public static string BillionLaughs
    {
        get
        {
            var text = new StringBuilder("a0: &a0 lol\n");
            for (var i = 1; i <= 9; i++)
                text.Append('a').Append(i).Append(": &a").Append(i).Append(" [")
                    .AppendJoin(", ", Enumerable.Repeat($"*a{i - 1}", 9)).Append("]\n");
            return text.ToString();
        }
    }

    /// <summary>One byte-level mutation of a file.</summary>
    private static readonly Gen<Func<List<byte>, List<byte>>> Mutation = Gen.OneOf(
        Insert(Gen.Byte.Select(b => new[] { b })),
        Insert(Gen.OneOfConst<byte[]>([0x09], [0x00], [0xEF, 0xBB, 0xBF], [0x0D], [0xEF, 0xBF, 0xBD], [0xFF], [0x80], [0xC3, 0x28],
            [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x1B, 0x5B, 0x33, 0x31, 0x6D],
            [0x3A, 0x3A], [0x0A, 0x2D, 0x2D, 0x2D, 0x0A], [0x26, 0x61, 0x20], [0x2A, 0x61, 0x20], [0x7B], [0x5B])),
        Gen.Select(Gen.Double[0, 1], Gen.Int[1, 40], (at, length) => (Func<List<byte>, List<byte>>)(bytes =>
        {
            if (bytes.Count == 0) return bytes;
            var start = (int)(at * bytes.Count) % bytes.Count;
            bytes.RemoveRange(start, Math.Min(length, bytes.Count - start));
            return bytes;
        })),
        Gen.Select(Gen.Double[0, 1], Gen.Double[0, 1], (a, b) => (Func<List<byte>, List<byte>>)(bytes =>
        {
            if (bytes.Count < 2) return bytes;
            var i = (int)(a * bytes.Count) % bytes.Count;
            var j = (int)(b * bytes.Count) % bytes.Count;
            (bytes[i], bytes[j]) = (bytes[j], bytes[i]);
            return bytes;
        })),
        // Line endings: every LF to CRLF, or to lone CR, or a random mix.
        Gen.Select(Gen.Int[0, 2], Gen.Int, (kind, salt) => (Func<List<byte>, List<byte>>)(bytes =>
        {
            var result = new List<byte>(bytes.Count + 64);
            var n = salt;
            foreach (var b in bytes)
            {
                n = unchecked((n * 1103515245) + 12345);
                if (b == 0x0A && (kind == 0 || (kind == 2 && (n & 0x100) != 0))) result.Add(0x0D);
                if (b == 0x0A && kind == 1) result.Add(0x0D);
                else result.Add(b);
            }

            return result;
        })),
        // Truncation anywhere (the closing fence may go).
        Gen.Double[0, 1].Select(at => (Func<List<byte>, List<byte>>)(bytes =>
        {
            bytes.RemoveRange((int)(at * bytes.Count), bytes.Count - (int)(at * bytes.Count));
            return bytes;
        })));

    private static Gen<Func<List<byte>, List<byte>>> Insert(Gen<byte[]> what) =>
        Gen.Select(Gen.Double[0, 1], what, (at, inserted) => (Func<List<byte>, List<byte>>)(bytes =>
        {
            bytes.InsertRange((int)(at * bytes.Count), inserted);
            return bytes;
        }));

    private static readonly Gen<Func<string, byte[]>> Encoding = Gen.FrequencyConst<Func<string, byte[]>>(
        (12, text => System.Text.Encoding.UTF8.GetBytes(text)),
        (1, text => [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(text)]),
        (1, text => [0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes(text)]),
        (1, text => [0xFE, 0xFF, .. System.Text.Encoding.BigEndianUnicode.GetBytes(text)]),
        (1, text => System.Text.Encoding.Unicode.GetBytes(text)));

    /// <summary>A document (valid or hostile), encoded (mostly UTF-8, sometimes UTF-16), then mutated 0..6 times.</summary>
    public static readonly Gen<byte[]> File =
        Gen.Select(
            Gen.Frequency((6, ValidItem), (3, HostileStructure), (1, Gen.String[Gen.Char, 0, 200])),
            Encoding,
            Gen.Frequency((3, Gen.Const(Array.Empty<Func<List<byte>, List<byte>>>())), (5, Mutation.Array[1, 6])),
            (text, encode, mutations) => mutations.Aggregate(new List<byte>(encode(text)), (bytes, mutate) => mutate(bytes)).ToArray());
}
