using System.CommandLine;
using System.CommandLine.Parsing;

namespace BacklogLint.Cli;

/// <summary>An unknown command or option, with the nearest known name: <c>chek</c> → "did you mean 'check'?",
/// <c>check --frmat json</c> → "did you mean '--format'?".</summary>
internal static class Typos
{
    /// <summary>The one line to print for the first unknown command or option of <paramref name="result"/>; null when
    /// every name is known.</summary>
    public static string? Find(RootCommand root, ParseResult result)
    {
        var command = result.CommandResult.Command;
        var options = Options(root, command);
        Token? previous = null;
        foreach (var token in result.Tokens)
        {
            var isValue = previous is { Type: TokenType.Option } option
                && options.TryGetValue(option.Value, out var taking) && taking.Arity.MaximumNumberOfValues > 0;
            previous = token;
            if (token.Type != TokenType.Argument || isValue) continue;
            if (token.Value.Length > 1 && token.Value[0] == '-' && !char.IsAsciiDigit(token.Value[1]))
            {
                var where = command == root ? "" : $" of '{command.Name}'";
                return $"unknown option '{token.Value}'{where}{Nearest(token.Value, options.Keys)} (see 'backloglint{(command == root ? "" : " " + command.Name)} --help')";
            }

            if (command == root)
                return $"unknown command '{token.Value}'{Nearest(token.Value, root.Subcommands.Select(c => c.Name))} (see 'backloglint --help')";
        }

        return null;
    }

    /// <summary>The options <paramref name="command"/> takes, by every name: its own and the root's recursive ones
    /// (--verbose, --help).</summary>
    private static Dictionary<string, Option> Options(RootCommand root, Command command)
    {
        var options = new Dictionary<string, Option>(StringComparer.Ordinal);
        foreach (var option in command.Options.Concat(command == root ? [] : root.Options.Where(o => o.Recursive)))
            foreach (var name in option.Aliases.Prepend(option.Name))
                options.TryAdd(name, option);
        return options;
    }

    private static string Nearest(string written, IEnumerable<string> known)
    {
        var best = known
            .Where(name => name.Length > 2)
            .Select(name => (Name: name, Distance: Distance(written.ToLowerInvariant(), name)))
            .OrderBy(candidate => candidate.Distance)
            .ThenBy(candidate => candidate.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, written.Length / 3) ? $": did you mean '{best.Name}'?" : "";
    }

    /// <summary>Levenshtein distance with adjacent transpositions (<c>chekc</c> is one step from <c>check</c>).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }
}
