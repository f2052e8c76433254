using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Runs;

/// <summary>Where a dataset ref leads in the UI: tournaments by year, pools and synthetic calcuttas by id.</summary>
public static class DatasetLinks
{
    public static string? Href(DatasetRef dataset) => dataset.Kind switch
    {
        DatasetKinds.Tournament or DatasetKinds.TrainingTournament =>
            dataset.Id.StartsWith("ncaa-", StringComparison.Ordinal) && int.TryParse(dataset.Id.AsSpan(5), out var year) ? $"/tournaments/{year}" : null,
        DatasetKinds.Calcutta or DatasetKinds.TrainingCalcutta => $"/pools/{Uri.EscapeDataString(dataset.Id)}",
        DatasetKinds.SyntheticCalcutta => $"/sandbox/calcuttas/{Uri.EscapeDataString(dataset.Id)}",
        _ => null,
    };

    public static string RunHref(string runId) => $"/runs/{Uri.EscapeDataString(runId)}";

    public static string ArtifactHref(string artifactId) => $"/artifacts/{Uri.EscapeDataString(artifactId)}";

    /// <summary>Runs whose results have a leaderboard page.</summary>
    public static bool HasResults(string kind) => kind is RunKinds.Simulation or RunKinds.PairedSimulation;
}
