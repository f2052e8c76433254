namespace LabSandbox.Grains.Interfaces.Runs;

/// <summary>
/// Turns a run request into a run: the request's kind plans it (validates and pins it), then the run is created
/// under a fresh id, or under the id an idempotency key names. Stateless, so any silo plans any request.
/// </summary>
[Alias("LabSandbox.IRunFactoryGrain")]
public interface IRunFactoryGrain : IGrainWithIntegerKey
{
    /// <param name="requestJson">The request as sent (a JSON object with a <c>kind</c>): planners read it field by field.</param>
    /// <param name="idempotencyKey">The request's <c>Idempotency-Key</c>, if any: the run id is derived from it.</param>
    [Alias("Create")]
    Task<RunCreation> CreateAsync(string requestJson, string? idempotencyKey);

    /// <summary>
    /// Plans a request of <paramref name="kind"/> (the kind is the caller's, so a <c>kind</c> field in the body is an
    /// error) and starts its run under the spec-derived id: the same request over the same data names the same run, and
    /// a repeat after a failure or cancel starts its successor. Never waits on the run.
    /// </summary>
    [Alias("StartSpecDerived")]
    Task<RunStart> StartSpecDerivedAsync(string kind, string requestJson);
}
