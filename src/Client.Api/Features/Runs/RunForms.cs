using System.Text.Json;
using System.Text.Json.Serialization;

namespace LabSandbox.Api.Features.Runs;

/// <summary>The /runs/new form's fields for an advancement run (a model as the API's <see cref="AdvancementRunRequest"/>).</summary>
public sealed class AdvancementForm
{
    public string? TournamentId { get; set; }

    public double? Sigma { get; set; } = 10;

    public string? StartingState { get; set; } = "pre_tournament";

    public CreateRunRequest ToRequest() =>
        new AdvancementRunRequest(TournamentId!, new WinModelRequest("kenpom-logistic", Sigma), StartingState!);
}

/// <summary>The fields of a simulation run of a real pool over an advancement run's metrics.</summary>
public sealed class SimulationForm
{
    public string? AdvancementArtifactId { get; set; }

    public string? CalcuttaId { get; set; }

    public long? NSims { get; set; } = 100_000;

    public long? Seed { get; set; } = 42;

    public string? StartingState { get; set; } = "pre_tournament";

    public CreateRunRequest ToRequest() =>
        new SimulationRunRequest(AdvancementArtifactId!, NSims ?? 0, Seed ?? 0, StartingState!, CalcuttaId: CalcuttaId);
}

public sealed class RetentionForm
{
    public int? OlderThanDays { get; set; } = 30;

    public bool DryRun { get; set; } = true;

    public CreateRunRequest ToRequest() => new RetentionRunRequest(OlderThanDays ?? 0, DryRun);
}

/// <summary>
/// Writes a form's request as the API receives it: camelCase, <c>kind</c> first, and absent fields left out (the
/// planners read an explicit null differently from an absent field), so the factory validates exactly what the API would.
/// </summary>
public static class RunRequestJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(CreateRunRequest request) => JsonSerializer.Serialize(request, Options);
}
