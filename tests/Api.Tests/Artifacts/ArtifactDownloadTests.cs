using LabSandbox.TestSupport;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Simulations;
using Xunit;

namespace LabSandbox.Api.Tests.Artifacts;

/// <summary>
/// An artifact downloads as its stored JSON, and any of its tables as CSV or Parquet; the files are checked against the
/// JSON the artifact holds, read here with JsonNode, a hand-written CSV parser and Parquet.Net's reader.
/// </summary>
[Collection(SimulationEngineCollection.Name)]
public sealed class ArtifactDownloadTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task The_metrics_CSV_holds_every_team_of_the_JSON_in_its_order_with_rounds_spread_over_columns()
    {
        var metricsId = await _http.AdvancementMetricsIdAsync("ncaa-2025", "pre_tournament");
        var json = JsonNode.Parse(await _http.GetStringAsync($"/api/v1/artifacts/{metricsId}/content"))!;
        var teams = json["teams"]!.AsArray();

        using var response = await _http.GetAsync($"/api/v1/artifacts/{metricsId}/content?format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{metricsId}.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var csv = CsvText.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(["teamId", "name", "seed", "region", "pRound_1", "pRound_2", "pRound_3", "pRound_4", "pRound_5", "pRound_6", "pRound_7", "pChampion", "expectedPoints"], csv[0]);
        Assert.Equal(teams.Count, csv.Count - 1);
        for (var i = 0; i < teams.Count; i++)
        {
            var team = teams[i]!;
            var row = csv[i + 1];
            Assert.Equal(team["teamId"]!.GetValue<string>(), row[0]);
            Assert.Equal(team["name"]!.GetValue<string>(), row[1]);
            Assert.Equal(team["seed"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture), row[2]);
            for (var r = 0; r < 7; r++)
            {
                Assert.Equal(team["pRound"]![r]!.GetValue<double>(), ArtifactFiles.Number(row[4 + r]));
            }

            Assert.Equal(team["expectedPoints"]!.GetValue<double>(), ArtifactFiles.Number(row[12]));
        }

        var fields = CsvText.Parse(await _http.GetStringAsync($"/api/v1/artifacts/{metricsId}/content?format=csv&table=fields"));
        Assert.Equal(["field", "value"], fields[0]);
        Assert.Contains(fields, r => r[0] == "tournamentId" && r[1] == "ncaa-2025");
        Assert.Contains(fields, r => r[0] == "model.sigma" && ArtifactFiles.Number(r[1]) == json["model"]!["sigma"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_heavy_JSON_Lines_artifact_has_the_same_rows_as_CSV_and_as_typed_Parquet_and_its_stored_Parquet_copy_is_byte_identical()
    {
        var run = await _http.AdvancementRunAsync("ncaa-2025", "pre_tournament");
        var heavyId = SimulationApi.ArtifactId(run, "advancement");
        var lines = (await _http.GetStringAsync($"/api/v1/artifacts/{heavyId}/content"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();

        var csv = CsvText.Parse(await _http.GetStringAsync($"/api/v1/artifacts/{heavyId}/content?format=csv"));
        Assert.Equal(lines.Count, csv.Count - 1);
        Assert.Equal(lines.Select(l => l["teamId"]!.GetValue<string>()), csv.Skip(1).Select(r => r[0]));

        using var response = await _http.GetAsync($"/api/v1/artifacts/{heavyId}/content?format=parquet");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.apache.parquet", response.Content.Headers.ContentType!.MediaType);
        var stored = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("PAR1", Encoding.ASCII.GetString(stored, 0, 4));

        var columns = await ArtifactFiles.ReadParquetAsync(stored);
        Assert.Equal(lines.Select(l => l["teamId"]!.GetValue<string>()), columns["teamId"].Cast<string>());
        Assert.Equal(lines.Select(l => (long?)l["seed"]!.GetValue<long>()), columns["seed"].Cast<long?>());
        Assert.Equal(lines.Select(l => (double?)l["pRound"]![6]!.GetValue<double>()), columns["pRound_7"].Cast<double?>());
        Assert.Equal(lines.Select(l => (double?)l["expectedPoints"]!.GetValue<double>()), columns["expectedPoints"].Cast<double?>());

        // The default table comes from the artifact store's copy; naming the table encodes it now: the same bytes.
        var encodedNow = await _http.GetByteArrayAsync($"/api/v1/artifacts/{heavyId}/content?format=parquet&table=rows");
        Assert.Equal(stored, encodedNow);
        Assert.Equal(encodedNow, await _http.GetByteArrayAsync($"/api/v1/artifacts/{heavyId}/content?format=parquet&table=rows"));
    }

    [Fact]
    public async Task The_JSON_download_is_the_stored_bytes_and_its_SHA_256_is_the_records()
    {
        var metricsId = await _http.AdvancementMetricsIdAsync("ncaa-2025", "pre_tournament");
        var bytes = await _http.GetByteArrayAsync($"/api/v1/artifacts/{metricsId}/content?format=json");
        var record = await _http.ArtifactAsync(metricsId);
        Assert.Equal(record["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task An_unsupported_format_or_an_unknown_table_is_a_400_problem_naming_the_field_and_an_unknown_artifact_a_404()
    {
        var metricsId = await _http.AdvancementMetricsIdAsync("ncaa-2025", "pre_tournament");

        using var xml = await _http.GetAsync($"/api/v1/artifacts/{metricsId}/content?format=xml");
        Assert.Equal(HttpStatusCode.BadRequest, xml.StatusCode);
        Assert.Equal("application/problem+json", xml.Content.Headers.ContentType!.MediaType);
        var problem = (await xml.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("parquet", problem["errors"]!["format"]![0]!.GetValue<string>());

        using var table = await _http.GetAsync($"/api/v1/artifacts/{metricsId}/content?format=csv&table=nope");
        Assert.Equal(HttpStatusCode.BadRequest, table.StatusCode);
        Assert.Contains("teams", (await table.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["table"]![0]!.GetValue<string>());

        using var missing = await _http.GetAsync("/api/v1/artifacts/art-no-such-artifact/content?format=csv");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_simulation_that_pins_an_advancement_artifact_is_listed_among_its_uses()
    {
        var metricsId = await _http.AdvancementMetricsIdAsync("ncaa-2025", "pre_tournament");
        var simulation = await _http.RunToSuccessAsync(SimulationApi.Request(metricsId, nSims: 2_000, seed: 5), TimeSpan.FromSeconds(60));
        var runId = simulation["runId"]!.GetValue<string>();

        var uses = (await _http.GetFromJsonAsync<JsonObject>($"/api/v1/artifacts/{metricsId}/uses?limit=500"))!;
        Assert.Contains(uses["uses"]!.AsArray(), u => u!["runId"]!.GetValue<string>() == runId && u["runKind"]!.GetValue<string>() == "simulation");
        Assert.True(uses["total"]!.GetValue<int>() >= 1);

        var simulationMetrics = SimulationApi.ArtifactId(simulation, "metrics");
        var none = (await _http.GetFromJsonAsync<JsonObject>($"/api/v1/artifacts/{simulationMetrics}/uses"))!;
        Assert.Equal(0, none["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/api/v1/artifacts/art-no-such-artifact/uses")).StatusCode);
    }
}
