using System.Text.Json.Nodes;
using LabSandbox.Grains.Artifacts;
using LabSandbox.Grains.Runs.Advancement;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Grains.Runs;

namespace LabSandbox.Grains.Sandbox;

/// <summary>
/// Starts a cohort's simulations: for each member, the advancement run of its tournament under the cohort's
/// settings (spec-derived, so shared and pinned by construction) and a simulation run pinned to the member's
/// current digest, with the member's focus candidate and — under the <c>member</c> policy — its excluded entry.
/// Unchanged members map to the same runs again; a member edited since gets a new run on its new digest.
/// </summary>
public sealed class CohortSimulator(IGrainFactory grains, SpecDerivedRuns runs)
{
    public async Task<SandboxCommandResult<CohortSimulation>> StartAsync(string cohortId, CancellationToken cancellationToken)
    {
        var cohort = await grains.GetGrain<ICohortGrain>(cohortId).GetAsync();
        if (cohort is null)
        {
            return SandboxCommandResult<CohortSimulation>.NotFound("cohortId", $"Cohort '{cohortId}' does not exist.");
        }

        var memberRuns = new List<CohortMemberRun>();
        var errors = new Dictionary<string, string[]>();
        foreach (var member in cohort.Members)
        {
            try
            {
                memberRuns.Add(await StartMemberAsync(member, cohort.Settings, cancellationToken));
            }
            catch (RunStepException ex)
            {
                errors[$"members.{member}"] = [ex.Message];
            }
        }

        if (errors.Count > 0)
        {
            return SandboxCommandResult<CohortSimulation>.Invalid(errors);
        }

        var recorded = await grains.GetGrain<ICohortGrain>(cohortId).RecordSimulationAsync(memberRuns);
        var simulation = recorded.Snapshot?.Simulations.Single(s => s.Runs.SequenceEqual(memberRuns));
        return simulation is null
            ? new SandboxCommandResult<CohortSimulation>(recorded.Outcome, null, recorded.Errors)
            : SandboxCommandResult<CohortSimulation>.Ok(simulation);
    }

    private async Task<CohortMemberRun> StartMemberAsync(string member, CohortSettings settings, CancellationToken cancellationToken)
    {
        var synthetic = await grains.GetGrain<ISyntheticCalcuttaGrain>(member).GetAsync()
            ?? throw new RunStepException($"Synthetic calcutta '{member}' does not exist.");
        var (advancementRunId, _) = await runs.EnsureAsync(RunKinds.Advancement, AdvancementRunPlanner.Request(
            synthetic.TournamentId, new AdvancementModelParams(AdvancementModelParams.KenPomLogistic, settings.Sigma), settings.StartingState, synthetic.ScoringRules));
        await runs.WaitSucceededAsync(advancementRunId, cancellationToken);

        var request = new JsonObject
        {
            ["syntheticCalcuttaId"] = member,
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
        return new CohortMemberRun(member, pinned.Digest, runId);
    }
}
