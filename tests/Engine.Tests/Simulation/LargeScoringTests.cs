using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.Simulation;

/// <summary>Scoring rules far above the house rules: the fixed-point square sums must stay exact, or be refused.</summary>
public sealed class LargeScoringTests
{
    private static IReadOnlyList<RoundPoints> TitleWorth(int points) =>
        [new(1, 0), new(2, 50), new(3, 100), new(4, 150), new(5, 200), new(6, 250), new(7, points)];

    [Fact]
    public void A_20000_point_title_still_gives_the_exact_standard_deviation()
    {
        var bracket = SimulationData.Bracket(2025);
        var pool = SimulationData.Pool(2025);
        var model = PoolModel.Create(bracket, pool.Entries, TitleWorth(20_000), pool.Payouts);
        var kernel = new SimulationKernel(TournamentModel.Create(bracket, new KenPomLogisticModel(10), StartingState.PreTournament), model);
        const int n = 3_000;

        // Reference: each simulation's fixed-point points on its own, squared in 128-bit arithmetic.
        var merged = kernel.CreateAccumulator();
        var sums = new long[model.EntryCount];
        var squares = new Int128[model.EntryCount];
        for (var i = 0; i < n; i++)
        {
            var one = kernel.CreateAccumulator();
            kernel.Run(7, i, 1, one);
            for (var e = 0; e < model.EntryCount; e++)
            {
                sums[e] += one.PointsSum[e];
                squares[e] += (Int128)one.PointsSum[e] * one.PointsSum[e];
            }
        }

        kernel.Run(7, 0, n, merged);

        Assert.Equal(sums, merged.PointsSum);
        Assert.Equal(squares, merged.PointsSquaresSum);
        Assert.Contains(squares, s => s > (Int128)ulong.MaxValue);
    }

    [Fact]
    public void Scoring_too_large_for_the_fixed_point_sums_is_refused()
    {
        var bracket = SimulationData.Bracket(2025);
        var pool = SimulationData.Pool(2025);
        var error = Assert.Throws<ArgumentException>(() => PoolModel.Create(bracket, pool.Entries, TitleWorth(100_000), pool.Payouts));
        Assert.Contains("too large", error.Message);
    }
}
