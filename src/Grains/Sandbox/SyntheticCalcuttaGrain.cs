using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Grains.Interfaces.Security;
using Result = LabSandbox.Grains.Interfaces.Commands.CommandResult<LabSandbox.Grains.Interfaces.Sandbox.SyntheticCalcuttaSnapshot>;

namespace LabSandbox.Grains.Sandbox;

/// <summary>
/// An editable evaluation scenario. Each accepted change becomes a new version: the version is kept (by
/// digest) before the grain's own state moves on, so a digest a run pinned always resolves. A command that
/// changes nothing (a repeat) writes nothing; an invalid one stores nothing.
/// </summary>
public sealed class SyntheticCalcuttaGrain(
    [PersistentState("syntheticCalcutta", LabStorage.Name)] IPersistentState<SyntheticCalcuttaState> state) : Grain, ISyntheticCalcuttaGrain
{
    private SyntheticCalcuttaSnapshot? Current => state.State.Current;

    public async Task<Result> CreateAsync(SyntheticCalcuttaDefinition definition)
    {
        if (state.State.Definition is { } existing)
        {
            return SameDefinition(existing, definition)
                ? Result.Accepted(Current!)
                : Result.Conflict($"Synthetic calcutta '{this.GetPrimaryKeyString()}' already exists with another definition.", Current);
        }

        var (initial, errors) = await InitialAsync(definition);
        if (initial is null)
        {
            return Result.Invalid(errors);
        }

        await SaveAsync(initial, definition);
        await GrainFactory.GetGrain<ISandboxCatalogGrain>(ISandboxCatalogGrain.Key).AddSyntheticCalcuttaAsync(initial.SyntheticCalcuttaId);
        return Result.Accepted(Current!);
    }

    public Task<SyntheticCalcuttaSnapshot?> GetAsync() => Task.FromResult(Current);

    // A calcutta saved before versions were listed knows only its current one.
    public Task<IReadOnlyList<SyntheticCalcuttaVersionRef>> GetVersionsAsync() => Task.FromResult<IReadOnlyList<SyntheticCalcuttaVersionRef>>(
        Current is not { } current ? [] : state.State.Versions.Count > 0 ? state.State.Versions.ToList() : [new(current.Version, current.Digest, current.CreatedBy)]);

    public async Task<Result> PutEntryAsync(string entryKey, IReadOnlyList<EntryBid> bids)
    {
        if (Current is not { } current)
        {
            return Missing();
        }

        if (!EntryValidator.IsValidKey(entryKey))
        {
            return Result.Invalid("entryKey", "An entry key is 1–64 letters, digits, '_', '-' or '.', starting with a letter or digit.");
        }

        if (current.Entries.FirstOrDefault(e => e.EntryKey == entryKey) is { CandidateId: not null })
        {
            return Result.Invalid("entryKey", $"'{entryKey}' is an attached candidate; detach it instead of editing it.");
        }

        var problems = EntryValidator.Problems(bids, current.Rules, await TeamIdsAsync(current.TournamentId));
        if (problems.Count > 0)
        {
            return Result.Invalid(new Dictionary<string, string[]> { ["bids"] = problems.ToArray() });
        }

        var entry = new SyntheticEntry(entryKey, null, bids.OrderBy(b => b.TeamId, StringComparer.Ordinal).ToList());
        var entries = current.Entries.Where(e => e.EntryKey != entryKey).Append(entry).ToList();
        return await ChangeAsync(current with { Entries = entries });
    }

    public async Task<Result> DeleteEntryAsync(string entryKey)
    {
        if (Current is not { } current)
        {
            return Missing();
        }

        var entry = current.Entries.FirstOrDefault(e => e.EntryKey == entryKey);
        if (entry is null)
        {
            return Result.NotFound("entryKey", $"Synthetic calcutta '{current.SyntheticCalcuttaId}' has no entry '{entryKey}'.");
        }

        if (entry.CandidateId is not null)
        {
            return Result.Invalid("entryKey", $"'{entryKey}' is an attached candidate; detach it instead.");
        }

        return await ChangeAsync(current with
        {
            Entries = current.Entries.Where(e => e.EntryKey != entryKey).ToList(),
            ExcludedEntryKey = current.ExcludedEntryKey == entryKey ? null : current.ExcludedEntryKey,
        });
    }

    public async Task<Result> AttachCandidateAsync(string candidateId)
    {
        if (Current is not { } current)
        {
            return Missing();
        }

        if (current.Entries.Any(e => e.CandidateId == candidateId))
        {
            return Result.Accepted(current);
        }

        var candidate = await GrainFactory.GetGrain<ICandidateGrain>(candidateId).GetAsync();
        if (candidate is null)
        {
            return Result.NotFound("candidateId", $"Candidate '{candidateId}' does not exist.");
        }

        if (candidate.TournamentId != current.TournamentId)
        {
            return Result.Invalid("candidateId", $"Candidate '{candidateId}' is for {candidate.TournamentId}, not {current.TournamentId}.");
        }

        if (current.Entries.Any(e => e.EntryKey == candidateId))
        {
            return Result.Invalid("candidateId", $"An entry named '{candidateId}' already exists.");
        }

        var bids = candidate.Bids.Select(b => new EntryBid(b.TeamId, b.BidPoints)).OrderBy(b => b.TeamId, StringComparer.Ordinal).ToList();
        var problems = EntryValidator.Problems(bids, current.Rules, await TeamIdsAsync(current.TournamentId));
        if (problems.Count > 0)
        {
            return Result.Invalid(new Dictionary<string, string[]> { ["candidateId"] = problems.ToArray() });
        }

        return await ChangeAsync(current with { Entries = current.Entries.Append(new SyntheticEntry(candidateId, candidateId, bids)).ToList() });
    }

    public async Task<Result> DetachCandidateAsync(string candidateId)
    {
        if (Current is not { } current)
        {
            return Missing();
        }

        if (!current.Entries.Any(e => e.CandidateId == candidateId))
        {
            return Result.NotFound("candidateId", $"Candidate '{candidateId}' is not attached to '{current.SyntheticCalcuttaId}'.");
        }

        return await ChangeAsync(current with
        {
            Entries = current.Entries.Where(e => e.CandidateId != candidateId).ToList(),
            FocusCandidateId = current.FocusCandidateId == candidateId ? null : current.FocusCandidateId,
            ExcludedEntryKey = current.ExcludedEntryKey == candidateId ? null : current.ExcludedEntryKey,
        });
    }

    public async Task<Result> SetExcludedEntryAsync(string? entryKey)
    {
        if (Current is not { } current)
        {
            return Missing();
        }

        if (entryKey is not null && current.Entries.All(e => e.EntryKey != entryKey))
        {
            return Result.Invalid("entryKey", $"Synthetic calcutta '{current.SyntheticCalcuttaId}' has no entry '{entryKey}'.");
        }

        if (entryKey is not null && entryKey == current.FocusCandidateId)
        {
            return Result.Invalid("entryKey", "The focus candidate cannot also be the excluded entry.");
        }

        return await ChangeAsync(current with { ExcludedEntryKey = entryKey });
    }

    public async Task<Result> SetFocusCandidateAsync(string? candidateId)
    {
        if (Current is not { } current)
        {
            return Missing();
        }

        if (candidateId is not null && !current.Entries.Any(e => e.CandidateId == candidateId))
        {
            return Result.Invalid("candidateId", $"Candidate '{candidateId}' is not attached to '{current.SyntheticCalcuttaId}'; attach it first.");
        }

        if (candidateId is not null && candidateId == current.ExcludedEntryKey)
        {
            return Result.Invalid("candidateId", "The excluded entry cannot also be the focus candidate.");
        }

        return await ChangeAsync(current with { FocusCandidateId = candidateId });
    }

    /// <summary>Saves the changed content as the next version, unless it is the current content already.</summary>
    private async Task<Result> ChangeAsync(SyntheticCalcuttaSnapshot changed)
    {
        var next = SyntheticCalcuttaDigest.With(changed with { Entries = changed.Entries.OrderBy(e => e.EntryKey, StringComparer.Ordinal).ToList() });
        if (next.Digest == Current!.Digest)
        {
            return Result.Accepted(Current);
        }

        await SaveAsync(next with { Version = Current.Version + 1 });
        return Result.Accepted(Current);
    }

    private async Task SaveAsync(SyntheticCalcuttaSnapshot snapshot, SyntheticCalcuttaDefinition? definition = null)
    {
        snapshot = snapshot with { CreatedBy = LabActor.Current }; // who made this version; the digest leaves it out
        // The version first: the current state never names a digest that cannot be read back.
        await GrainFactory.GetGrain<ISyntheticCalcuttaVersionGrain>(ISyntheticCalcuttaVersionGrain.KeyOf(snapshot.SyntheticCalcuttaId, snapshot.Digest))
            .SaveAsync(snapshot);
        var (previousCurrent, previousDefinition) = (state.State.Current, state.State.Definition);
        state.State.Current = snapshot;
        state.State.Definition = definition ?? previousDefinition;
        state.State.Versions.Add(new SyntheticCalcuttaVersionRef(snapshot.Version, snapshot.Digest, snapshot.CreatedBy));
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not saved, so not so: memory goes back to what storage holds.
            (state.State.Current, state.State.Definition) = (previousCurrent, previousDefinition);
            state.State.Versions.RemoveAt(state.State.Versions.Count - 1);
            throw;
        }
    }

    private async Task<(SyntheticCalcuttaSnapshot? Snapshot, IReadOnlyDictionary<string, string[]> Errors)> InitialAsync(SyntheticCalcuttaDefinition d)
    {
        var id = this.GetPrimaryKeyString();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(d.Name))
        {
            errors["name"] = ["'name' is required."];
        }

        if (d.FromCalcuttaId is { } calcuttaId)
        {
            if (d.TournamentId is not null || d.Rules is not null || d.ScoringRules is not null || d.Payouts is not null)
            {
                errors["calcuttaId"] = ["A copy of a real pool takes its tournament, rules, scoring and payouts from the pool: give only 'calcuttaId'."];
            }

            var pool = await GrainFactory.GetGrain<ICalcuttaGrain>(calcuttaId).GetAsync();
            if (pool is null)
            {
                errors["calcuttaId"] = [$"Calcutta '{calcuttaId}' does not exist."];
            }

            return errors.Count > 0 || pool is null
                ? (null, errors)
                : (SyntheticCalcuttaDigest.With(new SyntheticCalcuttaSnapshot(id, d.Name, pool.TournamentId, pool.CalcuttaId, pool.Rules, pool.ScoringRules, pool.Payouts,
                    pool.Entries.Select(e => new SyntheticEntry(e.EntryKey, null, e.Bids)).OrderBy(e => e.EntryKey, StringComparer.Ordinal).ToList(),
                    ExcludedEntryKey: null, FocusCandidateId: null, Version: 1, Digest: "")), errors);
        }

        if (d.TournamentId is null || await GrainFactory.GetGrain<ITournamentGrain>(d.TournamentId).GetAsync() is null)
        {
            errors["tournamentId"] = [d.TournamentId is null ? "'tournamentId' is required." : $"Tournament '{d.TournamentId}' does not exist."];
        }

        AddProblems(errors, "rules", EntryValidator.RuleProblems(d.Rules));
        AddProblems(errors, "payouts", EntryValidator.PayoutProblems(d.Payouts));
        var scoring = d.ScoringRules ?? ScoringRule.HouseRules;
        if (!scoring.Select(r => r.WinIndex).Order().SequenceEqual(Enumerable.Range(1, 7)) || scoring.Any(r => r.PointsAwarded < 0))
        {
            errors["scoringRules"] = ["'scoringRules' must list win indexes 1..7 once each with points ≥ 0."];
        }

        return errors.Count > 0
            ? (null, errors)
            : (SyntheticCalcuttaDigest.With(new SyntheticCalcuttaSnapshot(id, d.Name, d.TournamentId!, null, d.Rules!, scoring.OrderBy(r => r.WinIndex).ToList(),
                d.Payouts!.OrderBy(p => p.Position).ToList(), [], null, null, Version: 1, Digest: "")), errors);
    }

    private async Task<IReadOnlySet<string>> TeamIdsAsync(string tournamentId) =>
        (await GrainFactory.GetGrain<ITournamentGrain>(tournamentId).GetAsync())?.Teams.Select(t => t.TeamId).ToHashSet() ?? [];

    private Result Missing() => Result.NotFound("syntheticCalcuttaId", $"Synthetic calcutta '{this.GetPrimaryKeyString()}' does not exist.");

    private static void AddProblems(Dictionary<string, string[]> errors, string field, IReadOnlyList<string> problems)
    {
        if (problems.Count > 0)
        {
            errors[field] = problems.ToArray();
        }
    }

    private static bool SameDefinition(SyntheticCalcuttaDefinition a, SyntheticCalcuttaDefinition b) =>
        a.Name == b.Name && a.FromCalcuttaId == b.FromCalcuttaId && a.TournamentId == b.TournamentId && a.Rules == b.Rules
        && (a.ScoringRules ?? []).SequenceEqual(b.ScoringRules ?? []) && (a.Payouts ?? []).SequenceEqual(b.Payouts ?? []);
}
