using System.Text.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Components.Shared;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Sandbox;

namespace LabSandbox.Api.Features.Simulations;

/// <summary>
/// Starts a simulation from the form exactly as <c>POST /api/v1/runs</c> does (<see cref="IRunFactoryGrain.CreateAsync"/>,
/// which validates and pins it). A simulation needs an advancement run's metrics artifact; when the form names none,
/// the exact model's advancement run of the pool's tournament is found or started by its spec-derived id (the same
/// request over the same data names the same run, so this reuses it) and awaited — it takes seconds.
/// </summary>
public sealed class SimulationStarter(IClusterClient cluster)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly TimeSpan AdvancementTimeout = TimeSpan.FromMinutes(3);

    public async Task<SimulationStartResult> StartAsync(SimulationStartModel form, Action<string> phase, CancellationToken cancellationToken)
    {
        var advancementId = string.IsNullOrWhiteSpace(form.AdvancementArtifactId) ? null : form.AdvancementArtifactId.Trim();
        if (advancementId is null)
        {
            var (resolved, errors) = await ResolveAdvancementAsync(form, phase, cancellationToken);
            if (resolved is null)
            {
                return new SimulationStartResult(null, errors);
            }

            advancementId = resolved;
        }

        phase("Creating the simulation run…");
        var created = await cluster.GetGrain<IRunFactoryGrain>(0).CreateAsync(Request(form, advancementId).ToJsonString(), null);
        return created.Outcome == RunCreationOutcome.Created
            ? new SimulationStartResult(created.RunId, new Dictionary<string, string[]>())
            : new SimulationStartResult(null, created.Errors);
    }

    /// <summary>The simulation request, as a client of the API would send it.</summary>
    public static JsonObject Request(SimulationStartModel form, string advancementArtifactId)
    {
        var request = new JsonObject
        {
            ["kind"] = RunKinds.Simulation,
            [form.IsSynthetic ? "syntheticCalcuttaId" : "calcuttaId"] = form.PoolId ?? "",
            ["advancementArtifactId"] = advancementArtifactId,
            ["nSims"] = form.NSims,
            ["seed"] = form.Seed,
            ["startingState"] = form.StartingState,
            ["chunkSize"] = form.ChunkSize,
        };
        AddOptional(request, "excludedEntryKey", form.ExcludedEntryKey);
        AddOptional(request, "focusCandidateId", form.IsSynthetic ? form.FocusCandidateId : null);

        // The real field is the default and stays out of the request, as before field models existed.
        if (FieldModels.IsModeled(form.FieldModel))
        {
            request["fieldModel"] = form.FieldModel;
            AddOptional(request, "fieldParametersArtifactId", form.FieldParametersArtifactId);
            AddOptional(request, "marketShareArtifactId", form.FieldModel == "market_sampled" ? form.MarketShareArtifactId : null);
        }

        return request;
    }

    private static void AddOptional(JsonObject request, string field, string? value)
    {
        if (value == SimulationStartModel.None)
        {
            request[field] = null;
        }
        else if (!string.IsNullOrWhiteSpace(value))
        {
            request[field] = value;
        }
    }

    /// <summary>The metrics artifact of the exact model's advancement run for the pool's tournament and scoring rules.</summary>
    private async Task<(string? ArtifactId, IReadOnlyDictionary<string, string[]> Errors)> ResolveAdvancementAsync(
        SimulationStartModel form, Action<string> phase, CancellationToken cancellationToken)
    {
        var poolField = form.IsSynthetic ? "syntheticCalcuttaId" : "calcuttaId";
        if (string.IsNullOrWhiteSpace(form.PoolId))
        {
            return (null, SimulationStartResult.Invalid(poolField, "Choose a pool to simulate.").Errors);
        }

        var pool = form.IsSynthetic
            ? await cluster.GetGrain<ISyntheticCalcuttaGrain>(form.PoolId).GetAsync() is { } s ? (s.TournamentId, s.ScoringRules) : default
            : await cluster.GetGrain<ICalcuttaGrain>(form.PoolId).GetAsync() is { } c ? (c.TournamentId, c.ScoringRules) : default;
        if (pool.TournamentId is null)
        {
            return (null, SimulationStartResult.Invalid(poolField,
                $"{(form.IsSynthetic ? "Synthetic calcutta" : "Calcutta")} '{form.PoolId}' does not exist.").Errors);
        }

        phase("Finding or computing the exact advancement model…");
        var request = new JsonObject
        {
            ["tournamentId"] = pool.TournamentId,
            ["model"] = new JsonObject { ["kind"] = "kenpom-logistic", ["sigma"] = form.Sigma },
            ["startingState"] = form.StartingState,
            ["scoringRules"] = JsonSerializer.SerializeToNode(pool.ScoringRules, Json),
        };
        var start = await cluster.GetGrain<IRunFactoryGrain>(0).StartSpecDerivedAsync(RunKinds.Advancement, request.ToJsonString());
        if (start is not { Outcome: RunStartOutcome.Started, RunId: { } runId, ReportArtifactId: { } artifactId })
        {
            return (null, start.Outcome == RunStartOutcome.Invalid
                ? start.Errors.ToDictionary(e => AdvancementField(e.Key), e => e.Value)
                : SimulationStartResult.Invalid("advancementArtifactId", start.Reason ?? "The advancement run could not be started.").Errors);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AdvancementTimeout);
        while (true)
        {
            var run = await cluster.GetGrain<IRunGrain>(runId).GetAsync();
            switch (run?.Status)
            {
                case RunStatus.Succeeded:
                    return (artifactId, new Dictionary<string, string[]>());
                case RunStatus.Failed or RunStatus.Cancelled:
                    return (null, SimulationStartResult.Invalid("advancementArtifactId",
                        $"Advancement run '{runId}' {run.Status.ToString().ToLowerInvariant()}: {run.LastError ?? "no error recorded"}.").Errors);
            }

            phase($"Waiting for advancement run {runId} ({run?.Status.ToString().ToLowerInvariant() ?? "starting"})…");
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (null, SimulationStartResult.Invalid("advancementArtifactId",
                    $"Advancement run '{runId}' has not finished yet; start the simulation again when it has, or name its artifact.").Errors);
            }
        }
    }

    /// <summary>The advancement request's problems shown on the form field they come from.</summary>
    private static string AdvancementField(string key) =>
        key.Contains("sigma", StringComparison.OrdinalIgnoreCase) || key.StartsWith("model", StringComparison.Ordinal) ? "sigma"
        : key == "startingState" ? "startingState"
        : "advancementArtifactId";
}
