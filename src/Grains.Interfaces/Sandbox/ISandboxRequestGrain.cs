using LabSandbox.Grains.Interfaces.Commands;

namespace LabSandbox.Grains.Interfaces.Sandbox;

/// <summary>
/// Applies Sandbox requests as sent: reads each body field by field (one message per bad field, unknown fields
/// rejected), derives ids the body does not give from its content, and hands the typed command to the synthetic
/// calcutta or cohort grain. Stateless, so any silo reads any request; a rejected request changes nothing.
/// </summary>
[Alias("LabSandbox.ISandboxRequestGrain")]
public interface ISandboxRequestGrain : IGrainWithIntegerKey
{
    /// <summary>An empty synthetic calcutta with explicit rules, scoring rules and payouts.</summary>
    [Alias("CreateSyntheticCalcutta")]
    Task<CommandResult<SyntheticCalcuttaSnapshot>> CreateSyntheticCalcuttaAsync(string requestJson);

    /// <summary>A synthetic calcutta copied from a real pool.</summary>
    [Alias("CopyCalcutta")]
    Task<CommandResult<SyntheticCalcuttaSnapshot>> CopyCalcuttaAsync(string requestJson);

    /// <summary>Adds a manual entry; its key defaults to one derived from its bids; an existing key is a conflict.</summary>
    [Alias("AddEntry")]
    Task<CommandResult<SyntheticCalcuttaSnapshot>> AddEntryAsync(string syntheticCalcuttaId, string requestJson);

    [Alias("PutEntry")]
    Task<CommandResult<SyntheticCalcuttaSnapshot>> PutEntryAsync(string syntheticCalcuttaId, string entryKey, string requestJson);

    [Alias("AttachCandidate")]
    Task<CommandResult<SyntheticCalcuttaSnapshot>> AttachCandidateAsync(string syntheticCalcuttaId, string requestJson);

    /// <summary>Body <c>{"candidateId": "…"}</c>, or <c>{"candidateId": null}</c> to clear.</summary>
    [Alias("SetFocusCandidate")]
    Task<CommandResult<SyntheticCalcuttaSnapshot>> SetFocusCandidateAsync(string syntheticCalcuttaId, string requestJson);

    /// <summary>Body <c>{"entryKey": "…"}</c>, or <c>{"entryKey": null}</c> to clear.</summary>
    [Alias("SetExcludedEntry")]
    Task<CommandResult<SyntheticCalcuttaSnapshot>> SetExcludedEntryAsync(string syntheticCalcuttaId, string requestJson);

    [Alias("CreateCohort")]
    Task<CommandResult<CohortSnapshot>> CreateCohortAsync(string requestJson);
}
