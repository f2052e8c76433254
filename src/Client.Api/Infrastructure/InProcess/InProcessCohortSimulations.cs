using LabSandbox.Api.Features.Sandbox;
using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Grains.Sandbox;

namespace LabSandbox.Api.Infrastructure.InProcess;

/// <summary>
/// <see cref="ICohortSimulations"/> as it has always run: the simulator starts the member runs from the API
/// process. Interim, kept out of Features: cohort simulations are becoming a durable run kind (<c>cohort_simulation</c>).
/// </summary>
public sealed class InProcessCohortSimulations(CohortSimulator simulator) : ICohortSimulations
{
    public Task<SandboxCommandResult<CohortSimulation>> StartAsync(string cohortId, CancellationToken cancellationToken) =>
        simulator.StartAsync(cohortId, cancellationToken);
}
