using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Grains.Interfaces.Sandbox;

/// <summary>
/// An entry of a synthetic calcutta. A copied or manual entry has no <see cref="CandidateId"/>; an attached
/// candidate keeps its identity: its entry key is the candidate id and <see cref="CandidateId"/> names it.
/// </summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.SyntheticEntry")]
public sealed record SyntheticEntry(
    [property: Id(0)] string EntryKey,
    [property: Id(1)] string? CandidateId,
    [property: Id(2)] IReadOnlyList<EntryBid> Bids);

/// <summary>
/// One version of a synthetic calcutta: an evaluation scenario over a real tournament. Every change makes a
/// new version with a new <see cref="Digest"/> (of everything but the digest and version number); runs pin
/// the digest, and each version is kept, so a later edit never changes what an earlier run sampled.
/// </summary>
/// <param name="SourceCalcuttaId">The real pool it was copied from, if any.</param>
/// <param name="Version">1 for the first version, +1 per change.</param>
/// <param name="CreatedBy">Who made this version (a key name, <c>local</c> or <c>system</c>); not part of the digest. Null for a version stored before actors were kept.</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.SyntheticCalcuttaSnapshot")]
public sealed record SyntheticCalcuttaSnapshot(
    [property: Id(0)] string SyntheticCalcuttaId,
    [property: Id(1)] string Name,
    [property: Id(2)] string TournamentId,
    [property: Id(3)] string? SourceCalcuttaId,
    [property: Id(4)] PoolRules Rules,
    [property: Id(5)] IReadOnlyList<ScoringRule> ScoringRules,
    [property: Id(6)] IReadOnlyList<Payout> Payouts,
    [property: Id(7)] IReadOnlyList<SyntheticEntry> Entries,
    [property: Id(8)] string? ExcludedEntryKey,
    [property: Id(9)] string? FocusCandidateId,
    [property: Id(10)] int Version,
    [property: Id(11)] string Digest,
    [property: Id(12)] string? CreatedBy = null);

/// <summary>One version in a synthetic calcutta's history: its number, the digest a run would pin, and who made it (null before actors were kept).</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.SyntheticCalcuttaVersionRef")]
public sealed record SyntheticCalcuttaVersionRef(
    [property: Id(0)] int Version,
    [property: Id(1)] string Digest,
    [property: Id(2)] string? CreatedBy = null);
