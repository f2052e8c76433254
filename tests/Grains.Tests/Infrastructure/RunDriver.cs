using System.Text.Json;
using System.Text.Json.Nodes;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Advancement;
using LabSandbox.TestSupport;

namespace LabSandbox.Grains.Tests.Infrastructure;

/// <summary>Plans, submits and waits for runs through the grains, as the API would.</summary>
public sealed class RunDriver(IGrainFactory grains)
{
    public const string Tournament = "ncaa-2025";

    public static JsonObject AdvancementRequest(string startingState = "pre_tournament", double sigma = 10) => new()
    {
        ["kind"] = RunKinds.Advancement,
        ["tournamentId"] = Tournament,
        ["model"] = new JsonObject { ["kind"] = "kenpom-logistic", ["sigma"] = sigma },
        ["startingState"] = startingState,
    };

    public async Task<RunSpec> PlanAdvancementAsync(JsonObject request)
    {
        var plan = await new AdvancementRunPlanner().PlanAsync(request, grains);
        Assert.True(plan.Spec is not null, "plan rejected: " + JsonSerializer.Serialize(plan.Errors));
        return plan.Spec!;
    }

    /// <summary>A spec for a test run kind, pinned to the real 2025 tournament so its artifacts have lineage.</summary>
    public async Task<RunSpec> TestSpecAsync(string kind, JsonObject parameters)
    {
        var tournament = await grains.GetGrain<ITournamentGrain>(Tournament).GetAsync();
        Assert.NotNull(tournament);
        var json = CanonicalJson.Canonicalize(parameters);
        return new RunSpec(kind, json, ContentDigest.Hex(json),
            [new DatasetRef(DatasetKinds.Tournament, tournament.TournamentId, tournament.Digest)],
            InputArtifactIds: [], Seed: null, EngineVersion: "test");
    }

    public async Task<RunSnapshot> CreateAsync(string runId, RunSpec spec)
    {
        var created = await grains.GetGrain<IRunGrain>(runId).CreateAsync(spec);
        Assert.Equal(CommandOutcome.Accepted, created.Outcome);
        Assert.NotNull(created.Snapshot);
        return created.Snapshot;
    }

    public Task<RunSnapshot> WaitForStatusAsync(string runId, RunStatus status) =>
        WaitAsync(runId, r => r.Status == status, $"run {runId} to be {status}");

    /// <summary>Waits until a <see cref="TestRunKinds.Slow"/> run is running and its handler is parked on its gate.</summary>
    public async Task<RunSnapshot> WaitParkedAsync(string runId)
    {
        await Eventually.WaitAsync(() => EventsAsync(runId), events => events.Any(e => e.Name == RunEventNames.Progress && e.Phase == "wait"),
            $"run {runId} to park on its gate");
        return await WaitForStatusAsync(runId, RunStatus.Running);
    }

    public async Task<RunSnapshot> WaitTerminalAsync(string runId) =>
        await WaitAsync(runId, r => r.Status.IsTerminal(), $"run {runId} to finish");

    public async Task<IReadOnlyList<RunEvent>> EventsAsync(string runId)
    {
        var page = await grains.GetGrain<IRunGrain>(runId).GetEventsAsync(0, 1000);
        Assert.NotNull(page);
        return page.Events;
    }

    private async Task<RunSnapshot> WaitAsync(string runId, Func<RunSnapshot, bool> done, string what)
    {
        var run = await Eventually.WaitAsync(
            () => grains.GetGrain<IRunGrain>(runId).GetAsync(), r => r is not null && done(r), what);
        return run!;
    }
}
