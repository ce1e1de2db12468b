namespace BacklogLint.LanguageServer.Tests;

/// <summary>The items the language server's tests open: one with a status typo (BL0502, which has a safe fix) and one
/// without an owner (BL0001).</summary>
internal static class EditorItems
{
    public const string Typo = """
        ---
        id: PAY-1
        title: Checkout
        status: in-progres
        owner: "@alice"
        ---
        # Checkout

        """;

    public const string Unowned = """
        ---
        id: PAY-2
        title: Refunds
        status: in-progress
        ---
        # Refunds

        """;
}
