using System.Security.Cryptography;
using System.Text;
using BacklogLint.Core.Analysis;
using BacklogLint.Core.Diagnostics;
using CsCheck;

namespace BacklogLint.Core.Tests.Diagnostics;

/// <summary>Fingerprints are stored in baselines: the hashing done by hand must give exactly what the platform's SHA-256
/// gave before it.</summary>
public sealed class FingerprintTests
{
    [Fact]
    public void The_digest_is_the_platforms_sha256_for_every_length_around_the_block_edges()
    {
        var data = new byte[300];
        new Random(7).NextBytes(data);
        for (var length = 0; length <= data.Length; length++)
            Sha256.HashData(data.AsSpan(0, length)).ShouldBe(SHA256.HashData(data.AsSpan(0, length)), $"length {length}");
    }

    [Fact]
    public void The_digest_is_the_platforms_sha256_for_any_bytes()
    {
        Gen.Byte.Array[0, 2000].Sample(bytes => Sha256.HashData(bytes).ShouldBe(SHA256.HashData(bytes)), iter: 2000);
    }

    [Fact]
    public void A_fingerprint_is_the_first_8_bytes_of_the_sha256_of_rule_path_item_and_anchor_in_lowercase_hex()
    {
        Gen.Select(Gen.String, Gen.String, Gen.String, Gen.String).Sample((rule, path, item, anchor) =>
            RuleRun.Fingerprint(rule, path, item, anchor)
                .ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{rule}\n{path}\n{item}\n{anchor}")).AsSpan(0, 8))), iter: 2000);
        RuleRun.Fingerprint("BL0001", null, null, "owner").ShouldBe(Convert.ToHexStringLower(SHA256.HashData("BL0001\n\n\nowner"u8).AsSpan(0, 8)));
    }
}
