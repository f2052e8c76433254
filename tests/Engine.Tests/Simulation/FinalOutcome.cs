using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.Simulation;

/// <summary>
/// Simulations whose every game went as in reality, reached two ways: <c>through_round:7</c> (nothing is
/// random), or <c>through_round:6</c> keeping only the simulations in which the real champion won the final.
/// </summary>
internal static class FinalOutcome
{
    public const string Locked = "through_round:7";
    public const string Replayed = "through_round:6 + real final";

    /// <summary>Either way, <paramref name="simulations"/> simulations of the real final outcome, merged.</summary>
    public static (SimulationKernel Kernel, SimulationAccumulator Totals) Run(int year, string how, int simulations, ulong seed)
    {
        if (how == Locked)
        {
            var locked = SimulationData.Kernel(year, StartingState.ThroughRound(7));
            var totals = locked.CreateAccumulator();
            locked.Run(seed, 0, simulations, totals);
            return (locked, totals);
        }

        var kernel = SimulationData.Kernel(year, StartingState.ThroughRound(6));
        var champion = kernel.Tournament.Bracket.Teams.IndexOf(kernel.Tournament.Bracket.Teams.Single(t => t.Progress == 7));
        var merged = kernel.CreateAccumulator();
        for (long i = 0; merged.Simulations < simulations; i++)
        {
            Assert.True(i < 1000, $"{year}: the real champion never won the simulated final.");
            var one = kernel.CreateAccumulator();
            kernel.Run(seed, i, 1, one);
            if (one.TeamProgressCounts[(champion * 8) + 7] == 1)
            {
                merged.Merge(one);
            }
        }

        return (kernel, merged);
    }
}
