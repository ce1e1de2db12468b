using System.Text;
using BacklogLint.Testing;
using CsCheck;

namespace BacklogLint.Reporting.Tests;

/// <summary>The guard in front of stdout and stderr: no line from anywhere starts a workflow command the runner obeys,
/// in either syntax, however it is split across writes; only lines the tool marks with the guard's own secret pass.</summary>
public sealed class WorkflowCommandGuardStreamTests
{
    private static string Through(Action<WorkflowCommandGuardStream, StreamWriter> write)
    {
        using var inner = new MemoryStream();
        var guard = new WorkflowCommandGuardStream(inner);
        using (var writer = new StreamWriter(guard, new UTF8Encoding(false), 16, leaveOpen: true) { AutoFlush = true, NewLine = "\n" })
            write(guard, writer);
        guard.Complete();
        return Encoding.UTF8.GetString(inner.ToArray());
    }

    [Theory]
    [InlineData("::error::pwned")]
    [InlineData("   ::set-output name=x::y")]
    [InlineData("\t::add-mask::x")]
    [InlineData("\u00A0\u2003::stop-commands::abc")]
    [InlineData("backlog/x.md(1,1): warning BL0001: ##[set-env name=A]b")]
    [InlineData("##[error]legacy")]
    [InlineData("text\r::error::after a carriage return")]
    [InlineData("a\r\n##[warning]b\n::debug::c")]
    [InlineData("###[error]three hashes")]
    public void Nothing_written_is_a_command(string text)
    {
        var output = Through((_, writer) => writer.WriteLine(text));

        WorkflowCommandParser.Commands(output).ShouldBeEmpty(output);
        output.Replace("\u200B", "", StringComparison.Ordinal).ShouldBe(text + "\n", "the text reads the same");
    }

    [Fact]
    public void A_command_split_across_writes_is_still_seen_whole()
    {
        var output = Through((_, writer) =>
        {
            writer.Write(" :");
            writer.Write(":error::x\n#");
            writer.Write("#");
            writer.Write("[warning]y");
        });

        WorkflowCommandParser.Commands(output).ShouldBeEmpty(output);
    }

    [Fact]
    public void The_tools_own_commands_pass_and_legacy_syntax_inside_them_does_not()
    {
        var output = Through((guard, writer) =>
        {
            writer.WriteLine(guard.Trust("::warning file=a.md,line=1::message with ##[set-env name=X]y"));
            writer.WriteLine("::warning::not trusted");
        });

        var commands = WorkflowCommandParser.Commands(output);
        commands.ShouldHaveSingleItem().Name.ShouldBe("warning");
        commands[0].Line.ShouldStartWith("::warning file=a.md");
        output.ShouldNotContain("##[");
    }

    [Fact]
    public void Another_guards_mark_is_no_mark()
    {
        using var other = new WorkflowCommandGuardStream(new MemoryStream());
        var forged = other.Trust("::error::forged");

        var output = Through((_, writer) => writer.WriteLine(forged));

        WorkflowCommandParser.Commands(output).ShouldBeEmpty(output);
    }

    [Fact]
    public void Token_shapes_are_redacted_also_when_written_in_pieces()
    {
        var output = Through((guard, writer) =>
        {
            guard.Redactor = new SecretRedactor(["exact-secret-value"]).Redact;
            writer.Write("failed with ghs_");
            writer.Write("abcdefghijklmnopqrstuvwxyz0123 and exact-secret-value\n");
        });

        output.ShouldBe("failed with *** and ***\n");
    }

    [Fact]
    public void Lines_that_need_nothing_are_passed_byte_for_byte()
    {
        var output = Through((_, writer) => writer.Write("backlog/ä.md(3,1): warning BL0001: fine\r\nsecond"));

        output.ShouldBe("backlog/ä.md(3,1): warning BL0001: fine\r\nsecond");
    }
}

/// <summary>Every form a token can travel in is masked, and the text around it stays.</summary>
public sealed class SecretRedactorTests
{
    private const string Token = "ghs_16C7e42F292c6912E7710c838347Ae178B4a";
    private static readonly SecretRedactor Redactor = new([Token]);

