using LabSandbox.Grains.Runs;

// A deliberately wrong "feature" for ApiContractsTests' positive control: it reaches into a grain implementation.
namespace LabSandbox.Api.Features.ArchitectureControl;

public static class ReachesIntoGrains
{
    public static bool HasErrors(System.Text.Json.Nodes.JsonObject body) => new RequestReader(body).HasErrors;
}
