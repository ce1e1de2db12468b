using BacklogLint.Testing;
using NJsonSchema;
using NJsonSchema.Validation;

namespace BacklogLint.Reporting.Tests;

/// <summary>The official SARIF 2.1.0 schema (see <see cref="SarifSchemaFile"/>).</summary>
internal static class SarifSchema
{
    public static readonly string Path = SarifSchemaFile.Path;

    private static readonly Lazy<Task<JsonSchema>> Schema = new(() => JsonSchema.FromFileAsync(Path));

    public static async Task<ICollection<ValidationError>> ValidateAsync(string json) => (await Schema.Value).Validate(json);

    /// <summary>The errors, one per line with their paths, for a readable assertion message.</summary>
    public static string Describe(IEnumerable<ValidationError> errors) => string.Join("\n", errors.Select(e => e.ToString()));
}
