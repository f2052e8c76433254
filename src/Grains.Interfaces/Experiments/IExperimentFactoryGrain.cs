namespace LabSandbox.Grains.Interfaces.Experiments;

/// <summary>
/// Turns an experiment request into an experiment: validates and pins it, then creates it and its driver run.
/// Stateless; the planning (which may run the optimizer for the starting entry) runs off the grain's turn.
/// </summary>
[Alias("LabSandbox.IExperimentFactoryGrain")]
public interface IExperimentFactoryGrain : IGrainWithIntegerKey
{
    /// <param name="requestJson">
    /// The request as sent (a JSON object). Without <c>experimentId</c> the id is derived from the body, so the same
    /// request names the same experiment.
    /// </param>
    [Alias("Create")]
    Task<ExperimentCreation> CreateAsync(string requestJson);
}
