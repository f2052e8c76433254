namespace LabSandbox.Api.Features.Sandbox;

/// <summary>A Lab candidate of the scenario's pool, as the candidate picker lists it.</summary>
/// <param name="ExcludedEntryKey">The pool entry the candidate replaces (its provenance), if any.</param>
public sealed record PoolCandidate(string CandidateId, string ConfigKey, string MarketModel, double Objective, int SpendPoints, int Teams, string? ExcludedEntryKey);

/// <summary>What the create-a-cohort form sends: all years (with a Lab config's candidates) or the chosen members, and the settings.</summary>
public sealed record CohortForm(string Name, string? CohortId, bool AllYears, string? ConfigKey, IReadOnlyList<string> Chosen, CohortSettingsRequest Settings);
