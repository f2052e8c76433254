namespace LabSandbox.Silo.Calibration;

/// <summary>What one calibration runs with; <see cref="FieldCalibrationCommand"/> reads it from the command line.</summary>
/// <param name="Fields">Modeled fields drawn per year and model for the shape columns.</param>
/// <param name="NSims">Simulations of the excluded entry's expected payout against each field.</param>
public sealed record FieldCalibrationOptions(long Fields, long NSims, long Seed, string OutputPath)
{
    public const long DefaultFields = 2_000;
    public const long MaxFields = 1_000_000;
    public const long DefaultNSims = 100_000;
    public const long MaxNSims = 100_000_000;
    public const long DefaultSeed = 2025;

    public static string DefaultOutputPath { get; } = Path.Combine("docs", "field-models.md");
}
