namespace LabSandbox.Grains.Runs.Abstractions;

/// <summary>Executes runs of one kind. Pure with respect to the run: it returns artifacts, the executor persists them.</summary>
public interface IRunHandler
{
    string Kind { get; }

    Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken);
}
