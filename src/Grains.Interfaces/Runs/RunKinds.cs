namespace LabSandbox.Grains.Interfaces.Runs;

/// <summary>The run kinds (docs/architecture.md, domain rules: nouns); the names are the API contract.</summary>
public static class RunKinds
{
    public const string Advancement = "advancement";
    public const string Simulation = "simulation";
    public const string MarketShare = "market_share";
    public const string StrategyGeneration = "strategy_generation";
    public const string Experiment = "experiment";

    /// <summary>An experiment's simulation run: entry variants in one seat of a field, paired on common random numbers.</summary>
    public const string PairedSimulation = "paired_simulation";
    public const string Retention = "retention";

    /// <summary>Fits a field model's parameters for one pool on the other years' real pools (leave one year out).</summary>
    public const string FieldFit = "field_fit";

    /// <summary>The Lab's generate as a durable run: a candidate for every real pool under one config.</summary>
    public const string LabGeneration = "lab_generation";

    /// <summary>A cohort's simulations as a durable run: one pinned simulation run per member.</summary>
    public const string CohortSimulation = "cohort_simulation";
}
