using System.Text.RegularExpressions;
using BacklogLint.Core.Dialects;
using BacklogLint.Core.Model;
using BacklogLint.Core.Suppressions;
using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SourceSpan = BacklogLint.Core.Diagnostics.SourceSpan;

namespace BacklogLint.Core.Parsing;

/// <summary>Reads one Markdown file into a <see cref="WorkItem"/>: YAML front matter with positions for every key
/// and value, and the body (title, inline agreements, tasks, links) with Markdig.</summary>
/// <param name="maxYamlDepth">Front matter nested deeper than this is refused (<c>limits.max-yaml-depth</c>).</param>
/// <param name="format">The repository's format (its dialect); native when null.</param>
public sealed partial class WorkItemParser(StatusVocabulary vocabulary, int maxYamlDepth = YamlReader.MaxDepth, ItemFormat? format = null)
{
    private readonly ItemFormat _format = format ?? ItemFormat.Native;

    private static readonly string[] ItemKeys = ["id", "status", "owner", "owners", "type"];
    private static readonly string[] HandoffKeys = ["from", "to", "date"];

    // DESIGN §2: a blocked item names its blocker by depends-on or a reason.
    private static readonly string[] BlockedByKeys = ["blocked-by", "blocked-reason", "reason"];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseTaskLists()
        .UsePreciseSourceLocation()
        .Build();

    /// <summary>Parses a small item in memory, only for the first use of what parsing uses (YamlDotNet compiles a regex
    /// for its first document, Markdig builds its pipeline, the patterns their searches): a front end may call it on a
    /// thread of its own at start-up while it does other things. Reads and changes nothing.</summary>
    public static ParsedFile WarmUp() =>
        new WorkItemParser(StatusVocabulary.CreateDefault()).Parse("warm-up.md", new SourceText(WarmUpItem), isDeclaredItem: false);

    private const string WarmUpItem = """
        ---
        id: WARM-1
        title: Warm-up
        status: in-progress
        owner: "@someone"
        team: platform
        created: 2026-01-01
        depends-on: [WARM-0]
        handoffs:
          - from: platform
            to: data
            date: 2026-01-02
        ---
        # Warm-up

        See [the notes](notes.md) and <!-- backloglint-disable-next-line BL0001 -- a reason --> this.

        ## Agreements
        - 2026-01-01 @platform @data: the interface stays stable (review-by: 2026-06-01).

        ## Tasks
        - [x] design
        - [ ] build

        """;

    /// <param name="path">Repository-relative path, for the item and its diagnostics.</param>
    /// <param name="isDeclaredItem">True when configuration's <c>items</c> globs name the file: it is an item
    /// whatever its keys, and broken front matter is always reported.</param>
    public ParsedFile Parse(string path, SourceText source, bool isDeclaredItem)
    {
        var (result, frontMatterEnd, mapping) = ParseFile(path, source, isDeclaredItem);
        if (result.Item is null && _format.IsDocumentFile(path))
        {
            var links = ReadBody(source, []).Links;
            if (links.Count > 0) result = result with { Links = links };
        }

        if (result.Item is null && result.Problems.Count == 0 && result.Links.Count == 0) return result;
        var problems = new List<ParseProblem>(result.Problems);
        var suppressions = SuppressionReader.Read(source, frontMatterEnd, result.Item is null ? null : mapping, problems);
        return result with { Problems = problems, Suppressions = suppressions };
    }