    [Theory]
    [InlineData("ghp_abcdefghijklmnopqrstuvwxyz0123456789")]
    [InlineData("gho_abcdefghijklmnop")]
    [InlineData("ghu_abcdefghijklmnop")]
    [InlineData("ghr_abcdefghijklmnop")]
    [InlineData("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz")]
    [InlineData("v1.0123456789abcdef0123456789abcdef01234567")]
    public void Every_token_shape_is_masked(string token)
    {
        SecretRedactor.Shapes.Redact($"refused {token}.").ShouldBe("refused ***.");
    }

    [Theory]
    [InlineData("Authorization: token " + Token)]
    [InlineData("{\"authorization\":\"Basic eC1hY2Nlc3MtdG9rZW46Z2hzXzE2QzdlNDJGMjkyYzY5MTJFNzcxMGM4MzgzNDdBZTE3OEI0YQ==\"}")]
    [InlineData("Bearer abc.def-ghi_jkl")]
    [InlineData("Basic eC1hY2Nlc3MtdG9rZW46Z2hzXzE2QzdlNDJGMjkyYzY5MTJFNzcxMGM4MzgzNDdBZTE3OEI0YQ==")]
    [InlineData("ghs16C7e42F292c6912E7710c838347Ae178B4a")]
    [InlineData("https://x-access-token:" + Token + "@github.com/acme/planning")]
    [InlineData("Z2hzXzE2QzdlNDJGMjkyYzY5MTJFNzcxMGM4MzgzNDdBZTE3OEI0YQ")]
    public void The_token_in_any_form_is_masked(string text)
    {
        var redacted = Redactor.Redact($"echo: {text} end");

        redacted.ShouldNotContain(Token);
        redacted.ShouldNotContain("16C7e42F292c6912");
        redacted.ShouldNotContain("eC1hY2Nlc3MtdG9rZW46");
        redacted.ShouldNotContain("Z2hzXzE2");
        redacted.ShouldContain("***");
        redacted.ShouldStartWith("echo: ");
    }

    /// <summary>Pieces of what the patterns look for, in every case and near-miss, ASCII or not (the Kelvin sign and the
    /// long s match k and s when case is ignored), and runs of base64 (a token encoded, a fingerprint).</summary>
    private static readonly Gen<string> Fragment = Gen.Frequency(
        (6, Gen.OneOfConst("authorization", "AUTHORIZATION", "Authorization: ", "authorization=\"", "bearer ", "BeArEr ", "basic ", "Basic ",
            "token ", "TOKEN ", "to\u212Aen ", "ba\u017Fic ", "auth\u0130rization", "ghp_", "ghs_", "gho_", "github_pat_", "v1.", "0123456789abcdef",
            "0123456789abcdef0123456789abcdef01234567", "https://", "://", "user:pass@", "@", "=", "==", "x-access-token:", Token,
            "Z2hzXzE2QzdlNDJGMjkyYzY5MTJFNzcxMGM4MzgzNDdBZTE3OEI0YQ", "eC1hY2Nlc3MtdG9rZW46",
            "eC1hY2Nlc3MtdG9rZW46Z2hzXzE2QzdlNDJGMjkyYzY5MTJFNzcxMGM4MzgzNDdBZTE3OEI0YQ==", "Z2hwX2FiY2RlZjEy", "0123abcd4567ef89", "ABCDEFGHIJKLMNOP", "abc/def+ghi_jkl-mno",
            " ", "\t", ",", ";", "\"", "'", "ä", "\u00A0")),
        (1, Gen.String[Gen.Char, 0, 6]));

    [Fact]
    public void Patterns_skipped_where_they_cannot_match_or_matched_by_hand_change_nothing()
    {
        Fragment.Array[0, 12].Select(string.Concat).Sample(text =>
        {
            SecretRedactor.Shapes.Redact(text).ShouldBe(SecretRedactor.Shapes.Redact(text, everyPattern: true));
            Redactor.Redact(text).ShouldBe(Redactor.Redact(text, everyPattern: true));
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("The token may not update the pull request comment (403 Resource not accessible by integration).")]
    [InlineData("GitHub refused the token when asked to update the pull request comment (401 Unauthorized).")]
    [InlineData("backlog/PAY-142-move-billing-webhooks-onto-the-queue.md(3,1): warning BL0001: Task has no owner")]
    public void Plain_sentences_stay_as_they_are(string text) => Redactor.Redact(text).ShouldBe(text);
}
