using System.Collections.Concurrent;
using System.Diagnostics;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Bracket;
using LabSandbox.Grains.Engine.Simulation;
using Xunit.Abstractions;

namespace LabSandbox.Engine.Tests.Simulation;

/// <summary>Simulated progress frequencies converge to the exact advancement model (docs/architecture.md, domain rules: models).</summary>
public sealed class ConvergenceTests(ITestOutputHelper output)
{
    private const int Simulations = 200_000;
    private const double StandardErrors = 5;

    [Fact]
    public void Every_team_and_round_agrees_with_the_exact_model_within_five_standard_errors()
    {
        var failures = new ConcurrentBag<string>();
        var watch = Stopwatch.StartNew();

        // Each year on its own kernel, in parallel: kernels are single-threaded, the years independent.
        Parallel.ForEach(SimulationData.PoolYears, year => Check(year, StartingState.PreTournament, failures));
        output.WriteLine($"{SimulationData.PoolYears.Length} years × {Simulations:N0} tournaments in {watch.Elapsed.TotalSeconds:F1} s");

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Order().Take(20)));
    }

    [Fact]
    public void A_partly_played_tournament_converges_to_its_own_exact_model()
    {
        var failures = new ConcurrentBag<string>();
        Check(2024, StartingState.ThroughRound(3), failures);
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Order().Take(20)));
    }

    private static void Check(int year, StartingState state, ConcurrentBag<string> failures)
    {
        var kernel = SimulationData.Kernel(year, state);
        var counts = new long[CompiledBracket.TeamCount * SimulationAccumulator.ProgressLevels];
        kernel.RunTournaments((ulong)year, 0, Simulations, counts);

        var exact = AdvancementCalculator.Compute(SimulationData.Tournament(year), 10, state, RoundPoints.HouseRules);
        var teamIds = kernel.Tournament.Bracket.TeamIds;
        foreach (var team in exact.Teams)
        {
            var t = teamIds.IndexOf(team.TeamId);
            Assert.True(t >= 0, $"{year}: {team.TeamId} is not in the bracket.");
            Assert.Equal(Simulations, counts.AsSpan(t * 8, 8).ToArray().Sum());
            for (var r = 1; r <= 7; r++)
            {
                long reached = 0;
                for (var progress = r; progress <= 7; progress++)
                {
                    reached += counts[(t * 8) + progress];
                }

                var p = team.ReachProbabilities[r - 1];
                var simulated = (double)reached / Simulations;
                var ok = p is 0 or 1
                    ? simulated == p
                    : Math.Abs(simulated - p) <= StandardErrors * Math.Sqrt(p * (1 - p) / Simulations);
                if (!ok)
                {
                    failures.Add($"{year} {state} {team.TeamId} P(progress ≥ {r}): exact {p:R}, simulated {simulated:R}");
                }
            }
        }
    }
}
