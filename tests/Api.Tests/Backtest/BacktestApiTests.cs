using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LabSandbox.Api.Features.Backtest;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Security;
using LabSandbox.Grains.Interfaces.Backtest;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LabSandbox.Api.Tests.Backtest;

/// <summary>
/// GET /api/v1/backtest returns the report the build embeds (here a fixture given through the report source), in
/// the API's camelCase JSON with money as integer cents; readers may read it, callers without a key may not.
/// </summary>
public sealed class BacktestApiTests(BacktestApiTests.ReportFixture fixture) : IClassFixture<BacktestApiTests.ReportFixture>
{
    /// <summary>One year, one honest strategy and the real entry: made up, not real figures.</summary>
    private static readonly BacktestReportDocument Report = new(
        "dotnet run -c Release --project src/Silo -- backtest --nsims 1000 --seed 7", 1000, 7, "sim-v1", "pre_tournament",
        [new("ridge", "ridge dp-v1", false, "honest"), new("oracle", "oracle dp-v1", true, "hindsight"), new("real_entry", "excluded real entry", false, "the seat's own entry")],
        [new("calcutta-2017", 2017, "P005",
        [
            new("ridge", 6248, 12000, 6100, 6300, 0.577, "cand-ridge-2017", "run-ridge-2017"),
            new("oracle", 13025, 25000, 13500, 12500, 0.915, "cand-oracle-2017", "run-oracle-2017"),
            new("real_entry", 4160, 5000, 4000, 4300, null, null, "run-baseline-2017"),
        ])],
        [new("ridge", 1, 1, 1, 6248, 12000), new("oracle", 1, 1, 1, 13025, 25000), new("real_entry", 0, 0, 1, 4160, 5000)]);

    public sealed class ReportFixture() : SecuredApiFixture(new Dictionary<string, string?>(), s => s.AddSingleton(BacktestReportSource.Of(Report)));

    [Fact]
    public async Task A_reader_gets_the_report_with_cents_and_hindsight_labels()
    {
        using var http = fixture.Factory.ClientWith(fixture.Keys["reader"]);

        using var response = await http.GetAsync("/api/v1/backtest");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(6248, json["years"]![0]!["cells"]![0]!["expectedPayoutCents"]!.GetValue<long>());
        Assert.Equal(12000, json["years"]![0]!["cells"]![0]!["realizedPayoutCents"]!.GetValue<long>());
        Assert.True(json["strategies"]![1]!["hindsight"]!.GetValue<bool>());
        var read = await response.Content.ReadFromJsonAsync<BacktestReportDocument>();
        Assert.Equal(Report.Command, read!.Command);
        Assert.Equal(Report.Years[0].Cells, read.Years[0].Cells);
        Assert.Equal(Report.Summary, read.Summary);
    }

    [Fact]
    public async Task A_caller_without_a_key_is_refused()
    {
        using var http = fixture.Factory.ClientWith(null);

        using var response = await http.GetAsync("/api/v1/backtest");

        await SecurityApi.AssertUnauthorizedAsync(response, null, "anonymous → GET /api/v1/backtest");
    }

    [Fact]
    public async Task Without_a_report_the_API_answers_404_saying_how_to_generate_it()
    {
        await using var factory = new LabApiFactory(services: s => s.AddSingleton(BacktestReportSource.Of(null)));
        using var http = factory.CreateClient();

        using var response = await http.GetAsync("/api/v1/backtest");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Backtest report not found", problem["title"]!.GetValue<string>());
        Assert.Contains(BacktestReportSource.GenerateCommand, problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public void The_embedded_report_is_the_committed_file_or_none_when_the_repository_has_none()
    {
        var path = Path.Combine(RepoPaths.Root, BacktestReportSource.RepositoryPath);
        var embedded = BacktestReportSource.Embedded().Report;

        if (File.Exists(path))
        {
            var committed = BacktestReportSource.Parse(File.ReadAllText(path));
            Assert.NotNull(embedded);
            Assert.Equal(committed.Command, embedded.Command);
            Assert.Equal(committed.Years.SelectMany(y => y.Cells), embedded.Years.SelectMany(y => y.Cells));
        }
        else
        {
            Assert.Null(embedded);
        }
    }
}
