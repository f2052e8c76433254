using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Lab;

namespace LabSandbox.Grains.Lab;

[GenerateSerializer]
public sealed class CandidateState
{
    [Id(0)] public CandidateRecord? Candidate { get; set; }
}

/// <summary>
/// One candidate, written once. Its id is derived from its provenance, so a repeat write carries the same
/// provenance; it may come from another strategy run over the same artifacts, whose bids are the same.
/// </summary>
public sealed class CandidateGrain(
    [PersistentState("candidate", LabStorage.Name)] IPersistentState<CandidateState> state) : Grain, ICandidateGrain
{
    public async Task<CandidateWriteOutcome> CreateAsync(CandidateRecord candidate)
    {
        if (candidate.CandidateId != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Candidate '{candidate.CandidateId}' written to grain '{this.GetPrimaryKeyString()}'.", nameof(candidate));
        }

        if (state.State.Candidate is { } existing)
        {
            return SameEntry(existing, candidate) ? CandidateWriteOutcome.AlreadyExists : CandidateWriteOutcome.Conflict;
        }

        state.State.Candidate = candidate;
        await state.WriteStateAsync();
        return CandidateWriteOutcome.Created;
    }

    public Task<CandidateRecord?> GetAsync() => Task.FromResult(state.State.Candidate);

    /// <summary>
    /// Same provenance and the same bids; which run produced them does not change the candidate. An experiment's
    /// candidate is its bids in a pool: another experiment finding the same bids finds the same candidate.
    /// </summary>
    private static bool SameEntry(CandidateRecord a, CandidateRecord b) =>
        a.SourceKind == CandidateSourceKinds.Experiment && b.SourceKind == CandidateSourceKinds.Experiment
            ? a.CalcuttaId == b.CalcuttaId && a.ExcludedEntryKey == b.ExcludedEntryKey && a.Bids.SequenceEqual(b.Bids)
            : a with { SourceRunId = "", BidsArtifactId = "", Bids = [] } == b with { SourceRunId = "", BidsArtifactId = "", Bids = [] }
              && a.Bids.SequenceEqual(b.Bids);
}
