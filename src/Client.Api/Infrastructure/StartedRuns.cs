using LabSandbox.Grains.Interfaces.Runs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Infrastructure;

/// <summary>
/// Starts the spec-derived run of an orchestration (Lab generate, cohort simulation) and answers at once, never waiting on
/// it: 202 with <c>Location: /api/v1/runs/{id}</c> while it is queued or running; 200 with the same body and Location when
/// the spec's run had already finished (nothing new started; its report is ready).
/// </summary>
public static class StartedRuns
{
    public static Task<RunStart> StartAsync(IClusterClient cluster, string kind, string requestJson) =>
        cluster.GetGrain<IRunFactoryGrain>(0).StartSpecDerivedAsync(kind, requestJson);

    public static Results<AcceptedAtRoute<StartedRunResponse>, Ok<StartedRunResponse>, ProblemHttpResult, ValidationProblem> Answer(
        RunStart start, LinkGenerator links, HttpContext http)
    {
        if (start is not { Outcome: RunStartOutcome.Started, RunId: { } runId, Status: { } status, ReportArtifactId: { } report })
        {
            return start.Outcome == RunStartOutcome.Invalid ? ApiProblems.Invalid(start.Errors) : ApiProblems.Conflict(start.Reason ?? "The run could not be started.");
        }

        var body = new StartedRunResponse(runId, status, $"/api/v1/artifacts/{report}/content");
        if (!status.IsTerminal())
        {
            return TypedResults.AcceptedAtRoute(body, "GetRun", new { runId });
        }

        http.Response.Headers.Location = links.GetPathByName(http, "GetRun", new { runId });
        return TypedResults.Ok(body);
    }
}
