using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Web.Tests.Runs;

/// <summary>Fixed runs and events for the Runs components.</summary>
internal static class RunFixtures
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    public static RunSpec SimulationSpec() => new(
        RunKinds.Simulation,
        """{"advancementArtifactId":"art-adv","calcuttaId":"calcutta-2025","nSims":1000000,"seed":42}""",
        "ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12",
        [new DatasetRef(DatasetKinds.Tournament, "ncaa-2025", "sha256:t25"), new DatasetRef(DatasetKinds.Calcutta, "calcutta-2025", "sha256:c25")],
        ["art-adv"], 42, "engine-7");

    public static RunSnapshot Run(RunStatus status, bool deadLettered = false, int attempt = 1) => new(
        "run-ab12cd34ef56ab12-1", SimulationSpec(), status, deadLettered, attempt,
        status == RunStatus.Failed ? "IOException: disk full" : null, "silo-a", T0, T0.AddSeconds(1),
        status.IsTerminal() ? T0.AddSeconds(31) : null,
        status == RunStatus.Succeeded ? [new ArtifactRef("art-metrics", ArtifactKinds.Metrics)] : [], 5);

    public static RunIndexEntry Entry(string runId, RunStatus status, bool deadLettered = false, int minute = 0) =>
        new(runId, RunKinds.Advancement, status, deadLettered, T0.AddMinutes(minute), 1, deadLettered ? "boom" : null, "silo-a");

    public static RunEvent Event(long sequence, string name, double seconds, int attempt = 1, string? phase = null, double? percent = null,
        string? message = null, double? delay = null, string? error = null) =>
        new(sequence, name, T0.AddSeconds(seconds), attempt, phase, percent, message, delay, error);
}
