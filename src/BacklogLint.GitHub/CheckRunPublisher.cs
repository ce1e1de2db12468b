using BacklogLint.Core.Diagnostics;
using Octokit;

namespace BacklogLint.GitHub;

/// <summary>A check run on the head commit with the findings as annotations. GitHub takes at most 50 annotations per
/// request: the run is created with the first 50 and updated with each further 50 (GitHub appends them); the last
/// request completes it with the conclusion.</summary>
public sealed class CheckRunPublisher(IGitHubClient client, string owner, string name)
{
    public const string CheckName = "BacklogLint";

    /// <summary>GitHub's limit per create or update request.</summary>
    public const int AnnotationsPerRequest = 50;

    /// <summary>At most this many annotations (50 requests): beyond that a run would only meet GitHub's secondary rate
    /// limit on content-creating requests. The summary has the rest.</summary>
    public const int MaxAnnotations = 50 * AnnotationsPerRequest;

    /// <summary>GitHub's limit on <c>output.summary</c> (characters).</summary>
    public const int SummaryLimit = 65_535;

    private const int TitleLimit = 255;
    private const int MessageLimit = 60_000;

    /// <returns>The check run's id and the number of requests made.</returns>
    public async Task<CheckRunOutcome> PublishAsync(string headSha, CheckRunContent content)
    {
        var batches = Annotations(content.Findings).Chunk(AnnotationsPerRequest).ToList();
        if (batches.Count == 0) batches.Add([]);
        var conclusion = content.Success ? CheckConclusion.Success : CheckConclusion.Failure;

        var run = await client.Check.Run.Create(owner, name, new NewCheckRun(CheckName, headSha)
        {
            Status = batches.Count == 1 ? CheckStatus.Completed : CheckStatus.InProgress,
            Conclusion = batches.Count == 1 ? conclusion : null,
            Output = Output(content, batches[0]),
        }).ConfigureAwait(false);

        for (var i = 1; i < batches.Count; i++)
        {
            var last = i == batches.Count - 1;
            await client.Check.Run.Update(owner, name, run.Id, new CheckRunUpdate
            {
                Status = last ? CheckStatus.Completed : null,
                Conclusion = last ? conclusion : null,
                Output = Output(content, batches[i]),
            }).ConfigureAwait(false);
        }

        return new CheckRunOutcome(run.Id, batches.Count);
    }

    /// <summary>One annotation per finding that has a file (GitHub requires a path and a line), at most
    /// <see cref="MaxAnnotations"/>, in the order given.</summary>
    public static IReadOnlyList<NewCheckRunAnnotation> Annotations(IEnumerable<Diagnostic> findings) =>
        [.. findings.Where(d => d.Path is not null).Take(MaxAnnotations).Select(Annotation)];

    private static NewCheckRunAnnotation Annotation(Diagnostic diagnostic)
    {
        var span = diagnostic.Span ?? SourceSpan.At(1);
        var annotation = new NewCheckRunAnnotation(diagnostic.Path, span.Line, Math.Max(span.Line, span.EndLine), Level(diagnostic.Severity), Cap(diagnostic.Message, MessageLimit))
        {
            Title = Cap($"{diagnostic.Id}: {diagnostic.Descriptor.Title}", TitleLimit),
        };
        if (span.Line == span.EndLine)
        {
            // GitHub accepts columns only on a single-line annotation.
            annotation.StartColumn = span.Column;
            annotation.EndColumn = Math.Max(span.Column, span.EndColumn);
        }

        return annotation;
    }

    private static NewCheckRunOutput Output(CheckRunContent content, NewCheckRunAnnotation[] annotations) =>
        new(Cap(content.Title, TitleLimit), Cap(content.Summary, SummaryLimit)) { Annotations = annotations };

    private static CheckAnnotationLevel Level(Severity severity) => severity switch
    {
        Severity.Error => CheckAnnotationLevel.Failure,
        Severity.Warning => CheckAnnotationLevel.Warning,
        _ => CheckAnnotationLevel.Notice,
    };

    private static string Cap(string text, int limit) => text.Length <= limit ? text : text[..(limit - 1)] + "…";
}

/// <summary>What a check run shows.</summary>
/// <param name="Findings">In the order they are to appear (and be kept, past <see cref="CheckRunPublisher.MaxAnnotations"/>).</param>
/// <param name="Success">The conclusion: the run's exit code was 0.</param>
public sealed record CheckRunContent(string Title, string Summary, IReadOnlyList<Diagnostic> Findings, bool Success);

/// <summary>The check run made, and in how many requests.</summary>
public sealed record CheckRunOutcome(long Id, int Requests);
