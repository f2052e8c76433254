using LabSandbox.Api.Components.Shared;

namespace LabSandbox.Api.Features.Simulations;

/// <summary>
/// The start-a-simulation form's fields. Blank optional fields are left out of the request (the API's "absent"),
/// and <see cref="None"/> sends an explicit <c>null</c> ("nobody", for a synthetic calcutta's excluded entry or focus).
/// </summary>
public sealed class SimulationStartModel
{
    public const string Real = "real";
    public const string Synthetic = "synthetic";
    public const string None = "(none)";
    public const long DefaultNSims = 1_000_000;
    public const long DefaultSeed = 42;
    public const long DefaultChunkSize = 250_000;
    public const double DefaultSigma = 10;

    public static readonly IReadOnlyList<string> StartingStates =
        ["pre_tournament", "post_first_four", .. Enumerable.Range(1, 6).Select(n => $"through_round:{n}")];

    public string PoolKind { get; set; } = Real;

    public string? CalcuttaId { get; set; }

    public string? SyntheticCalcuttaId { get; set; }

    /// <summary>An advancement run's metrics artifact; blank: the exact model's run for this pool (found or started).</summary>
    public string? AdvancementArtifactId { get; set; }

    public double Sigma { get; set; } = DefaultSigma;

    public string StartingState { get; set; } = "pre_tournament";

    public long NSims { get; set; } = DefaultNSims;

    public long Seed { get; set; } = DefaultSeed;

    public long ChunkSize { get; set; } = DefaultChunkSize;

    public string? ExcludedEntryKey { get; set; }

    public string? FocusCandidateId { get; set; }

    /// <summary>Who the seat plays against: <c>real</c> (the pool's entries) or a modeled field (<see cref="FieldModels"/>).</summary>
    public string FieldModel { get; set; } = FieldModels.Real;

    /// <summary>A modeled field's <c>field_parameters</c> artifact (from a <c>field_fit</c> run of the pool).</summary>
    public string? FieldParametersArtifactId { get; set; }

    /// <summary><c>market_sampled</c> only: the market shares its opponents' teams are drawn in proportion to.</summary>
    public string? MarketShareArtifactId { get; set; }

    public bool IsSynthetic => PoolKind == Synthetic;

    public string? PoolId => IsSynthetic ? SyntheticCalcuttaId : CalcuttaId;
}

/// <summary>What became of a start: the run, or the problems by the request's field names.</summary>
public sealed record SimulationStartResult(string? RunId, IReadOnlyDictionary<string, string[]> Errors)
{
    public static SimulationStartResult Invalid(string field, string message) => new(null, new Dictionary<string, string[]> { [field] = [message] });
}
