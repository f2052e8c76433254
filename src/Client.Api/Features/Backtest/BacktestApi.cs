using LabSandbox.Api.Infrastructure.Security;
using LabSandbox.Grains.Interfaces.Backtest;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LabSandbox.Api.Features.Backtest;

/// <summary>
/// The backtest report: every real year × strategy × measure, as the <c>backtest</c> command wrote it
/// (<c>docs/backtest.md</c> is its rendering). It is embedded in the build, so reading it computes nothing.
/// </summary>
public static class BacktestApi
{
    public static RouteGroupBuilder MapBacktestApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/backtest").WithTags("Backtest").RequireAuthorization(LabPolicies.Reader);
        group.MapGet("/", Get).WithName("GetBacktestReport")
            .WithSummary("Get the backtest report")
            .WithDescription("The report the `backtest` command wrote and this build embeds: per real year, each strategy's expected payout against the real field (σ = 10), its realized payout in the real tournament, and its expected payout under σ = 7 and σ = 13, in integer cents; each strategy says whether it used hindsight (the real bids). 404 when this build embeds no report.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    /// <summary>The embedded report; 404 when the build carries none.</summary>
    private static Results<Ok<BacktestReportDocument>, ProblemHttpResult> Get([FromServices] BacktestReportSource source) =>
        source.Report is { } report
            ? TypedResults.Ok(report)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Backtest report not found",
                detail: $"This build embeds no backtest report: run `{BacktestReportSource.GenerateCommand}` (it writes {BacktestReportSource.RepositoryPath}), then rebuild the API.");
}
