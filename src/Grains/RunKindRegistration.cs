using LabSandbox.Grains.Runs;
using LabSandbox.Grains.Runs.Advancement;
using LabSandbox.Grains.Runs.CohortSimulation;
using LabSandbox.Grains.Runs.Experiment;
using LabSandbox.Grains.Runs.FieldFit;
using LabSandbox.Grains.Runs.LabGeneration;
using LabSandbox.Grains.Runs.MarketShare;
using LabSandbox.Grains.Runs.PairedSimulation;
using LabSandbox.Grains.Runs.Retention;
using LabSandbox.Grains.Runs.Simulation;
using LabSandbox.Grains.Runs.StrategyGeneration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LabSandbox.Grains;

/// <summary>
/// The composition of run kinds: every kind's planner and handler, and the spec-derived run helper the
/// orchestrations use. The only place that names every kind; nothing in a feature folder depends on it.
/// </summary>
public static class RunKindRegistration
{
    public static IServiceCollection AddRunKinds(this IServiceCollection services)
    {
        services.TryAddSingleton<SpecDerivedRuns>();
        return services
            .AddAdvancementRunKind()
            .AddSimulationRunKind()
            .AddMarketShareRunKind()
            .AddFieldFitRunKind()
            .AddStrategyGenerationRunKind()
            .AddRetentionRunKind()
            .AddPairedSimulationRunKind()
            .AddExperimentRunKind()
            .AddLabGenerationRunKind()
            .AddCohortSimulationRunKind();
    }
}
