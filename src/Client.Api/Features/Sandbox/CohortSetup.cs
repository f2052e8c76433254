using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Interfaces.Sandbox;

namespace LabSandbox.Api.Features.Sandbox;

/// <summary>A Lab config with candidates, as the "all years" option offers it.</summary>
public sealed record ConfigChoice(string ConfigKey, string Description, int Pools);

/// <summary>
/// "All years' pools" for a new cohort: a synthetic copy of every real pool and, when a Lab config is chosen, that
/// config's candidate for the pool attached as the focus with the entry it replaces excluded — each step the same request
/// the API takes, each idempotent, so preparing the same members again changes nothing. Member ids derive from the pool
/// and the candidate, never from a name (INV-8).
/// </summary>
public sealed class CohortSetup(IClusterClient cluster)
{
    /// <summary>The Lab configs that have candidates, in the index's order.</summary>
    public async Task<IReadOnlyList<ConfigChoice>> LabConfigsAsync()
    {
        var index = await cluster.GetGrain<ILabCandidateIndexGrain>(ILabCandidateIndexGrain.Key).ListAsync();
        return index.GroupBy(e => e.ConfigKey)
            .Select(g => new ConfigChoice(g.Key, Describe(g.First().Config), g.Count()))
            .ToList();
    }

    public static string Describe(LabConfig c) =>
        $"{c.MarketModel} shares, {c.OptimizerKey}, {c.StartingState}, {c.AdvancementModel.Kind} σ={c.AdvancementModel.Sigma.ToString(System.Globalization.CultureInfo.InvariantCulture)}, excluded: {c.ExcludedEntry}";

    /// <summary>The member ids, one per real pool in year order, or the first refusal (as a form problem on <c>members</c>).</summary>
    public async Task<(IReadOnlyList<string> Members, FormProblem? Problem)> AllYearsAsync(string? configKey)
    {
        var pools = (await cluster.GetGrain<IDatasetCatalogGrain>(IDatasetCatalogGrain.Key).GetAsync()).CalcuttaIds.Order(StringComparer.Ordinal).ToList();
        var index = configKey is null ? [] : (await cluster.GetGrain<ILabCandidateIndexGrain>(ILabCandidateIndexGrain.Key).ListAsync())
            .Where(e => e.ConfigKey == configKey).ToList();
        var commands = new SandboxCommands(cluster);
        var members = new List<string>();
        foreach (var pool in pools)
        {
            var candidateId = index.FirstOrDefault(e => e.CalcuttaId == pool)?.CandidateId;
            var memberId = candidateId is null ? $"{pool}-copy" : $"{pool}-{candidateId}";
            var name = candidateId is null ? $"Copy of {pool}" : $"{pool} with {candidateId}";
            var problem = await StepAsync(pool, () => commands.CopyCalcuttaAsync(pool, memberId, name));
            if (problem is null && candidateId is not null)
            {
                var candidate = await cluster.GetGrain<ICandidateGrain>(candidateId).GetAsync();
                problem = await StepAsync(pool, () => commands.AttachCandidateAsync(memberId, candidateId))
                    ?? (candidate?.ExcludedEntryKey is { } excluded ? await StepAsync(pool, () => commands.SetExcludedAsync(memberId, excluded)) : null)
                    ?? await StepAsync(pool, () => commands.SetFocusAsync(memberId, candidateId));
            }

            if (problem is not null)
            {
                return (members, problem);
            }

            members.Add(memberId);
        }

        return (members, null);
    }

    private static async Task<FormProblem?> StepAsync(string pool, Func<Task<CommandResult<SyntheticCalcuttaSnapshot>>> step) =>
        FormProblem.Of(await step()) is { } problem
            ? new FormProblem(null, new Dictionary<string, string[]>
            {
                ["members"] = [$"{pool}: {problem.Message ?? string.Join(" ", problem.Fields.SelectMany(f => f.Value))}"],
            })
            : null;
}
