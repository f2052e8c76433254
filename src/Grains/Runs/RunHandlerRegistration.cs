using Microsoft.Extensions.DependencyInjection;

namespace LabSandbox.Grains.Runs;

public static class RunHandlerRegistration
{
    /// <summary>Registers one handler per executable run kind.</summary>
    public static IServiceCollection AddRunHandlers(this IServiceCollection services)
    {
        return services;
    }
}