    private (ParsedFile File, int FrontMatterEnd, YamlMapping? Mapping) ParseFile(string path, SourceText source, bool isDeclaredItem)
    {
        var problems = new List<ParseProblem>();
        // A numbered-decisions format does not make the README or the template beside the decisions items.
        if (_format.IdOfFile(path) is null || _format.IsTemplateFile(path)) return (new ParsedFile(path, null, problems), 0, null);
        if (!path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            return _format.Metadata.Contains(MetadataSource.YamlFile) ? ParseYamlFile(path, source, problems) : (new ParsedFile(path, null, problems), 0, null);
        var frontMatter = _format.Metadata.Contains(MetadataSource.FrontMatter) ? FindFrontMatter(source) : null;
        if (frontMatter is null)
        {
            if (!isDeclaredItem || !ReadsBody) return (new ParsedFile(path, null, problems), 0, null);
            var bodyOnly = WithBodyMetadata(new YamlMapping([], SourceSpan.At(1)), source, firstLine: 1);
            // With no key in the body either, the file is a page beside the items (an index, a README), not one of them.
            if (bodyOnly.Entries.Count == 0) return (new ParsedFile(path, null, problems), 0, null);
            return (new ParsedFile(path, ReadItem(path, source, bodyOnly, problems), problems), 0, bodyOnly);
        }

        var (first, last) = frontMatter.Value;
        var looksLikeItem = isDeclaredItem || LooksLikeItem(source, first, last);
        if (last is null)
        {
            if (looksLikeItem)
                problems.Add(new ParseProblem(ParseProblemKind.Syntax,
                    "front matter opened on line 1 is never closed: add a line '---' after it", SourceSpan.WholeLine(1, 3), "front-matter"));
            return (new ParsedFile(path, null, problems), 0, null);
        }

        var yaml = first > last.Value - 1 ? "" : source.Text[source.LineStart(first)..source.LineStart(last.Value)];
        var (root, syntaxProblem) = YamlReader.Read(_format.BareMentions ? YamlReader.QuoteBareMentions(yaml) : yaml, first, maxYamlDepth);
        if (syntaxProblem is not null)
        {
            if (looksLikeItem)
                problems.Add(WithHint(syntaxProblem, source) with { Fix = ValueFixes.QuoteBareMentions(new FixSite(path, source), yaml, source.LineStart(first), first, maxYamlDepth) });
            return (new ParsedFile(path, null, problems), last.Value, null);
        }

        if (root is null && isDeclaredItem) root = new YamlMapping([], SourceSpan.At(first));
        if (root is not YamlMapping mapping)
        {
            if (isDeclaredItem && root is not null)
                problems.Add(new ParseProblem(ParseProblemKind.Syntax,
                    $"front matter should be a map of keys, not {root.KindName}", root.Span, "front-matter"));
            return (new ParsedFile(path, null, problems), last.Value, null);
        }

        if (ReadsBody) mapping = WithBodyMetadata(mapping, source, firstLine: last.Value + 1);
        if (!isDeclaredItem && !ItemKeys.Any(key => new FieldReader(mapping, problems, _format).Entry(key) is not null))
            return (new ParsedFile(path, null, problems), last.Value, mapping);

        var item = ReadItem(path, source, mapping, problems);
        return (new ParsedFile(path, item, problems), last.Value, mapping);
    }

    /// <summary>A whole-YAML item file (KEP's <c>kep.yaml</c>): the file is the front matter and there is no body.</summary>
    private (ParsedFile File, int FrontMatterEnd, YamlMapping? Mapping) ParseYamlFile(string path, SourceText source, List<ParseProblem> problems)
    {
        var (root, syntaxProblem) = YamlReader.Read(source.Text, firstLine: 1, maxYamlDepth);
        if (syntaxProblem is not null)
        {
            problems.Add(WithHint(syntaxProblem with { Message = syntaxProblem.Message.Replace("front matter", "the file", StringComparison.Ordinal) }, source)
                with { Fix = ValueFixes.QuoteBareMentions(new FixSite(path, source), source.Text, 0, 1, maxYamlDepth) });
            return (new ParsedFile(path, null, problems), source.LineCount, null);
        }

        if (root is not YamlMapping mapping)
        {
            problems.Add(new ParseProblem(ParseProblemKind.Syntax,
                $"the file should be a map of keys, not {root?.KindName ?? "empty"}", root?.Span ?? SourceSpan.At(1), "front-matter"));
            return (new ParsedFile(path, null, problems), source.LineCount, null);
        }

        var item = ReadItem(path, source, mapping, problems, new Body(null, [], [], []));
        return (new ParsedFile(path, item, problems), source.LineCount, mapping);
    }

    /// <summary>The first and closing line of the front matter (1-based, the lines between the '---' fences);
    /// closing null when it is never closed; null when the file has no front matter.</summary>
    internal static (int First, int? Closing)? FindFrontMatter(SourceText source)
    {
        if (source.Line(1).TrimEnd() != "---") return null;
        for (var line = 2; line <= source.LineCount; line++)
        {
            var text = source.Line(line).TrimEnd();
            if (text is "---" or "...") return (2, line);
        }

        return (2, null);
    }

    /// <summary>Whether the front-matter lines name an item key. For front matter that is never closed
    /// (<paramref name="closing"/> null), only the block right under the fence counts, up to the first blank line:
    /// a page that opens with a thematic break and has "Status:" somewhere in its prose is not an item.</summary>
    private static bool LooksLikeItem(SourceText source, int first, int? closing)
    {
        for (var line = first; line < (closing ?? source.LineCount + 1); line++)
        {
            var text = source.Line(line);
            if (closing is null && text.Trim().Length == 0) return false;
            if (ItemKeyLine().IsMatch(text)) return true;
        }

        return false;
    }

    /// <summary>Whether the start of a file (its first few KB, for a file too large to read) opens with front matter
    /// that names an item key: how a file over the size limit is told to be an item without reading it all.</summary>
    public static bool StartLooksLikeItem(string start)
    {
        var source = new SourceText(start);
        return FindFrontMatter(source) is { } found && LooksLikeItem(source, found.First, found.Closing);
    }

    /// <summary>Whether the file at <paramref name="path"/> is a document of the format, read for its links.</summary>
    public bool IsDocument(string path) => _format.IsDocumentFile(path);

    private bool ReadsBody => _format.Metadata.Any(source => source is MetadataSource.Header or MetadataSource.Sections);

    /// <summary>The front-matter keys followed by the keys the format reads from the body (front matter wins).</summary>
    private YamlMapping WithBodyMetadata(YamlMapping mapping, SourceText source, int firstLine)
    {
        var entries = new List<YamlEntry>(mapping.Entries);
        if (_format.Metadata.Contains(MetadataSource.Header)) entries.AddRange(BodyMetadata.Header(source, firstLine, _format));
        if (_format.Metadata.Contains(MetadataSource.Sections)) entries.AddRange(BodyMetadata.Sections(source, firstLine, _format));
        return mapping with { Entries = entries };
    }

    private static ParseProblem WithHint(ParseProblem problem, SourceText source)
    {
        var line = source.Line(problem.Span.Line);
        var mention = UnquotedMention().Match(line);
        if (!mention.Success) return problem;
        var key = mention.Groups["key"].Success ? mention.Groups["key"].Value : "owner";
        return problem with { Message = problem.Message + $" (a value that starts with '@' must be quoted: {key}: \"@alice\")" };
    }

    private WorkItem ReadItem(string path, SourceText source, YamlMapping mapping, List<ParseProblem> problems, Body? body = null)
    {
        var fields = new FieldReader(mapping, problems, _format, new FixSite(path, source));
        var header = HeaderSpan(fields, mapping);
        var type = ReadType(fields, _format.IsAgreementFile(path));
        var status = ReadStatus(fields, type);
        if (_format.IsArchivedFile(path)) status = Archived(status, type);
        var ownerEntries = new[] { fields.Entry("owner"), fields.Entry("owners") };
        var ownerValues = fields.Values("owner", splitCommas: true).Concat(fields.Values("owners", splitCommas: true)).ToList();
        body ??= ReadBody(source, problems);

        var written = fields.Text("id");
        var id = Canonical(written ?? new Located<string>(_format.IdOfFile(path) ?? ItemFormat.FileStem(path), header));
        if (written is not null && _format.IdFrom != IdSource.FileName && _format.IdOfFile(path) is { } numbered && !SameNumber(written.Value, numbered))
            fields.Invalid(fields.Entry("id")!, $"'{fields.Entry("id")!.Key.Value}' is {FieldReader.Quoted(written.Value)} but the {(_format.IdFrom == IdSource.FolderNumber ? "folder" : "file name")} says {numbered}: references by either number reach different records");
        var title = fields.Text("title") ?? body.Title;
        var agreements = new List<Agreement>();
        if (type == ItemType.Agreement) agreements.Add(ReadWholeAgreement(fields, status, title, header));
        agreements.AddRange(body.Agreements);
        // "Superseded by [ADR-0012](…)" in the status names the successor as well as the key does.
        if (status.MissingKey == "superseded-by" && agreements is [{ Kind: AgreementKind.WholeItem, SupersededBy: not null }, ..])
            status = status with { MissingKey = null };

        return new WorkItem
        {
            Path = path,
            Id = id,
            Title = title,
            IsArchived = _format.IsArchivedFile(path),
            Type = type,
            Status = status,
            Owners = [.. ownerValues.Where(owner => !Party.IsPlaceholder(owner.Value))],
            OwnerSpan = ownerEntries.FirstOrDefault(entry => entry is not null)?.Value.Span,
            OwnerPlaceholder = ownerValues.FirstOrDefault(owner => Party.IsPlaceholder(owner.Value) && owner.Value.Trim().Length > 0)?.Value,
            OwnerIsEmpty = ownerEntries.Where(entry => entry is not null).All(entry => entry!.Value is YamlSequence { Items.Count: 0 } or YamlScalar { Value.Length: 0 } or YamlScalar { IsNull: true })
                && ownerEntries.Any(entry => entry is not null),
            Team = fields.Text("team"),
            Created = fields.Date("created"),
            Updated = fields.Date("updated"),
            Due = fields.Date("due"),
            DependsOn = [.. fields.Values("depends-on", splitCommas: true).Where(IsReference).Select(Canonical)],
            Parent = !IsNavigation(mapping) && fields.Text("parent") is { } parent && IsReference(parent) ? Canonical(parent) : null,
            BlockedBy = [.. BlockedByKeys.SelectMany(key => fields.TextList(fields.Entry(key), splitCommas: false))],
            SeeAlso = [.. fields.Values("see-also", splitCommas: true).Where(IsReference).Where(value => !value.Value.Contains("://", StringComparison.Ordinal))],
            Handoffs = ReadHandoffs(fields),
            Agreements = agreements,
            Tasks = body.Tasks,
            Links = body.Links,
            FrontMatter = mapping,
            HeaderSpan = header,
        };
    }

    /// <summary>A value that names something: <c>n/a</c>, <c>none</c>, <c>TBD</c>, <c>-</c> and template braces name nothing.</summary>
    private static bool IsReference(Located<string> value) =>
        !Party.IsPlaceholder(value.Value) && !(value.Value.StartsWith('{') && value.Value.EndsWith('}'));

    /// <summary>Docs-site navigation front matter (Jekyll's just-the-docs: <c>parent</c>, <c>nav_order</c>, <c>layout</c>):
    /// its <c>parent</c> is a page title in the site's menu, not an item.</summary>
    private static bool IsNavigation(YamlMapping mapping) =>
        mapping.Entries.Any(entry => NavigationKeys.Any(key => ItemFormat.SameKey(entry.Key.Value, key)));

    private static readonly string[] NavigationKeys = ["nav_order", "nav_exclude", "grand_parent", "has_children", "layout", "permalink"];

    /// <summary>Whether two numbers are the same, leading zeros aside (<c>0012</c> = <c>12</c>); a value that is not a
    /// number (a template's <c>NNNN</c>) is not compared.</summary>
    private static bool SameNumber(string a, string b) =>
        !a.Trim().All(char.IsAsciiDigit) || !b.All(char.IsAsciiDigit) || a.Trim().TrimStart('0') == b.TrimStart('0');

    private Located<string> Canonical(Located<string> id) => id with { Value = _format.CanonicalId(id.Value) };

    private static SourceSpan HeaderSpan(FieldReader fields, YamlMapping mapping)
    {
        var entry = fields.Entry("id") ?? (mapping.Entries.Count > 0 ? mapping.Entries[0] : null);
        return entry is null
            ? SourceSpan.At(1)
            : new SourceSpan(entry.Key.Span.Line, entry.Key.Span.Column, entry.Key.Span.Line,
                entry.Value.Span.Line == entry.Key.Span.Line ? entry.Value.Span.EndColumn : entry.Key.Span.EndColumn);
    }

    private static ItemType ReadType(FieldReader fields, bool isAgreementFile)
    {
        var type = fields.Text("type");
        switch (type?.Value.Trim().ToLowerInvariant())
        {
            case null when isAgreementFile:
                return ItemType.Agreement;
            case null or "task":
                return ItemType.Task;
            case "epic":
                return ItemType.Epic;
            case "agreement" or "decision":
                return ItemType.Agreement;
            default:
                fields.Invalid(fields.Entry("type")!, $"unknown type '{type.Value}' (known: task, epic, agreement); read as a task");
                return ItemType.Task;
        }
    }

    private Status ReadStatus(FieldReader fields, ItemType type)
    {
        var word = fields.Text("status");
        if (word is null)
        {
            if (_format.DefaultStatus is { } assumed)
                return new Status(null, vocabulary.Classify(type, assumed, out var assumedDropped), assumedDropped) { Lifecycle = _format.LifecycleOf(assumed), KnownAs = assumed };
            return new Status(null, type == ItemType.Agreement ? StatusClass.InForce : StatusClass.Open, false);
        }

        var (status, dropped, known) = (StatusClass.Unknown, false, (string?)null);
        foreach (var candidate in StatusText.Candidates(word.Value))
        {
            status = vocabulary.Classify(type, candidate, out dropped);
            if (status == StatusClass.Unknown) continue;
            known = candidate;
            break;
        }

        // A status written as a sentence in prose ("this proposal was adopted for Go 1.4") is an explanation, not a word.
        if (status == StatusClass.Unknown && fields.Entry("status")?.Value is YamlScalar { IsProse: true } && Words().Count(word.Value) > 5)
            return new Status(word, status, dropped);

        if (status == StatusClass.Unknown)
        {
            var kind = type == ItemType.Agreement ? "an agreement" : "a " + type.ToString().ToLowerInvariant();
            // What is wrong and how to make the word known come first; the list of known words, which can be long, last.
            fields.Invalid(fields.Entry("status")!,
                $"unknown status '{FieldReader.Quoted(word.Value)}' for {kind}{StatusHint(word.Value)}; {HowToAdd(type, word.Value)}; {Known(type, word.Value)}",
                StatusFix(fields, type, word.Value));
            return new Status(word, status, dropped);
        }

        if (type != ItemType.Agreement && !vocabulary.IsListed(known!))
            fields.Invalid(fields.Entry("status")!,
                $"status '{FieldReader.Quoted(word.Value)}' is not one of the repository's own statuses ({string.Join(", ", vocabulary.Listed!)}); it is read as {status.ToString().ToLowerInvariant()}");

        var lifecycle = _format.LifecycleOf(known!);
        return new Status(word, status, dropped)
        {
            Lifecycle = lifecycle,
            KnownAs = known,
            Deadline = lifecycle.Deadline switch
            {
                null => null,
                StatusLifecycle.DeadlineInStatus => StatusDates.End(word.Value) is { } end ? new StatusDeadline(new Located<DateOnly>(end, word.Span), "the dates in its status") : null,
                var key => fields.RawDate(key) is { } date ? new StatusDeadline(date, key) : null,
            },
            MissingKey = lifecycle.Needs is { } needed && !fields.HasRaw(needed) ? needed : null,
        };
    }

    /// <summary>Where a team makes a word of its own known: the repository's status list when it has one, else the
    /// configuration's <c>statuses</c> (ConfigKeys.Statuses), with the word in place.</summary>
    private string HowToAdd(ItemType type, string written)
    {
        if (type != ItemType.Agreement && vocabulary.Listed is { Count: > 0 } && _format.StatusList is { } list)
            return $"to add a word, list it under '{list.Key}' in {list.Path}";
        var word = FieldReader.Quoted(written.Trim());
        return type == ItemType.Agreement
            ? $"to add words of your own, write in {Configuration.BacklogLintConfig.FileName} statuses: {{ agreements: {{ in-force: [{word}] }} }} (or proposed, retired)"
            : $"to add words of your own, write in {Configuration.BacklogLintConfig.FileName} statuses: {{ work: {{ active: [{word}] }} }} (or open, blocked, closed, dropped)";
    }

    /// <summary>The words to name in a message: the repository's own list when it has one, else every known word.</summary>
    private string Known(ItemType type, string written)
    {
        if (type != ItemType.Agreement && vocabulary.Listed is { Count: > 0 } listed) return $"the repository's statuses: {string.Join(", ", listed)}";
        var known = vocabulary.KnownWords(type).ToList();
        if (known.Count <= MaxKnownListed) return $"known: {string.Join(", ", known)}";
        // A long vocabulary (a format's own words and the defaults) is not read to the end: the nearest words are.
        var target = StatusVocabulary.Normalize(written);
        var nearest = known.OrderBy(word => ValueFixes.Distance(StatusVocabulary.Normalize(word), target)).ThenBy(word => word, StringComparer.Ordinal).Take(6);
        return $"nearest of the {known.Count} known: {string.Join(", ", nearest)}";
    }

    /// <summary>More known words than this are not all named: the message would run past what reports show whole.</summary>
    private const int MaxKnownListed = 10;

    /// <summary>The status written as the one known word it is a typo of (the repository's own list when it has one):
    /// <c>in-progres</c> → <c>in-progress</c>; none when no word or several are that close.</summary>
    private Diagnostics.Fix? StatusFix(FieldReader fields, ItemType type, string written)
    {
        var known = type != ItemType.Agreement && vocabulary.Listed is { Count: > 0 } listed ? listed : vocabulary.KnownWords(type);
        return ValueFixes.NearestWord(written, known) is { } word && fields.Entry("status")?.Value is YamlScalar scalar
            ? ValueFixes.ReplaceScalar(fields.Site, scalar, word, $"Write the status as '{word}'")
            : null;
    }

    /// <summary>A template's list of choices left in place of a status (<c>{proposed | accepted | rejected}</c>).</summary>
    private static string StatusHint(string value) =>
        value.Contains('|', StringComparison.Ordinal) || (value.StartsWith('{') && value.Contains(',', StringComparison.Ordinal))
            ? " (this is the template's list of choices: write the one that applies)"
            : "";

    /// <summary>An archived item keeps its word but nobody works on it any more: unfinished work is dropped (finished
    /// work stays finished), a live agreement is retired.</summary>
    private static Status Archived(Status status, ItemType type) => status.Class switch
    {
        StatusClass.Closed or StatusClass.Retired => status,
        _ when type == ItemType.Agreement => status with { Class = StatusClass.Retired },
        _ => status with { Class = StatusClass.Closed, IsDropped = true },
    };

    private Agreement ReadWholeAgreement(FieldReader fields, Status status, Located<string>? title, SourceSpan header) =>
        new(AgreementKind.WholeItem,
            Key: "item",
            Text: title?.Value ?? "",
            Parties: fields.Values("parties", splitCommas: true),
            Agreed: fields.Date("agreed"),
            Updated: fields.Date("updated"),
            ReviewBy: fields.Date("review-by"),
            ReviewEvery: fields.Period("review-every"),
            SupersededBy: fields.Values("superseded-by", splitCommas: false).Where(IsReference).ToList() is [var successor, ..] ? Canonical(successor) : SupersededInStatus(status),
            Status: status.Class,
            Span: header,
            SourceLine: null)
        {
            PartiesKey = _format.PartiesRequired ? _format.KeysFor("parties").FirstOrDefault() : null,
        };

    /// <summary>The successor a status names: <c>Superseded by [ADR-0012](0012-x.md)</c> → the id of the linked
    /// file; <c>Superseded by ADR-0012</c> → <c>ADR-0012</c>.</summary>
    private Located<string>? SupersededInStatus(Status status)
    {
        if (status.Class != StatusClass.Retired || status.Word is not { } word || StatusText.SupersededBy(word.Value) is not { } successor) return null;
        var id = successor.IsLink ? _format.IdOfFile(successor.Text.Split('#')[0]) ?? ItemFormat.FileStem(successor.Text) : successor.Text;
        return id.Length == 0 ? null : new Located<string>(_format.CanonicalId(id), word.Span);
    }

    private static List<Handoff> ReadHandoffs(FieldReader fields)
    {
        var handoffs = new List<Handoff>();
        var entry = fields.Entry("handoffs");
        if (entry is null || entry.Value is YamlScalar { IsNull: true }) return handoffs;
        if (entry.Value is not YamlSequence sequence)
        {
            fields.Invalid(entry, $"'handoffs' should be a list of maps with from, to, date and accepted, not {entry.Value.KindName}");
            return handoffs;
        }

        foreach (var node in sequence.Items)
        {
            if (node is not YamlMapping handoff)
            {
                fields.Invalid("handoffs", node, $"each handoff should be a map with from, to, date and accepted, not {node.KindName}");
                continue;
            }

            var reader = new FieldReader(handoff, fields.Problems, site: fields.Site);
            var missing = HandoffKeys.Where(key => !reader.Has(key)).ToList();
            if (missing.Count > 0)
                fields.Invalid("handoffs", handoff, $"the handoff has no {string.Join(" and no ", missing.Select(key => $"'{key}'"))}: a handoff needs from, to and date");
            handoffs.Add(new Handoff(handoffs.Count, reader.Text("from"), reader.Text("to"), reader.Date("date"), reader.Date("accepted"), handoff.Span));
        }

        return handoffs;
    }

    private static Body ReadBody(SourceText source, List<ParseProblem> problems)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(source.Text, Pipeline);
        }
        catch (ArgumentException e)
        {
            // Markdig refuses nesting deeper than its limit (thousands of nested quotes, lists or brackets).
            problems.Add(new ParseProblem(ParseProblemKind.Syntax,
                $"the Markdown body cannot be read ({e.Message.TrimEnd('.')}): its title, agreements, tasks and links were not read",
                SourceSpan.WholeLine(1, 3), "body"));
            return new Body(null, [], [], []);
        }

