using LabSandbox.Grains.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Apis;

/// <summary>The answer to a request that starts a durable run: the run, and where its report (the metrics artifact) will be.</summary>
public sealed record StartedRunResponse(string RunId, RunStatus Status, string ReportUrl);

/// <summary>
/// Starts the spec-derived run of an orchestration (Lab generate, cohort simulation) and answers at once, never waiting on
/// it: 202 with <c>Location: /api/v1/runs/{id}</c> while it is queued or running; 200 with the same body and Location when
/// the spec's run had already finished (nothing new started; its report is ready).
/// </summary>
public static class StartedRuns
{
    public static async Task<Results<AcceptedAtRoute<StartedRunResponse>, Ok<StartedRunResponse>, ProblemHttpResult, ValidationProblem>> StartAsync(
        SpecDerivedRuns runs, RunSpec spec, LinkGenerator links, HttpContext http)
    {
        RunSnapshot run;
        try
        {
            run = await runs.StartAsync(spec);
        }
        catch (RunStepException ex)
        {
            return ApiProblems.Conflict(ex.Message);
        }

        var body = new StartedRunResponse(run.RunId, run.Status, $"/api/v1/artifacts/{ArtifactWriter.ArtifactIdFor(run.RunId, ArtifactKinds.Metrics)}/content");
        if (!run.Status.IsTerminal())
        {
            return TypedResults.AcceptedAtRoute(body, "GetRun", new { runId = run.RunId });
        }

        http.Response.Headers.Location = links.GetPathByName(http, "GetRun", new { runId = run.RunId });
        return TypedResults.Ok(body);
    }
}
