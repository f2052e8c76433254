using LabSandbox.Grains.Datasets;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Bracket;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Benchmarks;

/// <summary>The 2025 tournament and calcutta from the real data, compiled into one simulation kernel.</summary>
internal static class Pool2025
{
    public const double Sigma = 10.0;

    public static SimulationKernel CreateKernel(StartingState startingState)
    {
        var year = RealDataReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "data", "real", "2025.json"));
        var calcutta = year.Calcutta ?? throw new InvalidOperationException("2025.json has no calcutta.");
        var bracket = BracketCompiler.Compile(year.Tournament.ToBracketTournament());
        var tournament = TournamentModel.Create(bracket, new KenPomLogisticModel(Sigma), startingState);
        var pool = PoolModel.Create(
            bracket, calcutta.Entries.ToEntrants(), calcutta.ScoringRules.ToRoundPoints(), calcutta.Payouts.ToPositionPrizes());
        return new SimulationKernel(tournament, pool);
    }
}