        Located<string>? title = null;
        var agreements = new List<Agreement>();
        int? agreementsLevel = null;
        foreach (var block in document)
        {
            if (block is HeadingBlock heading)
            {
                var text = InlineText(heading.Inline);
                title ??= heading.Level == 1 ? new Located<string>(text, SpanOf(source, heading.Line)) : null;
                if (IsAgreementsHeading(text)) agreementsLevel = heading.Level;
                else if (agreementsLevel is not null && heading.Level <= agreementsLevel) agreementsLevel = null;
            }
            else if (agreementsLevel is not null && block is ListBlock list)
            {
                foreach (var listItem in list.OfType<ListItemBlock>().Where(listItem => listItem.Count > 0))
                    agreements.Add(InlineAgreements.Read(source, listItem.Line + 1, problems));
            }
        }

        var tasks = new List<TaskEntry>();
        var links = new List<LinkReference>();
        ReadInlines(document, source, tasks, links);
        return new Body(title, agreements, tasks, links);
    }

    /// <summary>The tasks and links of <paramref name="document"/>, in document order, as Markdig's <c>Descendants()</c>
    /// gives them but with one stack of blocks instead of two stacks that also hold every inline (on a repository of
    /// long proposal documents their arrays were a good part of what made the collections during parsing). Nothing
    /// here recurses: the inlines are followed by their parent and sibling links, so no nesting Markdig accepts can
    /// exhaust the call stack.</summary>
    private static void ReadInlines(MarkdownDocument document, SourceText source, List<TaskEntry> tasks, List<LinkReference> links)
    {
        var blocks = new Stack<Block>();
        blocks.Push(document);
        while (blocks.TryPop(out var block))
        {
            if (block is ContainerBlock container)
            {
                for (var i = container.Count - 1; i >= 0; i--) blocks.Push(container[i]);
            }
            else if (block is LeafBlock { Inline: { } inline })
            {
                ReadInlines(inline, source, tasks, links);
            }
        }
    }

    private static void ReadInlines(ContainerInline root, SourceText source, List<TaskEntry> tasks, List<LinkReference> links)
    {
        Inline? node = root.FirstChild;
        while (node is not null)
        {
            // Markdig also takes a "[ ]" quoted inside a list item's text for a checkbox: a task opens its line.
            if (node is TaskList task && TaskLine().IsMatch(source.LineSpan(task.Line + 1)))
                tasks.Add(new TaskEntry(source.Line(task.Line + 1).Trim(), task.Checked, SpanOf(source, task.Line)));
            else if (node is LinkInline { IsImage: false, Url: { Length: > 0 } url } link)
                links.Add(new LinkReference(url, new SourceSpan(link.Line + 1, link.Column + 1, link.Line + 1, link.Column + 1 + link.Span.Length))
                {
                    TargetRange = TargetRange(source, link, url),
                });

            // Pre-order: into the node's children, else on to the next sibling of it or of the nearest parent below
            // the root that has one.
            if (node is ContainerInline { FirstChild: { } child })
            {
                node = child;
                continue;
            }

            while (node is not null && node.NextSibling is null)
                node = node.Parent is { } parent && parent != root ? parent : null;
            node = node?.NextSibling;
        }
    }

    /// <summary>Where a link's URL is written, when the text there is exactly the URL read.</summary>
    private static Diagnostics.TextRange? TargetRange(SourceText source, LinkInline link, string url)
    {
        if (link.Reference is not null || link.UrlSpan.IsEmpty) return null;
        var (start, end) = (link.UrlSpan.Start, link.UrlSpan.End + 1);
        if (start < 0 || end > source.Text.Length || source.Text[start..end] != url) return null;
        return Diagnostics.TextRange.FromOffsets(source, start, end);
    }

    private static bool IsAgreementsHeading(string text) =>
        text.Trim().TrimEnd(':').Equals("agreements", StringComparison.OrdinalIgnoreCase);

    /// <summary>The span of a Markdig 0-based line, from its first non-blank character to its end.</summary>
    internal static SourceSpan SpanOf(SourceText source, int markdigLine)
    {
        var text = source.Line(markdigLine + 1);
        var start = text.Length - text.TrimStart().Length;
        return new SourceSpan(markdigLine + 1, start + 1, markdigLine + 1, text.TrimEnd().Length + 1);
    }

    private static string InlineText(ContainerInline? container)
    {
        if (container is null) return "";
        var text = new System.Text.StringBuilder();
        foreach (var inline in container.Descendants<Inline>())
        {
            if (inline is LiteralInline literal) text.Append(literal.Content.ToString());
            else if (inline is CodeInline code) text.Append(code.Content);
        }

        return text.ToString().Trim();
    }

    [GeneratedRegex(@"^\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])\s+\[[ xX]\]")]
    private static partial Regex TaskLine();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^(id|status|owner|owners|type)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex ItemKeyLine();

    [GeneratedRegex(@"(?:^\s*(?<key>[^\s:#][^:#]*?)\s*:|:|^\s*-)\s+@")]
    private static partial Regex UnquotedMention();

    private sealed record Body(Located<string>? Title, List<Agreement> Agreements, List<TaskEntry> Tasks, List<LinkReference> Links);
}
