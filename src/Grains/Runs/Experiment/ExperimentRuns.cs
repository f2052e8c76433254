using LabSandbox.Grains.Common;
using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Engine.Simulation;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.FieldFit;
using LabSandbox.Grains.Runs.PairedSimulation;
using LabSandbox.Grains.Runs.Simulation;

namespace LabSandbox.Grains.Runs.Experiment;

/// <summary>
/// The runs of an experiment: its driver (kind <c>experiment</c>) and its simulation runs (kind
/// <c>paired_simulation</c>), whose ids say where they belong — <c>run-{experiment}-i{iteration}-s{sample}-{purpose}</c>
/// — and whose specs carry the same as a typed tag. Everything in a spec comes from the experiment's config.
/// </summary>
public static class ExperimentRuns
{
    /// <summary>Names the search itself: a change to how it proposes or decides changes this, and so the driver's spec.</summary>
    public const string SearchVersion = "experiment-search-v1+paired-crn+ucb-prune";

    /// <summary>The seat the searched entry takes: the excluded entry's, or one of its own when nothing is excluded.</summary>
    public const string OwnSeatKey = "experiment-entry";

    public static string DriverRunId(string experimentId) => RunIds.ExperimentDriver(experimentId);

    public static string SimulationRunId(string experimentId, int iteration, int sample, string purpose) =>
        RunIds.ExperimentEvaluation(experimentId, iteration, sample, purpose);

    public static string SeatKey(ExperimentConfig config) => config.ExcludedEntryKey ?? OwnSeatKey;

    public static RunSpec DriverSpec(string experimentId, ExperimentConfig config)
    {
        var json = CanonicalJson.Serialize(new ExperimentRunParams(experimentId, config));
        return new RunSpec(
            RunKinds.Experiment, json, ContentDigest.Hex(json), [config.Pool, config.Tournament],
            [config.AdvancementArtifactId, config.MarketShareArtifactId, .. Field(config)?.ArtifactIds.Except([config.MarketShareArtifactId]) ?? []],
            config.MasterSeed, $"{SimulationKernel.EngineVersion}+{SearchVersion}");
    }

    public static RunSpec SimulationSpec(
        string experimentId, ExperimentConfig config, RunExperimentTag tag, long seed, long nSims, IReadOnlyList<PairedVariant> variants)
    {
        var parameters = new PairedSimulationParams(
            config.Pool.Kind == DatasetKinds.Calcutta ? config.Pool.Id : null,
            config.Pool.Kind == DatasetKinds.SyntheticCalcutta ? config.Pool.Id : null,
            config.AdvancementArtifactId, config.Sigma, config.StartingState, config.ExcludedEntryKey, SeatKey(config),
            seed, nSims, variants, Field(config));
        var json = CanonicalJson.Serialize(parameters);
        return new RunSpec(
            RunKinds.PairedSimulation, json, ContentDigest.Hex(json), [config.Pool, config.Tournament],
            [config.AdvancementArtifactId, .. parameters.Field?.ArtifactIds ?? []], seed, SimulationRunPlanner.EngineVersion(parameters.Field), tag);
    }

    /// <summary>
    /// The experiment's modeled field as its simulation runs pin it (null: the real field). A <c>market_sampled</c> field
    /// draws in proportion to the experiment's own market artifact.
    /// </summary>
    public static FieldChoice? Field(ExperimentConfig config) =>
        config.FieldModel == FieldModelKinds.Real || config.FieldParametersArtifactId is null
            ? null
            : new FieldChoice(config.FieldModel, FieldFitRunPlanner.VersionOf(config.FieldModel), config.FieldParametersArtifactId,
                config.FieldModel == FieldModelKinds.MarketSampled ? config.MarketShareArtifactId : null);

    public static string ConfigDigest(ExperimentConfig config) => ContentDigest.Hex(CanonicalJson.Serialize(config));
}

/// <summary>The driver run's params: the experiment and its whole config, so the run alone says what it searched.</summary>
public sealed record ExperimentRunParams(string ExperimentId, ExperimentConfig Config);
