using System.Collections.Concurrent;
using LabSandbox.Grains.Datasets;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Bracket;
using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Engine.Simulation;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Simulations;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs.Pinning;
using LabSandbox.Grains.Runs;

namespace LabSandbox.Grains.Runs.Simulation;

/// <summary>
/// A compiled tournament and pool, immutable and shared by every kernel that samples them, with the field they
/// were compiled from (the pinned entries less the excluded one) for evaluations that seat entries of their own.
/// With a modeled field, <see cref="Fielded"/> draws the opponents and <see cref="Pool"/> is field 0's pool: its
/// entry keys and payout amounts are every field's, so it shapes and reads the merged totals.
/// </summary>
public sealed record SimulationModels(
    TournamentModel Tournament, PoolModel Pool, IReadOnlyList<PoolEntrant> Field, IReadOnlyList<RoundPoints> ScoringRules,
    IReadOnlyList<PositionPrize> Payouts, FieldSampler? Fielded = null);

/// <summary>
/// Per silo: compiled models by pinned inputs, so the chunks of a run compile the bracket and pool once
/// per silo rather than once per chunk. Dataset digests are checked against the pins on load.
/// </summary>
public sealed class SimulationModelCache
{
    private const int Capacity = 64;

    private readonly ConcurrentDictionary<SimulationInputs, Lazy<Task<SimulationModels>>> _models = new();

    public Task<SimulationModels> GetAsync(SimulationInputs inputs, IGrainFactory grains)
    {
        if (_models.Count >= Capacity)
        {
            _models.Clear();
        }

        var lazy = _models.GetOrAdd(inputs, key => new Lazy<Task<SimulationModels>>(() => LoadAsync(key, grains)));
        var task = lazy.Value;
        if (task.IsFaulted)
        {
            _models.TryRemove(new KeyValuePair<SimulationInputs, Lazy<Task<SimulationModels>>>(inputs, lazy));
        }

        return task;
    }

    private static async Task<SimulationModels> LoadAsync(SimulationInputs inputs, IGrainFactory grains)
    {
        var tournament = await grains.GetGrain<ITournamentGrain>(inputs.Tournament.Id).GetAsync();
        var pool = await PoolVersions.PinnedAsync(grains, inputs.Calcutta);
        if (tournament?.Digest != inputs.Tournament.Digest || pool is null)
        {
            throw new NonRetryableRunException(
                $"The pinned datasets changed or vanished ({inputs.Tournament.Id} {inputs.Tournament.Digest}, {inputs.Calcutta.Id} {inputs.Calcutta.Digest}).");
        }

        if (!StartingState.TryParse(inputs.StartingState, out var state, out var error))
        {
            throw new NonRetryableRunException(error!);
        }

        var bracketTournament = tournament.ToBracketTournament();
        var bracket = BracketCompiler.Compile(bracketTournament);
        var entries = pool.Entries.Where(e => e.EntryKey != inputs.ExcludedEntryKey).ToEntrants();
        var scoringRules = pool.ScoringRules.ToRoundPoints();
        var payouts = pool.Payouts.ToPositionPrizes();
        var model = TournamentModel.Create(bracket, new KenPomLogisticModel(inputs.Sigma), state);
        if (inputs.Field is not { } field)
        {
            return new SimulationModels(model, PoolModel.Create(bracket, entries, scoringRules, payouts), entries, scoringRules, payouts);
        }

        var sampler = await FieldSampler.LoadAsync(grains, field, bracketTournament, pool.Rules, pool.Entries, inputs.ExcludedEntryKey);
        var shape = sampler.Seat is { } seat
            ? new FieldedSimulation(model, sampler.SourceFor(0), seat, scoringRules, payouts).Shape
            : PoolModel.Create(bracket, entries, scoringRules, payouts); // a paired run: its variants take the seat
        return new SimulationModels(model, shape, entries, scoringRules, payouts, sampler);
    }
}
