using LabSandbox.Grains.Common;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Grains.Runs.Simulation;
using Result = LabSandbox.Grains.Interfaces.Commands.CommandResult<LabSandbox.Grains.Interfaces.Sandbox.CohortSnapshot>;

namespace LabSandbox.Grains.Sandbox;

[GenerateSerializer]
public sealed class CohortState
{
    [Id(0)] public CohortSnapshot? Cohort { get; set; }
}

/// <summary>
/// A named group of synthetic calcuttas with shared simulation settings, and the record of every simulation
/// started for it (each run pinned to its member's digest at the time). The runs themselves are created by a
/// <c>cohort_simulation</c> run; this grain only records them, so its turns stay short.
/// </summary>
public sealed class CohortGrain(
    [PersistentState("cohort", LabStorage.Name)] IPersistentState<CohortState> state) : Grain, ICohortGrain
{
    public async Task<Result> CreateAsync(string name, IReadOnlyList<string> members, CohortSettings settings)
    {
        if (state.State.Cohort is { } existing)
        {
            return existing.Name == name && existing.Members.SequenceEqual(members) && existing.Settings == settings
                ? Result.Accepted(existing)
                : Result.Conflict($"Cohort '{existing.CohortId}' already exists with another definition.", existing);
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors["name"] = ["'name' is required."];
        }

        if (members.Count == 0 || members.Distinct().Count() != members.Count)
        {
            errors["members"] = ["'members' lists one or more synthetic calcuttas, each once."];
        }

        foreach (var member in members)
        {
            if (await GrainFactory.GetGrain<ISyntheticCalcuttaGrain>(member).GetAsync() is null)
            {
                errors["members"] = [.. errors.GetValueOrDefault("members", []), $"Synthetic calcutta '{member}' does not exist."];
            }
        }

        foreach (var (field, message) in SettingsProblems(settings))
        {
            errors[field] = [message];
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        state.State.Cohort = new CohortSnapshot(this.GetPrimaryKeyString(), name, members.ToList(), settings, []);
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ISandboxCatalogGrain>(ISandboxCatalogGrain.Key).AddCohortAsync(this.GetPrimaryKeyString());
        return Result.Accepted(state.State.Cohort);
    }

    public Task<CohortSnapshot?> GetAsync() => Task.FromResult(state.State.Cohort);

    public async Task<Result> RecordSimulationAsync(IReadOnlyList<CohortMemberRun> runs)
    {
        if (state.State.Cohort is not { } cohort)
        {
            return Result.NotFound("cohortId", $"Cohort '{this.GetPrimaryKeyString()}' does not exist.");
        }

        if (!runs.Select(r => r.SyntheticCalcuttaId).Order(StringComparer.Ordinal).SequenceEqual(cohort.Members.Order(StringComparer.Ordinal)))
        {
            return Result.Invalid("runs", "A cohort simulation has exactly one run per member.");
        }

        var simulationId = $"csim-{ContentDigest.Hex(CanonicalJson.Serialize(runs))[..16]}";
        if (cohort.Simulations.Any(s => s.SimulationId == simulationId))
        {
            return Result.Accepted(cohort);
        }

        state.State.Cohort = cohort with
        {
            Simulations = [.. cohort.Simulations, new CohortSimulation(simulationId, cohort.Simulations.Count + 1, runs.ToList())],
        };
        await state.WriteStateAsync();
        return Result.Accepted(state.State.Cohort);
    }

    public static IEnumerable<(string Field, string Message)> SettingsProblems(CohortSettings s)
    {
        if (s.NSims < 1 || s.NSims > SimulationParams.MaxSimulations)
        {
            yield return ("settings.nSims", $"'settings.nSims' must be from 1 to {SimulationParams.MaxSimulations:N0}.");
        }

        if (s.Seed < 0)
        {
            yield return ("settings.seed", "'settings.seed' must be a whole number ≥ 0.");
        }

        if (!StartingState.TryParse(s.StartingState, out _, out var error))
        {
            yield return ("settings.startingState", error);
        }

        if (s.ExcludedEntryPolicy is not (CohortSettings.MemberPolicy or CohortSettings.NoExclusionPolicy))
        {
            yield return ("settings.excludedEntryPolicy", $"'settings.excludedEntryPolicy' must be '{CohortSettings.MemberPolicy}' or '{CohortSettings.NoExclusionPolicy}'.");
        }

        if (!double.IsFinite(s.Sigma) || s.Sigma <= 0)
        {
            yield return ("settings.sigma", "'settings.sigma' must be a finite number greater than 0.");
        }
    }
}
