using System.Text.Json.Nodes;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace LabSandbox.Api.Tests.Audit;

/// <summary>A test run kind that works until it is cancelled, so a test's cancel is always accepted.</summary>
public static class ParkedRunKind
{
    public const string Kind = "test_api_parked";

    public static string Request(string label) => new JsonObject { ["kind"] = Kind, ["label"] = label }.ToJsonString();

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<IRunPlanner, Planner>();
        services.AddSingleton<IRunHandler, Handler>();
    }

    private sealed class Planner : IRunPlanner
    {
        public string Kind => ParkedRunKind.Kind;

        public async Task<RunPlan> PlanAsync(JsonObject request, IGrainFactory grains)
        {
            var tournament = (await grains.GetGrain<ITournamentGrain>("ncaa-2025").GetAsync())!;
            var json = CanonicalJson.Canonicalize(new JsonObject { ["label"] = request["label"]?.GetValue<string>() });
            return RunPlan.Valid(new RunSpec(Kind, json, ContentDigest.Hex(json),
                [new DatasetRef(DatasetKinds.Tournament, tournament.TournamentId, tournament.Digest)], [], null, "test"));
        }
    }

    private sealed class Handler : IRunHandler
    {
        public string Kind => ParkedRunKind.Kind;

        public async Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new OperationCanceledException(cancellationToken);
        }
    }
}
