using System.Globalization;
using CsCheck;

namespace BacklogLint.PropertyTesting;

/// <summary>Runs a property over generated cases, reproducibly: case <c>i</c> is generated from a fixed seed and
/// stream <c>i</c>, so every run sees the same inputs. <c>BACKLOGLINT_PROPERTY_ITERATIONS</c> overrides the number
/// of cases, <c>BACKLOGLINT_PROPERTY_SEED</c> the seed. A failure names the case's CsCheck seed:
/// <c>gen.Sample(property, seed: "…")</c> replays it (and shrinks from there).</summary>
internal static class PropertyRun
{
    public const string IterationsVariable = "BACKLOGLINT_PROPERTY_ITERATIONS";
    public const string SeedVariable = "BACKLOGLINT_PROPERTY_SEED";

    /// <summary>The number of cases: the environment's override, scaled by <paramref name="share"/> (a property whose
    /// cases are expensive runs a fraction of the override), else <paramref name="defaultCount"/>.</summary>
    public static int Iterations(int defaultCount, double share = 1.0)
    {
        var text = Environment.GetEnvironmentVariable(IterationsVariable);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > 0
            ? Math.Max(1, (int)(count * share))
            : defaultCount;
    }

    /// <summary>Generates <paramref name="iterations"/> values and checks <paramref name="property"/> on each.</summary>
    /// <returns>The number of cases run.</returns>
    public static int ForAll<T>(Gen<T> gen, int iterations, ulong seed, Action<T> property)
    {
        var baseSeed = ulong.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var fixedSeed)
            ? fixedSeed
            : seed;
        for (var i = 0; i < iterations; i++)
        {
            var pcg = new PCG((uint)i, baseSeed);
            var caseSeed = pcg.ToString();
            var value = gen.Generate(pcg, null, out _);
            try
            {
                property(value);
            }
            catch (Exception e)
            {
                throw new PropertyFailedException(
                    $"case {i} of {iterations} failed (CsCheck seed \"{caseSeed}\", base seed {baseSeed}): {e.GetType().Name}: {e.Message}", e);
            }
        }

        TestContext.Current.SendDiagnosticMessage($"{iterations} generated cases passed (seed {baseSeed})");
        return iterations;
    }
}

internal sealed class PropertyFailedException(string message, Exception inner) : Exception(message, inner);
