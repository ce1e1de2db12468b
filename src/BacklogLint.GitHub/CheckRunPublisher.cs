using BacklogLint.Core.Diagnostics;
using Octokit;

namespace BacklogLint.GitHub;

/// <summary>A check run on the head commit with the findings as annotations. GitHub takes at most 50 annotations per
/// request: the run is created with the first 50 and updated with each further 50 (GitHub appends them); the last
/// request completes it with the conclusion. A run is never left <c>in_progress</c>: when an update fails, or the
/// budget runs out, it is completed with the conclusion and a summary that says how many annotations were sent and
/// what failed (within the budget's reserve for cleaning up).</summary>
public sealed class CheckRunPublisher(IGitHubClient client, string owner, string name, GitHubBudget? budget = null, Func<string, string>? redact = null)
{
    public const string CheckName = "BacklogLint";

    /// <summary>GitHub's limit per create or update request.</summary>
    public const int AnnotationsPerRequest = 50;

    /// <summary>At most this many annotations (200 requests); the summary says how many more there are.</summary>
    public const int MaxAnnotations = 200 * AnnotationsPerRequest;

    /// <summary>GitHub's limit on <c>output.summary</c> (characters).</summary>
    public const int SummaryLimit = 65_535;

    private const int TitleLimit = 255;
    private const int MessageLimit = 60_000;

    /// <returns>The check run's id (null when it could not be created), the number of requests made, and what failed.</returns>
    public async Task<CheckRunOutcome> PublishAsync(string headSha, CheckRunContent content)
    {
        var withFile = content.Findings.Count(d => d.Path is not null);
        var batches = Annotations(content.Findings).Chunk(AnnotationsPerRequest).ToList();
        if (batches.Count == 0) batches.Add([]);
        var conclusion = content.Success ? CheckConclusion.Success : CheckConclusion.Failure;

        CheckRun run;
        try
        {
            run = await client.Check.Run.Create(owner, name, new NewCheckRun(CheckName, headSha)
            {
                Status = batches.Count == 1 ? CheckStatus.Completed : CheckStatus.InProgress,
                Conclusion = batches.Count == 1 ? conclusion : null,
                Output = Output(content.Title, Summary(content, withFile, batches.Count == 1 ? withFile : batches[0].Length, null), batches[0]),
            }).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return new CheckRunOutcome(null, 1, e);
        }

        var sent = batches[0].Length;
        for (var i = 1; i < batches.Count; i++)
        {
            var last = i == batches.Count - 1;
            try
            {
                if (budget is { IsSpent: true }) throw new GitHubTimeoutException($"the budget of {GitHubBudget.Describe(budget.Total)} for GitHub is spent");
                await client.Check.Run.Update(owner, name, run.Id, new CheckRunUpdate
                {
                    Status = last ? CheckStatus.Completed : null,
                    Conclusion = last ? conclusion : null,
                    Output = Output(content.Title, Summary(content, withFile, last ? sent + batches[i].Length : sent, null), batches[i]),
                }).ConfigureAwait(false);
                sent += batches[i].Length;
            }
            catch (Exception e)
            {
                await CompleteAsync(run.Id, content, conclusion, withFile, sent, e).ConfigureAwait(false);
                return new CheckRunOutcome(run.Id, i + 2, e);
            }
        }

        return new CheckRunOutcome(run.Id, batches.Count, null);
    }

    /// <summary>Completes a run whose annotations stopped coming, saying so; a failure here is the one already said.</summary>
    private async Task CompleteAsync(long id, CheckRunContent content, CheckConclusion conclusion, int withFile, int sent, Exception failure)
    {
        var why = (redact ?? (text => text))(GitHubFailure.Describe(failure, "add the remaining annotations", redact));
        async Task Complete() => await client.Check.Run.Update(owner, name, id, new CheckRunUpdate
        {
            Status = CheckStatus.Completed,
            Conclusion = conclusion,
            Output = Output(content.Title, Summary(content, withFile, sent, why), []),
        }).ConfigureAwait(false);
        try
        {
            if (budget is null) await Complete().ConfigureAwait(false);
            else await budget.CleanUpAsync(Complete).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or TimeoutException or OperationCanceledException or InvalidDataException)
        {
            // Nothing more can be done through an API that refuses; the run's notice says what failed first.
        }
    }

    /// <summary>The report, after a line saying how many annotations the run has when not all of them.</summary>
    private static string Summary(CheckRunContent content, int withFile, int sent, string? failure)
    {
        if (sent >= withFile && failure is null) return content.Summary;
        var line = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"> **{sent} of {withFile} findings are annotations on this check run.**{(failure is null ? "" : " " + failure)} Every finding is in the summary below and in the job summary.\n\n");
        return line + content.Summary;
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

    private static NewCheckRunOutput Output(string title, string summary, NewCheckRunAnnotation[] annotations) =>
        new(Cap(title, TitleLimit), Cap(summary, SummaryLimit)) { Annotations = annotations };

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

/// <summary>The check run made (null when it could not be), in how many requests, and what failed (null when nothing).</summary>
public sealed record CheckRunOutcome(long? Id, int Requests, Exception? Failure);
