using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Lab;

/// <summary>Where each upstream id of a candidate opens (the route map every page links to).</summary>
public static class LabLinks
{
    public static string Candidate(string candidateId) => $"/lab/candidates/{Uri.EscapeDataString(candidateId)}";

    public static string Run(string runId) => $"/runs/{Uri.EscapeDataString(runId)}";

    public static string Artifact(string artifactId) => $"/artifacts/{Uri.EscapeDataString(artifactId)}";

    public static string Pool(string calcuttaId) => $"/pools/{Uri.EscapeDataString(calcuttaId)}";

    /// <summary>Tournament pages are by year; the id is <c>ncaa-YYYY</c>.</summary>
    public static string Tournament(string tournamentId) =>
        tournamentId.LastIndexOf('-') is var dash and >= 0 && int.TryParse(tournamentId[(dash + 1)..], out var year)
            ? $"/tournaments/{year}"
            : "/tournaments";

    public static string Dataset(DatasetRef d) => d.Kind switch
    {
        DatasetKinds.Tournament or DatasetKinds.TrainingTournament => Tournament(d.Id),
        DatasetKinds.Calcutta or DatasetKinds.TrainingCalcutta => Pool(d.Id),
        DatasetKinds.SyntheticCalcutta => $"/sandbox/calcuttas/{Uri.EscapeDataString(d.Id)}",
        _ => "/",
    };

    /// <summary>The start-a-simulation form prefilled with the candidate's pool and the candidate as focus.</summary>
    public static string Simulate(string calcuttaId, string candidateId) =>
        $"/simulations/new?pool={Uri.EscapeDataString(calcuttaId)}&focus={Uri.EscapeDataString(candidateId)}";
}
