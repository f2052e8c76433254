using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Grains.Interfaces.Sandbox;

/// <summary>How a synthetic calcutta starts: a copy of a real pool, or empty with explicit rules and payouts.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.SyntheticCalcuttaDefinition")]
public sealed record SyntheticCalcuttaDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string? FromCalcuttaId,
    [property: Id(2)] string? TournamentId,
    [property: Id(3)] PoolRules? Rules,
    [property: Id(4)] IReadOnlyList<ScoringRule>? ScoringRules,
    [property: Id(5)] IReadOnlyList<Payout>? Payouts);

/// <summary>
/// One editable synthetic calcutta (docs/architecture.md, domain rules: nouns). Each successful change writes a new version (new digest) that
/// is also kept by <see cref="ISyntheticCalcuttaVersionGrain"/>; invalid changes store nothing.
/// </summary>
[Alias("LabSandbox.ISyntheticCalcuttaGrain")]
public interface ISyntheticCalcuttaGrain : IGrainWithStringKey
{
    /// <summary>Creates it; repeating the same definition is a no-op, a different one a conflict.</summary>
    [Alias("Create")]
    Task<CommandResult<SyntheticCalcuttaSnapshot>> CreateAsync(SyntheticCalcuttaDefinition definition);

    [ReadOnly, Alias("Get")]
    Task<SyntheticCalcuttaSnapshot?> GetAsync();

    /// <summary>
    /// Every version it went through, oldest first (empty when it does not exist); each digest reads back through
    /// <see cref="ISyntheticCalcuttaVersionGrain"/>. A version made before history was kept shows as the current one only.
    /// </summary>
    [ReadOnly, Alias("GetVersions")]
    Task<IReadOnlyList<SyntheticCalcuttaVersionRef>> GetVersionsAsync();

    /// <summary>Adds a manual entry, or replaces the manual entry with the same key (attached candidates are not edited here).</summary>
    [Alias("PutEntry")]
    Task<CommandResult<SyntheticCalcuttaSnapshot>> PutEntryAsync(string entryKey, IReadOnlyList<EntryBid> bids);

    [Alias("DeleteEntry")]
    Task<CommandResult<SyntheticCalcuttaSnapshot>> DeleteEntryAsync(string entryKey);

    /// <summary>Materializes a Lab candidate as an entry keyed by its id; attaching it again changes nothing.</summary>
    [Alias("AttachCandidate")]
    Task<CommandResult<SyntheticCalcuttaSnapshot>> AttachCandidateAsync(string candidateId);

    [Alias("DetachCandidate")]
    Task<CommandResult<SyntheticCalcuttaSnapshot>> DetachCandidateAsync(string candidateId);

    /// <summary>The entry a candidate replaces (by entry key; null clears it).</summary>
    [Alias("SetExcludedEntry")]
    Task<CommandResult<SyntheticCalcuttaSnapshot>> SetExcludedEntryAsync(string? entryKey);

    /// <summary>The attached candidate whose metrics a simulation calls out (by candidate id; null clears it).</summary>
    [Alias("SetFocusCandidate")]
    Task<CommandResult<SyntheticCalcuttaSnapshot>> SetFocusCandidateAsync(string? candidateId);
}

/// <summary>
/// A kept version of a synthetic calcutta, keyed <c>{syntheticCalcuttaId}@{digest}</c>; written once. Content that
/// comes back after an undo has the same digest, so this keeps the version number under which it first appeared.
/// </summary>
[Alias("LabSandbox.ISyntheticCalcuttaVersionGrain")]
public interface ISyntheticCalcuttaVersionGrain : IGrainWithStringKey
{
    [Alias("Save")]
    Task SaveAsync(SyntheticCalcuttaSnapshot snapshot);

    [ReadOnly, Alias("Get")]
    Task<SyntheticCalcuttaSnapshot?> GetAsync();

    public static string KeyOf(string syntheticCalcuttaId, string digest) => $"{syntheticCalcuttaId}@{digest}";
}
