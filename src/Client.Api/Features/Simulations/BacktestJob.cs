using System.Runtime.CompilerServices;
using LabSandbox.Silo.Backtest;

namespace LabSandbox.Api.Features.Simulations;

/// <summary>A track of the backtest (a market model, or the real pools' baselines) and how far it got.</summary>
public sealed record BacktestTrack(string Name, int Steps, int Done, string? Last);

/// <summary>A finished backtest: its options and one row per real year (the same rows <c>docs/backtest.md</c> is written from).</summary>
public sealed record BacktestResult(long NSims, long Seed, IReadOnlyList<BacktestYear> Years);

/// <summary>The backtest as the page sees it: the run in progress (if any) and the last result.</summary>
public sealed record BacktestState(
    bool Running, long NSims, long Seed, IReadOnlyList<BacktestTrack> Tracks, string? Error, BacktestResult? Last)
{
    public static BacktestState Idle { get; } = new(false, 0, 0, [], null, null);
}

/// <summary>
/// Runs the backtest in the background on the server, never in a request turn: it takes tens of seconds. The work
/// is the silo's own <see cref="BacktestRunner"/> — Lab generate, synthetic copies and cohort simulations, all
/// durable runs with ids derived from their inputs — so a second run with the same options finds what exists and
/// only reads it back, and a lab that restarted rebuilds the table in seconds. The last table is kept here; the
/// runs keep the numbers. One job per cluster client, i.e. per lab this API serves (no registration needed).
/// The runner needs the silo's planners, so it runs in the embedded lab; in client mode the page says so.
/// </summary>
public sealed class BacktestJob : IBacktestProgress
{
    private static readonly ConditionalWeakTable<IClusterClient, BacktestJob> Jobs = new();
    private readonly Lock gate = new();
    private BacktestState state = BacktestState.Idle;

    public static BacktestJob For(IClusterClient cluster) => Jobs.GetValue(cluster, _ => new BacktestJob());

    public BacktestState State
    {
        get
        {
            lock (gate)
            {
                return state;
            }
        }
    }

    /// <summary>Starts a backtest unless one is running; false when one is (the page then shows that one).</summary>
    /// <exception cref="InvalidOperationException">This API has no embedded silo to run it on.</exception>
    public bool TryStart(IServiceProvider services, long nSims, long seed, CancellationToken stopping)
    {
        BacktestRunner runner;
        try
        {
            runner = ActivatorUtilities.CreateInstance<BacktestRunner>(services);
        }
        catch (InvalidOperationException)
        {
            throw new InvalidOperationException(
                "this API is a client of separate silos; run the backtest on a silo host with `dotnet run --project src/Silo -- backtest`.");
        }

        lock (gate)
        {
            if (state.Running)
            {
                return false;
            }

            state = new BacktestState(true, nSims, seed, [], null, state.Last);
        }

        _ = Task.Run(() => RunAsync(runner, nSims, seed, stopping), CancellationToken.None);
        return true;
    }

    private async Task RunAsync(BacktestRunner runner, long nSims, long seed, CancellationToken stopping)
    {
        try
        {
            var years = await runner.RunAsync(new BacktestOptions(nSims, seed, BacktestOptions.DefaultOutputPath, BacktestOptions.DefaultReportJsonPath), this, stopping);
            Update(s => s with { Running = false, Error = null, Last = new BacktestResult(nSims, seed, years) });
        }
        catch (Exception ex)
        {
            // The runner's failures are stated in one sentence (a failed run, a rejected step); the page shows it.
            Update(s => s with { Running = false, Error = ex is OperationCanceledException ? "the lab is shutting down." : ex.Message });
        }
    }

    void IBacktestProgress.Plan(string track, int steps) =>
        Update(s => s with { Tracks = Upsert(s.Tracks, track, t => t with { Steps = steps }) });

    void IBacktestProgress.Advance(string track, string what) =>
        Update(s => s with { Tracks = Upsert(s.Tracks, track, t => t with { Done = Math.Min(t.Done + 1, Math.Max(t.Steps, t.Done + 1)), Last = what }) });

    private static IReadOnlyList<BacktestTrack> Upsert(IReadOnlyList<BacktestTrack> tracks, string name, Func<BacktestTrack, BacktestTrack> change)
    {
        var list = tracks.ToList();
        var index = list.FindIndex(t => t.Name == name);
        if (index < 0)
        {
            list.Add(change(new BacktestTrack(name, 0, 0, null)));
        }
        else
        {
            list[index] = change(list[index]);
        }

        return list;
    }

    private void Update(Func<BacktestState, BacktestState> change)
    {
        lock (gate)
        {
            state = change(state);
        }
    }
}
