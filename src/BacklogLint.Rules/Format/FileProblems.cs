using BacklogLint.Core.Analysis;
using BacklogLint.Core.Parsing;

namespace BacklogLint.Rules.Format;

/// <summary>Reports the problems found while reading files, of one kind; the Format rules share it.</summary>
internal static class FileProblems
{
    public static void Report(RepositoryContext context, ParseProblemKind kind)
    {
        foreach (var file in context.Repository.Files)
            foreach (var problem in file.Problems.Where(p => p.Kind == kind))
                context.Report(file.Path, problem.Span, problem.Key, problem.Fix, problem.Message);
    }
}
