namespace LabSandbox.Grains.Interfaces.Lab;

public enum CandidateWriteOutcome
{
    Created,

    /// <summary>The same candidate already existed (a repeat generation); nothing changed.</summary>
    AlreadyExists,

    /// <summary>A different candidate holds this id; nothing changed.</summary>
    Conflict,
}

/// <summary>One candidate, keyed by its provenance-derived id; written once.</summary>
[Alias("LabSandbox.ICandidateGrain")]
public interface ICandidateGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task<CandidateWriteOutcome> CreateAsync(CandidateRecord candidate);

    [ReadOnly, Alias("Get")]
    Task<CandidateRecord?> GetAsync();
}
