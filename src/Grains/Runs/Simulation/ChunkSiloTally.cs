using System.Diagnostics;
using LabSandbox.Grains.Common;

namespace LabSandbox.Grains.Runs.Simulation;

/// <summary>
/// Every chunk of an attempt, summed per silo: chunk spans are sampled (see <see cref="LabTracing.TracesChunk"/>),
/// so the attempt's span gets one event per silo with all its chunks' count, simulations and round-trip times,
/// which shows a lagging silo however many chunks the run has.
/// </summary>
internal sealed class ChunkSiloTally
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Chunks, long Simulations, double Seconds, double MaxSeconds)> _bySilo = [];

    public void Add(string silo, long simulations, TimeSpan elapsed)
    {
        lock (_gate)
        {
            var (chunks, sims, seconds, max) = _bySilo.GetValueOrDefault(silo);
            _bySilo[silo] = (chunks + 1, sims + simulations, seconds + elapsed.TotalSeconds, Math.Max(max, elapsed.TotalSeconds));
        }
    }

    /// <summary>Adds one <c>chunks.silo</c> event per silo to <paramref name="attemptSpan"/>.</summary>
    public void WriteTo(Activity? attemptSpan)
    {
        if (attemptSpan is not { IsAllDataRequested: true })
        {
            return;
        }

        lock (_gate)
        {
            foreach (var (silo, (chunks, simulations, seconds, max)) in _bySilo.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                attemptSpan.AddEvent(new ActivityEvent("chunks.silo", tags: new ActivityTagsCollection
                {
                    [LabTracing.SiloKey] = silo,
                    ["labsandbox.chunks"] = chunks,
                    [LabTracing.ChunkSimulationsKey] = simulations,
                    ["labsandbox.chunks.seconds.mean"] = seconds / chunks,
                    ["labsandbox.chunks.seconds.max"] = max,
                }));
            }
        }
    }
}
