using LabSandbox.Grains.Interfaces.Sandbox;

namespace LabSandbox.Api.Features.Sandbox;

/// <summary>
/// Starts a cohort's simulations: one pinned simulation run per member. The composition root provides it (see
/// Infrastructure/InProcess) until cohort simulations become a durable run.
/// </summary>
public interface ICohortSimulations
{
    Task<SandboxCommandResult<CohortSimulation>> StartAsync(string cohortId, CancellationToken cancellationToken);
}
