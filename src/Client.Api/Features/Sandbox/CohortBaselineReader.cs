using System.Text.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Features.Simulations;
using LabSandbox.Api.Infrastructure;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Sandbox;

/// <summary>
/// The backtest's baseline, for CohortDetail: each member's source pool simulated as it was (nobody excluded) with the
/// member run's own nSims, seed, starting state and advancement artifact, so the real excluded entry's expected payout is
/// comparable with the focus candidate's that replaced it. The runs are spec-derived, so pressing again finds the same
/// runs instead of starting new ones.
/// </summary>
public static class CohortBaselineReader
{
    /// <summary>The member run params the baseline copies: the ones that decide which tournaments are drawn.</summary>
    private static readonly string[] SharedParams = ["nSims", "seed", "startingState", "advancementArtifactId"];

    /// <summary>Starts (or finds) the baseline run of each succeeded member with a source pool; member id → run id.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> StartAsync(IClusterClient cluster, IReadOnlyList<CohortYearRow> rows)
    {
        var started = new Dictionary<string, string>();
        foreach (var (row, request) in await RequestsAsync(cluster, rows))
        {
            var start = await StartedRuns.StartAsync(cluster, RunKinds.Simulation, request.ToJsonString());
            started[row.SyntheticCalcuttaId] = start is { Outcome: RunStartOutcome.Started, RunId: { } runId }
                ? runId
                : throw new InvalidOperationException($"The baseline of {row.SourceCalcuttaId} was not started: {start.Reason ?? string.Join(" ", start.Errors.SelectMany(e => e.Value))}");
        }

        return started;
    }

    /// <summary>
    /// The baseline runs that already exist, without starting any (so opening the page has no side effect): a baseline pins
    /// the member run's advancement artifact, so it is among that artifact's recorded uses, the newest match winning as a
    /// spec-derived successor would.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> FindAsync(IClusterClient cluster, IReadOnlyList<CohortYearRow> rows)
    {
        var found = new Dictionary<string, string>();
        foreach (var (row, request) in await RequestsAsync(cluster, rows))
        {
            if (request["advancementArtifactId"]?.GetValue<string>() is not { } advancement)
            {
                continue;
            }

            var uses = await cluster.GetGrain<IArtifactUsageGrain>(advancement).GetAsync(0, 500);
            foreach (var use in uses.Uses.Where(u => u.RunKind == RunKinds.Simulation).Reverse())
            {
                if (await cluster.GetGrain<IRunGrain>(use.RunId).GetAsync() is { } run
                    && JsonNode.Parse(run.Spec.ParamsJson) is JsonObject p && request.All(kv => JsonNode.DeepEquals(p[kv.Key], kv.Value)))
                {
                    found[row.SyntheticCalcuttaId] = use.RunId;
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>Each succeeded member's baseline request: its source pool, with the member run's params that decide the draws.</summary>
    private static async Task<IReadOnlyList<(CohortYearRow Row, JsonObject Request)>> RequestsAsync(IClusterClient cluster, IReadOnlyList<CohortYearRow> rows)
    {
        var requests = new List<(CohortYearRow, JsonObject)>();
        foreach (var row in rows.Where(r => r.Status == "succeeded" && r.SourceCalcuttaId is not null))
        {
            if (await cluster.GetGrain<IRunGrain>(row.RunId).GetAsync() is not { } member)
            {
                continue;
            }

            var request = new JsonObject { ["calcuttaId"] = row.SourceCalcuttaId };
            var memberParams = JsonNode.Parse(member.Spec.ParamsJson)!.AsObject();
            foreach (var name in SharedParams)
            {
                if (memberParams[name] is { } value)
                {
                    request[name] = value.DeepClone();
                }
            }

            requests.Add((row, request));
        }

        return requests;
    }

    /// <summary>
    /// The rows with each baseline's status and, once it succeeded, the excluded entry's expected payout read from its
    /// metrics artifact by the simulation results page's own reader.
    /// </summary>
    public static async Task<IReadOnlyList<CohortYearRow>> ApplyAsync(
        IClusterClient cluster, IArtifactStore store, IReadOnlyList<CohortYearRow> rows, IReadOnlyDictionary<string, string> baselines)
    {
        var reader = new SimulationResultsReader(cluster, store);
        var result = new List<CohortYearRow>();
        foreach (var row in rows)
        {
            if (!baselines.TryGetValue(row.SyntheticCalcuttaId, out var runId) || await cluster.GetGrain<IRunGrain>(runId).GetAsync() is not { } run)
            {
                result.Add(row);
                continue;
            }

            var status = JsonNamingPolicy.SnakeCaseLower.ConvertName(run.Status.ToString());
            long? expected = null;
            if (run.Status == RunStatus.Succeeded && row.ExcludedEntryKey is { } key)
            {
                var view = await reader.ReadSimulationAsync(run);
                if (view.Leaderboard.FirstOrDefault(e => e.EntryKey == key) is { } entry)
                {
                    expected = MeanCents(entry.PayoutCentsTotal, view.NSims);
                }
            }

            result.Add(row with { RealRunId = runId, RealRunStatus = status, RealEntryKey = row.ExcludedEntryKey, RealExpectedPayoutCents = expected });
        }

        return result;
    }

    /// <summary>
    /// The backtest's rounding (the engine's <c>Cents.Mean</c>, an implementation type feature code may not use):
    /// the total over the simulations, to the nearest cent, halves to even.
    /// </summary>
    public static long MeanCents(long totalCents, long count) => (long)Math.Round((decimal)totalCents / count, MidpointRounding.ToEven);
}
