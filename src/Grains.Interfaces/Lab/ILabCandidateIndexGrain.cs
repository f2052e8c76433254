namespace LabSandbox.Grains.Interfaces.Lab;

/// <summary>
/// The Lab's mapping (pool, config) → candidate, one grain for the whole Lab (eight real pools times a
/// handful of configs). Only Lab generation writes it; candidates of ad-hoc runs stay out of it.
/// </summary>
[Alias("LabSandbox.ILabCandidateIndexGrain")]
public interface ILabCandidateIndexGrain : IGrainWithStringKey
{
    public const string Key = "lab";

    /// <summary>Records the pool's candidate for the config; true when something changed.</summary>
    [Alias("Put")]
    Task<bool> PutAsync(LabCandidateEntry entry);

    /// <summary>Every mapping, ordered by config key then pool id.</summary>
    [ReadOnly, Alias("List")]
    Task<IReadOnlyList<LabCandidateEntry>> ListAsync();
}
