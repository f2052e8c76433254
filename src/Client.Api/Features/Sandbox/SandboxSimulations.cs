using System.Text.Json;
using System.Text.Json.Nodes;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Sandbox;

namespace LabSandbox.Api.Features.Sandbox;

/// <summary>What the Simulate form asks for.</summary>
/// <param name="Sigma">The win model's scale for a fresh advancement run (when no focus candidate names one).</param>
public sealed record SimulateSettings(long NSims, long Seed, string StartingState, double Sigma);

/// <summary>Where a simulation request stands: the advancement it waits on, then the simulation run (or why it stopped).</summary>
/// <param name="StartingState">The focus candidate's when its advancement is used (the two must agree), else the form's.</param>
public sealed record SimulateProgress(
    string StartingState, string? AdvancementRunId, string? AdvancementArtifactId, string? SimulationRunId, FormProblem? Problem);

/// <summary>
/// Starts a simulation of a synthetic calcutta's current version with the same contracts the API uses: the advancement
/// input is the focus candidate's (so the candidate is measured on the model it was optimised for) or else the
/// tournament's spec-derived advancement run (as a cohort member's is, started or found through
/// <see cref="IRunFactoryGrain.StartSpecDerivedAsync"/>); the simulation itself is a <c>POST /api/v1/runs</c> body.
/// </summary>
public sealed class SandboxSimulations(IClusterClient cluster)
{
    /// <summary>The advancement metrics artifact to simulate over, or the run that will write it.</summary>
    public async Task<SimulateProgress> PrepareAsync(SyntheticCalcuttaSnapshot synthetic, SimulateSettings settings)
    {
        if (synthetic.FocusCandidateId is { } focus && await cluster.GetGrain<ICandidateGrain>(focus).GetAsync() is { } candidate)
        {
            return new SimulateProgress(candidate.StartingState, null, candidate.AdvancementArtifactId, null, null);
        }

        var request = new JsonObject
        {
            ["tournamentId"] = synthetic.TournamentId,
            ["model"] = new JsonObject { ["kind"] = "kenpom-logistic", ["sigma"] = settings.Sigma },
            ["startingState"] = settings.StartingState,
            ["scoringRules"] = JsonSerializer.SerializeToNode(synthetic.ScoringRules, JsonSerializerOptions.Web),
        };
        var start = await cluster.GetGrain<IRunFactoryGrain>(0).StartSpecDerivedAsync(RunKinds.Advancement, request.ToJsonString());
        if (FormProblem.Of(start) is { } problem)
        {
            return new SimulateProgress(settings.StartingState, null, null, null, problem);
        }

        return start.Status == RunStatus.Succeeded
            ? new SimulateProgress(settings.StartingState, start.RunId, start.ReportArtifactId, null, null)
            : new SimulateProgress(settings.StartingState, start.RunId, null, null, null);
    }

    /// <summary>Checks the advancement run once: its metrics artifact when it succeeded, a problem when it ended otherwise.</summary>
    public async Task<SimulateProgress> PollAdvancementAsync(SimulateProgress progress)
    {
        var run = await cluster.GetGrain<IRunGrain>(progress.AdvancementRunId!).GetAsync();
        return run switch
        {
            { Status: RunStatus.Succeeded } => progress with
            {
                AdvancementArtifactId = run.Artifacts.FirstOrDefault(a => a.Kind == ArtifactKinds.Metrics)?.ArtifactId,
            },
            { Status: RunStatus.Failed or RunStatus.Cancelled } => progress with
            {
                Problem = new FormProblem($"The advancement run {run.RunId} {run.Status.ToString().ToLowerInvariant()}: {run.LastError}", new Dictionary<string, string[]>()),
            },
            null => progress with { Problem = new FormProblem($"Run '{progress.AdvancementRunId}' does not exist.", new Dictionary<string, string[]>()) },
            _ => progress,
        };
    }

    /// <summary>As <c>POST /api/v1/runs</c> with a <c>simulation</c> body over the synthetic calcutta's current version.</summary>
    public async Task<SimulateProgress> StartSimulationAsync(string syntheticCalcuttaId, SimulateProgress progress, SimulateSettings settings)
    {
        var request = new JsonObject
        {
            ["kind"] = RunKinds.Simulation,
            ["syntheticCalcuttaId"] = syntheticCalcuttaId,
            ["advancementArtifactId"] = progress.AdvancementArtifactId,
            ["nSims"] = settings.NSims,
            ["seed"] = settings.Seed,
            ["startingState"] = progress.StartingState,
        };
        var created = await cluster.GetGrain<IRunFactoryGrain>(0).CreateAsync(request.ToJsonString(), null);
        return FormProblem.Of(created) is { } problem ? progress with { Problem = problem } : progress with { SimulationRunId = created.RunId };
    }
}
