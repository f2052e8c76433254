using LabSandbox.Grains.Interfaces.Commands;

namespace LabSandbox.Grains.Interfaces.Sandbox;

[Alias("LabSandbox.ICohortGrain")]
public interface ICohortGrain : IGrainWithStringKey
{
    /// <summary>Creates it; repeating the same name, members and settings is a no-op, anything else a conflict.</summary>
    [Alias("Create")]
    Task<CommandResult<CohortSnapshot>> CreateAsync(string name, IReadOnlyList<string> members, CohortSettings settings);

    [ReadOnly, Alias("Get")]
    Task<CohortSnapshot?> GetAsync();

    /// <summary>Records a started simulation (its runs already created); recording the same runs again is a no-op.</summary>
    [Alias("RecordSimulation")]
    Task<CommandResult<CohortSnapshot>> RecordSimulationAsync(IReadOnlyList<CohortMemberRun> runs);
}

/// <summary>The ids of every synthetic calcutta and cohort, for listing (one grain: the Sandbox is small).</summary>
[Alias("LabSandbox.ISandboxCatalogGrain")]
public interface ISandboxCatalogGrain : IGrainWithStringKey
{
    public const string Key = "sandbox";

    [Alias("AddSyntheticCalcutta")]
    Task AddSyntheticCalcuttaAsync(string syntheticCalcuttaId);

    [Alias("AddCohort")]
    Task AddCohortAsync(string cohortId);

    [ReadOnly, Alias("Get")]
    Task<SandboxCatalog> GetAsync();
}

[GenerateSerializer, Immutable, Alias("LabSandbox.SandboxCatalog")]
public sealed record SandboxCatalog(
    [property: Id(0)] IReadOnlyList<string> SyntheticCalcuttaIds,
    [property: Id(1)] IReadOnlyList<string> CohortIds);
