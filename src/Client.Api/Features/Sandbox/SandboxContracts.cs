using LabSandbox.Grains.Interfaces.Sandbox;

namespace LabSandbox.Api.Features.Sandbox;

/// <summary>A row of the synthetic-calcutta list.</summary>
public sealed record SyntheticCalcuttaSummary(
    string SyntheticCalcuttaId, string Name, string TournamentId, string? SourceCalcuttaId, int Version, string Digest,
    int EntryCount, string? ExcludedEntryKey, string? FocusCandidateId);

public sealed record SyntheticCalcuttaListResponse(IReadOnlyList<SyntheticCalcuttaSummary> Items);

public sealed record CohortListResponse(IReadOnlyList<CohortSnapshot> Items);

/// <summary>The results of every simulation started for a cohort, in the order they were started.</summary>
public sealed record CohortResultsListResponse(string CohortId, IReadOnlyList<CohortResults> Simulations);
