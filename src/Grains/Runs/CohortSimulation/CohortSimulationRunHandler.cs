using System.Globalization;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Grains.Runs.Abstractions;

namespace LabSandbox.Grains.Runs.CohortSimulation;

/// <summary>
/// A cohort's simulations as a durable run: each member's runs (<see cref="CohortMemberStarter"/>), the simulation
/// recorded in the cohort once every member has its run (so its results fill in as they finish), then a wait until every
/// member run has succeeded. <c>RUN.PROGRESS</c> as each member's run starts and as it ends; the report
/// (<see cref="CohortSimulationReport"/>) is the run's canonical <c>metrics</c> artifact. A new attempt after a lost silo
/// finds the same spec-derived runs and the same recorded simulation.
/// </summary>
public sealed class CohortSimulationRunHandler(SpecDerivedRuns runs) : IRunHandler
{
    public string Kind => RunKinds.CohortSimulation;

    public async Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken)
    {
        var p = context.ReadParams<CohortSimulationParams>();
        var starter = new CohortMemberStarter(context.Grains, runs, p.Settings);
        var steps = 2.0 * p.Members.Count;
        var done = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        async Task ReportAsync(string phase, string message)
        {
            if (!await context.ReportProgressAsync(phase, 100 * Interlocked.Increment(ref done) / steps, message))
            {
                await stop.CancelAsync();
                throw new OperationCanceledException($"Run '{context.RunId}' is no longer this attempt's.");
            }
        }

        var started = await Task.WhenAll(p.Members.Select(async member =>
        {
            try
            {
                using var span = LabTracing.StartRunSpan(LabTracing.CohortMember, context.RunId, context.Spec.Kind);
                span?.SetTag(LabTracing.MemberKey, member.SyntheticCalcuttaId);
                var memberRun = await starter.StartAsync(member, stop.Token);
                await ReportAsync("start", $"{member.SyntheticCalcuttaId}: {memberRun.RunId}");
                return (Member: member.SyntheticCalcuttaId, Run: (CohortMemberRun?)memberRun, Error: (string?)null);
            }
            catch (RunStepException ex)
            {
                return (Member: member.SyntheticCalcuttaId, Run: null, Error: ex.Message);
            }
        }));
        if (started.Where(s => s.Error is not null).Select(s => $"members.{s.Member}: {s.Error}").ToList() is { Count: > 0 } problems)
        {
            throw new NonRetryableRunException(string.Join(" ", problems));
        }

        var memberRuns = started.Select(s => s.Run!).ToList();
        var simulation = await RecordAsync(context.Grains, p.CohortId, memberRuns);
        await Task.WhenAll(memberRuns.Select(async memberRun =>
        {
            try
            {
                await runs.WaitSucceededAsync(memberRun.RunId, stop.Token);
            }
            catch (RunStepException ex)
            {
                throw new NonRetryableRunException($"members.{memberRun.SyntheticCalcuttaId}: {ex.Message}");
            }

            await ReportAsync("simulate", $"{memberRun.SyntheticCalcuttaId}: succeeded");
        }));

        var report = new CohortSimulationReport(p.CohortId, simulation.SimulationId, simulation.Sequence, simulation.Runs);
        var summary = new Dictionary<string, string>
        {
            ["cohortId"] = p.CohortId,
            ["simulationId"] = simulation.SimulationId,
            ["members"] = simulation.Runs.Count.ToString(CultureInfo.InvariantCulture),
        };
        var members = simulation.Runs.Select(r => ArtifactWriter.ArtifactIdFor(r.RunId, ArtifactKinds.Metrics)).ToList();
        return new RunOutput([context.CanonicalReport(report, summary, members)]);
    }

    /// <summary>Records the simulation in the cohort (idempotent: the same runs are the same simulation) and returns it.</summary>
    private static async Task<Interfaces.Sandbox.CohortSimulation> RecordAsync(IGrainFactory grains, string cohortId, IReadOnlyList<CohortMemberRun> memberRuns)
    {
        var recorded = await grains.GetGrain<ICohortGrain>(cohortId).RecordSimulationAsync(memberRuns);
        return recorded.Snapshot?.Simulations.SingleOrDefault(s => s.Runs.SequenceEqual(memberRuns))
            ?? throw new NonRetryableRunException($"Cohort '{cohortId}' did not record the simulation ({recorded.Outcome}): "
                + string.Join(" ", recorded.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));
    }
}
