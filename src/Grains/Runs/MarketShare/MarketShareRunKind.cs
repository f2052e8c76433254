using LabSandbox.Grains.Runs.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LabSandbox.Grains.Runs.MarketShare;

/// <summary>The <c>market_share</c> run kind registers itself: its planner (validation and pinning) and its handler. Idempotent, so API and silo may share a container.</summary>
public static class MarketShareRunKind
{
    public static IServiceCollection AddMarketShareRunKind(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunPlanner, MarketShareRunPlanner>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRunHandler, MarketShareRunHandler>());
        return services;
    }
}
