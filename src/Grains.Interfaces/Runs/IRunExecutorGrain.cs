namespace LabSandbox.Grains.Interfaces.Runs;

/// <summary>
/// Executes one attempt of one run (key <c>{runId}:{attempt}</c>), off the run grain's turns, and
/// reports the outcome back to the run grain.
/// </summary>
[Alias("LabSandbox.IRunExecutorGrain")]
public interface IRunExecutorGrain : IGrainWithStringKey
{
    [OneWay, Alias("Execute")]
    Task ExecuteAsync(RunExecution execution);
}
