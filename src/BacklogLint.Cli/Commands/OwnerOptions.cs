using System.CommandLine;

namespace BacklogLint.Cli.Commands;

/// <summary><c>--verify-owners</c> and <c>--org</c>, the same on <c>check</c> and <c>github</c>.</summary>
internal static class OwnerOptions
{
    public static Option<bool> VerifyOwners() => new("--verify-owners")
    {
        Description = "Also check through the GitHub API that the roster's people and teams exist in the organisation (BL0002). Needs a token that may read its members (read:org).",
    };

    public static Option<string?> Organization() => new("--org")
    {
        Description = "The GitHub organisation for --verify-owners (default: the owner of GITHUB_REPOSITORY).",
        CustomParser = result => result.Tokens.Count == 0 ? null : result.Tokens[0].Value.Trim().TrimStart('@'),
    };

    public static void Validate(Command command, Option<bool> verifyOwners, Option<string?> organization) =>
        command.Validators.Add(result =>
        {
            if (result.GetResult(organization) is null) return;
            var value = result.GetValue(organization);
            if (!result.GetValue(verifyOwners)) result.AddError("--org is the organisation for --verify-owners: give both, or neither");
            else if (string.IsNullOrEmpty(value) || value.Any(c => c is '/' || char.IsWhiteSpace(c) || char.IsControl(c)))
                result.AddError($"--org is the login of a GitHub organisation, not '{value}'");
        });
}
