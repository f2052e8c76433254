using System.Text.Json.Nodes;
using LabSandbox.Grains.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Grains.Runs.Advancement;

namespace LabSandbox.Grains.Runs.CohortSimulation;

/// <summary>
/// One member's runs: the advancement run of its tournament under the cohort's settings (spec-derived, so shared and
/// pinned by construction) and a simulation run pinned to the member's digest, with the member's focus candidate and —
/// under the <c>member</c> policy — its excluded entry. Unchanged members map to the same runs again.
/// </summary>
public sealed class CohortMemberStarter(IGrainFactory grains, SpecDerivedRuns runs, CohortSettings settings)
{
    /// <exception cref="RunStepException">The member cannot be simulated as pinned (it vanished or changed, or a run was refused or failed).</exception>
    public async Task<CohortMemberRun> StartAsync(CohortPinnedMember member, CancellationToken cancellationToken)
    {
        var synthetic = await grains.GetGrain<ISyntheticCalcuttaGrain>(member.SyntheticCalcuttaId).GetAsync()
            ?? throw new RunStepException($"Synthetic calcutta '{member.SyntheticCalcuttaId}' does not exist.");
        var (advancementRunId, _) = await runs.EnsureAsync(RunKinds.Advancement, AdvancementRunPlanner.Request(
            synthetic.TournamentId, new AdvancementModelParams(AdvancementModelParams.KenPomLogistic, settings.Sigma), settings.StartingState, synthetic.ScoringRules));
        await runs.WaitSucceededAsync(advancementRunId, cancellationToken);

        var request = new JsonObject
        {
            ["syntheticCalcuttaId"] = member.SyntheticCalcuttaId,
            ["advancementArtifactId"] = ArtifactWriter.ArtifactIdFor(advancementRunId, ArtifactKinds.Metrics),
            ["nSims"] = settings.NSims,
            ["seed"] = settings.Seed,
            ["startingState"] = settings.StartingState,
        };
        if (settings.ExcludedEntryPolicy == CohortSettings.NoExclusionPolicy)
        {
            request["excludedEntryKey"] = null; // explicit: nobody excluded, whatever the member says
        }

        var (runId, _) = await runs.EnsureAsync(RunKinds.Simulation, request);
        var run = await grains.GetGrain<IRunGrain>(runId).GetAsync() ?? throw new RunStepException($"Run '{runId}' vanished.");
        var pinned = run.Spec.DatasetRefs.Single(d => d.Kind == DatasetKinds.SyntheticCalcutta);

        // The simulation planner pins the member's current version; an edit since the request would simulate another one.
        return pinned.Digest == member.Digest
            ? new CohortMemberRun(member.SyntheticCalcuttaId, pinned.Digest, runId)
            : throw new RunStepException(
                $"Synthetic calcutta '{member.SyntheticCalcuttaId}' changed since the cohort simulation was requested ({member.Digest} → {pinned.Digest}); start it again.");
    }
}
