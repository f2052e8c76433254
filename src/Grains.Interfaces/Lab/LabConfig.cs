namespace LabSandbox.Grains.Interfaces.Lab;

/// <summary>The win model behind a config's advancement runs.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.LabAdvancementModel")]
public sealed record LabAdvancementModel(
    [property: Id(0)] string Kind,
    [property: Id(1)] double Sigma);

/// <summary>
/// What the Lab generates a candidate with, for every real pool. <see cref="ExcludedEntry"/> is
/// <c>lab_marked</c> (each pool's entry flagged <c>lab_excluded_entry</c>) or <c>none</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.LabConfig")]
public sealed record LabConfig(
    [property: Id(0)] LabAdvancementModel AdvancementModel,
    [property: Id(1)] string MarketModel,
    [property: Id(2)] string OptimizerKey,
    [property: Id(3)] string StartingState,
    [property: Id(4)] string ExcludedEntry)
{
    public const string LabMarked = "lab_marked";
    public const string NoExclusion = "none";
}

/// <summary>The Lab's candidate for one pool under one config (unique per pool and config).</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.LabCandidateEntry")]
public sealed record LabCandidateEntry(
    [property: Id(0)] string CalcuttaId,
    [property: Id(1)] string ConfigKey,
    [property: Id(2)] LabConfig Config,
    [property: Id(3)] string CandidateId);
