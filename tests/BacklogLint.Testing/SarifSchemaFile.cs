namespace BacklogLint.Testing;

/// <summary>The official SARIF 2.1.0 JSON schema, copied beside the tests from the Sarif.Sdk package.</summary>
public static class SarifSchemaFile
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-2.1.0.json");
}
