using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Api.Features.Sandbox;

/// <summary>An empty synthetic calcutta with explicit rules and payouts.</summary>
/// <param name="SyntheticCalcuttaId">1–64 letters, digits, '_', '-' or '.'; derived from the body when absent.</param>
/// <param name="ScoringRules">Points per win (<c>winIndex</c> 1–7); the house rules when absent.</param>
public sealed record CreateSyntheticCalcuttaRequest(
    string Name,
    string TournamentId,
    PoolRules Rules,
    IReadOnlyList<Payout> Payouts,
    string? SyntheticCalcuttaId = null,
    IReadOnlyList<ScoringRule>? ScoringRules = null);

/// <summary>A synthetic calcutta copied from a real pool (its rules, scoring, payouts and entries).</summary>
/// <param name="Name">Default: "Copy of {calcuttaId}".</param>
public sealed record CopyCalcuttaRequest(string CalcuttaId, string? SyntheticCalcuttaId = null, string? Name = null);

/// <summary>A manual entry; its key is derived from its bids when absent.</summary>
public sealed record AddEntryRequest(IReadOnlyList<EntryBid> Bids, string? EntryKey = null);

/// <summary>The entry's new bids.</summary>
public sealed record PutEntryRequest(IReadOnlyList<EntryBid> Bids);

/// <summary>A Lab candidate to attach by id (attaching it again changes nothing).</summary>
public sealed record AttachCandidateRequest(string CandidateId);

/// <summary>The attached candidate to focus on; <c>null</c> clears the focus.</summary>
public sealed record SetFocusCandidateRequest(string? CandidateId);

/// <summary>The entry to leave out of simulations; <c>null</c>: nobody.</summary>
public sealed record SetExcludedEntryRequest(string? EntryKey);

/// <summary>Simulation settings every member of a cohort shares.</summary>
/// <param name="StartingState"><c>pre_tournament</c>, <c>post_first_four</c> or <c>through_round:N</c>.</param>
/// <param name="ExcludedEntryPolicy"><c>member</c> (each member's own excluded entry, the default) or <c>none</c>.</param>
/// <param name="Sigma">The win model's logistic scale (default 10).</param>
public sealed record CohortSettingsRequest(long NSims, long Seed, string StartingState, string? ExcludedEntryPolicy = null, double? Sigma = null);

/// <summary>A named group of synthetic calcuttas with shared settings.</summary>
/// <param name="CohortId">1–64 letters, digits, '_', '-' or '.'; derived from the body when absent.</param>
public sealed record CreateCohortRequest(string Name, IReadOnlyList<string> Members, CohortSettingsRequest Settings, string? CohortId = null);
