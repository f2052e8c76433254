using LabSandbox.Grains.Engine;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Grains.Runs.Pinning;
using LabSandbox.Grains.Runs.Simulation;

namespace LabSandbox.Grains.Sandbox;

/// <summary>Reads a cohort simulation's runs and aggregates the focus candidate's metrics; only reads.</summary>
public static class CohortResultsReader
{
    public static async Task<CohortResults?> ReadAsync(IGrainFactory grains, string cohortId, string simulationId)
    {
        var cohort = await grains.GetGrain<ICohortGrain>(cohortId).GetAsync();
        var simulation = cohort?.Simulations.FirstOrDefault(s => s.SimulationId == simulationId);
        if (simulation is null)
        {
            return null;
        }

        var members = new List<CohortMemberResult>();
        foreach (var memberRun in simulation.Runs)
        {
            var run = await grains.GetGrain<IRunGrain>(memberRun.RunId).GetAsync();
            var metricsId = run?.Artifacts.FirstOrDefault(a => a.Kind == ArtifactKinds.Metrics)?.ArtifactId;
            var focus = run is { Status: RunStatus.Succeeded } && metricsId is not null
                ? Focus(await PinnedArtifacts.ReadInlineAsync<SimulationMetricsDocument>(grains, metricsId))
                : null;
            members.Add(new CohortMemberResult(memberRun.SyntheticCalcuttaId, memberRun.Digest, memberRun.RunId,
                run?.Status.ToString().ToLowerInvariant() ?? "missing", metricsId, focus));
        }

        var complete = members.All(m => m.Status == "succeeded");
        return new CohortResults(cohortId, simulationId, simulation.Sequence, complete, members, Mean(members));
    }

    /// <summary>The focus candidate's metrics, selected by candidate id (its entry key), never by a name (INV-8).</summary>
    public static CohortFocusResult? Focus(SimulationMetricsDocument metrics)
    {
        if (metrics.FocusCandidateId is not { } candidateId)
        {
            return null;
        }

        var focus = metrics.Entries.Single(e => e.EntryKey == metrics.FocusEntryKey);
        var below = metrics.Entries.Count(e => e.EntryKey != focus.EntryKey && e.ExpectedPayoutCents < focus.ExpectedPayoutCents);
        var others = metrics.Entries.Count - 1;
        return new CohortFocusResult(candidateId, focus.PayoutCentsTotal, metrics.NSims, Cents.Mean(focus.PayoutCentsTotal, metrics.NSims),
            focus.MeanNormalizedPayout, focus.PFirst, focus.PInTheMoney, others == 0 ? 100 : 100.0 * below / others, metrics.Entries.Count);
    }

    private static CohortMeanResult? Mean(IReadOnlyList<CohortMemberResult> members)
    {
        var focus = members.Where(m => m.Focus is not null).Select(m => m.Focus!).ToList();
        if (focus.Count == 0)
        {
            return null;
        }

        // Each year weighs the same: the mean of the exact per-year means, rounded to the cent once.
        var meanCents = focus.Sum(f => (decimal)f.PayoutCentsTotal / f.Simulations) / focus.Count;
        return new CohortMeanResult(focus.Count, (long)Math.Round(meanCents, MidpointRounding.ToEven),
            focus.Average(f => f.MeanNormalizedPayout), focus.Average(f => f.PFirst), focus.Average(f => f.PInTheMoney),
            focus.Average(f => f.RankPercentile));
    }
}
