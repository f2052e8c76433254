using System.Text.Json;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.MarketShare;
using LabSandbox.Grains.Runs.Pinning;

namespace LabSandbox.Grains.Runs.FieldFit;

/// <summary>
/// A modeled field as a run pins it: the model and its version, the <c>field_parameters</c> artifact, and for
/// <c>market_sampled</c> the <c>market_share</c> artifact its draws are proportional to. A run's params hold null
/// instead for the real field, so real-field runs keep the params (and ids and bytes) they always had.
/// </summary>
public sealed record FieldChoice(string Model, string Version, string ParametersArtifactId, string? MarketShareArtifactId)
{
    /// <summary>The artifacts a run over this field pins (its lineage shows them).</summary>
    public IReadOnlyList<string> ArtifactIds => MarketShareArtifactId is null ? [ParametersArtifactId] : [ParametersArtifactId, MarketShareArtifactId];
}

/// <summary>
/// Reads a request's <c>fieldModel</c> (default <c>real</c>), <c>fieldParametersArtifactId</c> and — where the request
/// names its own market for the field — <c>marketShareArtifactId</c>, then checks the artifacts fit the pool (INV-7).
/// </summary>
public sealed record FieldRequest(string Model, string? ParametersArtifactId, string? MarketShareArtifactId)
{
    public static readonly IReadOnlyList<string> Models = [FieldModelKinds.Real, .. FieldFitRunPlanner.Models];

    public bool IsReal => Model == FieldModelKinds.Real;

    /// <summary>The fields, each problem recorded against its name; <paramref name="ownMarketField"/>: read <c>marketShareArtifactId</c> too.</summary>
    public static FieldRequest Read(RequestReader reader, bool ownMarketField)
    {
        var model = reader.OptionalString("fieldModel") ?? FieldModelKinds.Real;
        var parameters = reader.OptionalString("fieldParametersArtifactId");
        var market = ownMarketField ? reader.OptionalString("marketShareArtifactId") : null;
        if (!Models.Contains(model))
        {
            // Nothing else about the field can be judged without its model; the request fails on this one field.
            reader.Error("fieldModel", $"'fieldModel' must be one of {string.Join(", ", Models)}.");
            return new FieldRequest(FieldModelKinds.Real, null, null);
        }

        if (model == FieldModelKinds.Real && parameters is not null)
        {
            reader.Error("fieldParametersArtifactId", "A real field has no fitted parameters: name a modeled 'fieldModel' or leave this out.");
        }
        else if (model != FieldModelKinds.Real && parameters is null)
        {
            reader.Error("fieldParametersArtifactId", $"'{model}' needs the field_parameters artifact of a field_fit run for this pool.");
        }

        if (ownMarketField && model == FieldModelKinds.MarketSampled && market is null)
        {
            reader.Error("marketShareArtifactId", "'market_sampled' draws teams in proportion to a market: name its market_share artifact.");
        }
        else if (ownMarketField && model != FieldModelKinds.MarketSampled && market is not null)
        {
            reader.Error("marketShareArtifactId", "Only a 'market_sampled' field uses a market_share artifact.");
        }

        return new FieldRequest(model, parameters, market);
    }

    /// <summary>
    /// The pinned choice (null for the real field, or when an artifact does not fit: the error is recorded). The fit must
    /// be for <paramref name="calcuttaId"/> (a synthetic calcutta's source pool) and this model; the market for the same
    /// pool and excluded entry. <paramref name="marketShareArtifactId"/> overrides the request's own market field.
    /// </summary>
    public async Task<FieldChoice?> PinAsync(
        RequestReader reader, IGrainFactory grains, string calcuttaId, string? excludedEntryKey, string? marketShareArtifactId = null)
    {
        if (IsReal || ParametersArtifactId is null)
        {
            return null;
        }

        var (artifact, run) = await PinnedArtifacts.ReadWithRunAsync(grains, ParametersArtifactId);
        if (artifact is null || run is null
            || run.Spec.Kind != RunKinds.FieldFit || artifact.Kind != FieldParametersDocument.ArtifactKind || run.Status != RunStatus.Succeeded)
        {
            reader.Error("fieldParametersArtifactId", $"Artifact '{ParametersArtifactId}' is not the field_parameters artifact of a succeeded field_fit run.");
            return null;
        }

        var fit = JsonSerializer.Deserialize<FieldFitParams>(run.Spec.ParamsJson, ContentDigest.Options)!;
        if (fit.CalcuttaId != calcuttaId || fit.FieldModel != Model)
        {
            reader.Error("fieldParametersArtifactId", $"Artifact '{ParametersArtifactId}' fits {fit.FieldModel} for {fit.CalcuttaId}, not {Model} for {calcuttaId}.");
            return null;
        }

        var market = Model == FieldModelKinds.MarketSampled ? marketShareArtifactId ?? MarketShareArtifactId : null;
        if (market is not null && marketShareArtifactId is null
            && await PinnedMarketShare.ReadAsync(reader, grains, "marketShareArtifactId", market, calcuttaId, excludedEntryKey) is null)
        {
            return null;
        }

        return new FieldChoice(Model, FieldFitRunPlanner.VersionOf(Model), ParametersArtifactId, market);
    }
}
