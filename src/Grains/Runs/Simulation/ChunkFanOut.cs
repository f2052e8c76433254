using System.Diagnostics;
using System.Globalization;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Engine.Bracket;
using LabSandbox.Grains.Engine.Simulation;
using LabSandbox.Grains.Interfaces.Simulations;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs.Simulation;

namespace LabSandbox.Grains.Runs.Simulation;

/// <summary>
/// One attempt's fan-out: dispatches the chunks not yet in the checkpoint to chunk grains (bounded by the
/// cluster's cores), merges their totals, and on a timer reports progress, saves a checkpoint when
/// something new completed, and stops dispatching once the run is no longer this attempt's (cancelled).
/// </summary>
internal sealed class ChunkFanOut(RunExecutionContext context, SimulationParams parameters, SimulationInputs inputs, SimulationModels compiled)
{
    private const int MaxTriesPerChunk = 5;
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan CheckpointEvery = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly ChunkSiloTally _tally = new();
    private Activity? _attemptSpan;
    private int _chunkCount;
    private int _checkpointSaves;
    private SimulationAccumulator _totals = null!;
    private HashSet<int> _done = [];
    private long _simulationsDone;
    private bool _unsaved;
    private bool _runEnded;

    public async Task<SimulationAccumulator> RunAsync(CancellationToken cancellationToken)
    {
        var chunkCount = _chunkCount = (int)((parameters.NSims + parameters.ChunkSize - 1) / parameters.ChunkSize);
        _attemptSpan = Activity.Current;
        _attemptSpan?.SetTag(LabTracing.ChunkCountKey, chunkCount);
        var checkpoints = context.Grains.GetGrain<ISimulationCheckpointGrain>(context.RunId);
        await ResumeAsync(checkpoints);
        var pending = Enumerable.Range(0, chunkCount).Where(c => !_done.Contains(c)).ToList();

        var hosts = await context.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var concurrency = Math.Max(1, hosts.Count) * Environment.ProcessorCount;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watch = Stopwatch.StartNew();
        var startedAt = _simulationsDone;
        var monitor = MonitorAsync(checkpoints, stop, watch, startedAt);
        try
        {
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = stop.Token }, async (chunk, token) =>
            {
                var result = await RunChunkAsync(chunk, token);
                var chunkTotals = SimulationAccumulator.FromCanonicalBytes(result.Totals);
                lock (_gate)
                {
                    // Integer sums: merging in completion order gives the same bits as chunk order.
                    _totals.Merge(chunkTotals);
                    _done.Add(chunk);
                    _simulationsDone += chunkTotals.Simulations;
                    _unsaved = true;
                }
            });
        }
        catch (OperationCanceledException) when (_runEnded)
        {
            throw new OperationCanceledException($"Run {context.RunId} ended (cancelled) while simulating; dispatching stopped.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // This attempt is stopping (its silo shuts down, or it lost its lease): the next one resumes from here.
            await TrySaveAsync(checkpoints);
            throw;
        }
        finally
        {
            await stop.CancelAsync();
            await monitor;
            _tally.WriteTo(_attemptSpan);
        }

        await SaveAsync(checkpoints);
        await ReportAsync(watch, startedAt);
        return _totals;
    }

    private async Task ResumeAsync(ISimulationCheckpointGrain checkpoints)
    {
        var saved = await checkpoints.GetAsync();
        if (saved is not null && saved.NSims == parameters.NSims && saved.ChunkSize == parameters.ChunkSize)
        {
            _totals = SimulationAccumulator.FromCanonicalBytes(saved.Totals);
            _done = [.. saved.CompletedChunks];
            _simulationsDone = _totals.Simulations;
            await context.ReportProgressAsync("resume", Percent(), $"resumed from a checkpoint of {_done.Count} chunk(s)");
        }
        else
        {
            _totals = new SimulationAccumulator(compiled.Pool.EntryCount, CompiledBracket.TeamCount, compiled.Pool.PayoutAmounts.Length);
        }
    }

    private async Task<SimulationChunkResult> RunChunkAsync(int chunk, CancellationToken token)
    {
        var start = (long)chunk * parameters.ChunkSize;
        var work = new SimulationChunk(
            context.RunId, chunk, start, Math.Min(parameters.ChunkSize, parameters.NSims - start), (ulong)parameters.Seed, inputs);
        // Only sampled chunks' calls are recorded (here and on the silo that runs them): the trace stays bounded.
        using var unsampled = LabTracing.TracesChunk(chunk, _chunkCount) ? null : LabTracing.StartUnsampledScope();
        for (var attempt = 1; ; attempt++)
        {
            token.ThrowIfCancellationRequested();
            try
            {
                // A fresh key per try: a chunk lost with its silo is placed again among the survivors.
                var sent = Stopwatch.GetTimestamp();
                var result = await context.Grains.GetGrain<ISimulationChunkGrain>($"{context.RunId}:{context.Attempt}:{chunk}:{attempt}").RunAsync(work);
                _tally.Add(result.Silo, work.Count, Stopwatch.GetElapsedTime(sent));
                return result;
            }
            catch (Exception ex) when (attempt < MaxTriesPerChunk && ex is not NonRetryableRunException && !token.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), token);
            }
        }
    }

    private async Task MonitorAsync(ISimulationCheckpointGrain checkpoints, CancellationTokenSource stop, Stopwatch watch, long startedAt)
    {
        var lastCheckpoint = TimeSpan.Zero;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ProgressEvery, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                if (!await ReportAsync(watch, startedAt))
                {
                    // The run is no longer this attempt's (cancelled): stop dispatching chunks.
                    _runEnded = true;
                    await stop.CancelAsync();
                    return;
                }

                if (watch.Elapsed - lastCheckpoint >= CheckpointEvery)
                {
                    lastCheckpoint = watch.Elapsed;
                    await SaveAsync(checkpoints);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A missed progress event or checkpoint must not cost the run: the next tick tries again.
            }
        }
    }

    /// <summary>One RUN.PROGRESS event; false when the run is no longer this attempt's.</summary>
    private Task<bool> ReportAsync(Stopwatch watch, long startedAt)
    {
        long done;
        lock (_gate)
        {
            done = _simulationsDone;
        }

        var rate = (done - startedAt) / Math.Max(watch.Elapsed.TotalSeconds, 1e-3);
        var message = string.Create(CultureInfo.InvariantCulture, $"{done:N0} of {parameters.NSims:N0} simulations, {rate:N0} simulations/s");
        return context.ReportProgressAsync("simulate", Percent(), message);
    }

    /// <summary>Saves the merged totals when something completed since the last save (a batch, not a write per chunk).</summary>
    private async Task SaveAsync(ISimulationCheckpointGrain checkpoints)
    {
        SimulationCheckpoint checkpoint;
        lock (_gate)
        {
            if (!_unsaved)
            {
                return;
            }

            checkpoint = new SimulationCheckpoint(parameters.NSims, parameters.ChunkSize, _done.Order().ToList(), _totals.ToCanonicalBytes());
            _unsaved = false;
        }

        try
        {
            // Checkpoints come every few seconds: a long run's first ones are traced, the rest only counted.
            using var span = Interlocked.Increment(ref _checkpointSaves) <= LabTracing.MaxTracedChunks
                ? LabTracing.StartRunSpan(LabTracing.RunCheckpoint, context.RunId)
                : LabTracing.StartUnsampledScope();
            span?.SetTag(LabTracing.CheckpointChunksKey, checkpoint.CompletedChunks.Count);
            await checkpoints.SaveAsync(checkpoint);
        }
        catch
        {
            lock (_gate)
            {
                _unsaved = true; // retried on a later tick
            }

            throw;
        }
    }

    private async Task TrySaveAsync(ISimulationCheckpointGrain checkpoints)
    {
        try
        {
            await SaveAsync(checkpoints);
        }
        catch (Exception)
        {
            // Best effort: the next attempt resumes from the previous checkpoint instead.
        }
    }

    private double Percent()
    {
        lock (_gate)
        {
            return 100.0 * _simulationsDone / parameters.NSims;
        }
    }
}
