namespace LabSandbox.Grains.Runs.FieldFit;

/// <summary>The canonical params of a <c>field_fit</c> run: the target pool and the field model fitted for it.</summary>
/// <param name="FieldModel"><c>market_sampled</c> or <c>history_resampled</c>.</param>
public sealed record FieldFitParams(string CalcuttaId, string FieldModel);
