using System.Globalization;
using BacklogLint.Core.Diagnostics;

namespace BacklogLint.Testing;

/// <summary>A finding written out whole, as a rule tester compares it (ESLint's RuleTester, Roslyn's analyzer
/// verifier): rule, severity, path, the exact span and the message, one line each, in report order, duplicates kept.
/// <c>backlog/PAY-1.md(2,1-2,10): warning BL0001: Task 'PAY-1' is todo but has no owner</c>.</summary>
public static class FindingText
{
    public static string Of(Diagnostic diagnostic)
    {
        var where = diagnostic.Path is null
            ? "(repository)"
            : diagnostic.Span is { } span
                ? string.Create(CultureInfo.InvariantCulture, $"{diagnostic.Path}({span.Line},{span.Column}-{span.EndLine},{span.EndColumn})")
                : diagnostic.Path;
        return $"{where}: {diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Id}: {diagnostic.Message}";
    }

    public static List<string> Of(IEnumerable<Diagnostic> diagnostics) => [.. diagnostics.Order(DiagnosticOrder.Instance).Select(Of)];
}
