using LabSandbox.Api.Features.Lab;
using LabSandbox.Api.Features.Sandbox;
using LabSandbox.Grains;
using LabSandbox.Grains.Lab;
using LabSandbox.Grains.Sandbox;

namespace LabSandbox.Api.Infrastructure.InProcess;

/// <summary>
/// The two orchestrations that still run in the API process — Lab generation and starting a cohort's simulations —
/// and what they need (the run kinds' planners). Interim: both are becoming durable run kinds.
/// </summary>
public static class InProcessOrchestrations
{
    public static IServiceCollection AddInProcessOrchestrations(this IServiceCollection services)
    {
        services.AddRunKinds();
        services.AddSingleton<LabCandidateGenerator>();
        services.AddSingleton<CohortSimulator>();
        services.AddSingleton<ILabCandidateGeneration, InProcessLabCandidateGeneration>();
        services.AddSingleton<ICohortSimulations, InProcessCohortSimulations>();
        return services;
    }
}
