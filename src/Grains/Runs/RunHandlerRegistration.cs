using LabSandbox.Grains.Runs.Advancement;
using LabSandbox.Grains.Runs.MarketShare;
using LabSandbox.Grains.Runs.PairedSimulation;
using LabSandbox.Grains.Runs.Retention;
using LabSandbox.Grains.Runs.Simulation;
using LabSandbox.Grains.Runs.Strategy;
using LabSandbox.Grains.Simulations;
using LabSandbox.Grains.Experiments;
using Microsoft.Extensions.DependencyInjection;

namespace LabSandbox.Grains.Runs;

public static class RunHandlerRegistration
{
    /// <summary>Silo side: one handler per executable run kind.</summary>
    public static IServiceCollection AddRunHandlers(this IServiceCollection services) =>
        services
            .AddSingleton<SimulationModelCache>()
            .AddSingleton<IRunHandler, AdvancementRunHandler>()
            .AddSingleton<IRunHandler, SimulationRunHandler>()
            .AddSingleton<IRunHandler, MarketShareRunHandler>()
            .AddSingleton<IRunHandler, StrategyGenerationRunHandler>()
            .AddSingleton<IRunHandler, RetentionRunHandler>()
            .AddSingleton<IRunHandler, PairedSimulationRunHandler>()
            .AddSingleton<IRunHandler, ExperimentRunHandler>();

    /// <summary>API side: one planner (validation and pinning) per run kind.</summary>
    public static IServiceCollection AddRunPlanners(this IServiceCollection services) =>
        services
            .AddSingleton<IRunPlanner, AdvancementRunPlanner>()
            .AddSingleton<IRunPlanner, SimulationRunPlanner>()
            .AddSingleton<IRunPlanner, MarketShareRunPlanner>()
            .AddSingleton<IRunPlanner, StrategyGenerationRunPlanner>()
            .AddSingleton<IRunPlanner, RetentionRunPlanner>();
}
