using System.Net;
using System.Security.Cryptography;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Api.Tests.Simulations;
using LabSandbox.TestSupport;
using Npgsql;
using Xunit;

namespace LabSandbox.Api.Tests.Artifacts;

/// <summary>
/// With a connection string, heavy artifacts live in PostgreSQL: a simulation run's JSON Lines artifact (and its Parquet
/// copy) written by one host's silo is served by another host's API after the first host — its silo included — has
/// stopped, from a host whose artifact folder is empty; retention then deletes the bytes from PostgreSQL.
/// </summary>
[Collection(SimulationEngineCollection.Name)]
public sealed class ArtifactsFromPostgresTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_heavy_artifact_written_through_a_stopped_silo_is_served_from_postgres_and_retention_deletes_it()
    {
        var serviceId = $"pg-artifacts-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40];
        var writerFolder = Directory.CreateTempSubdirectory("labsandbox-pg-writer-");
        var readerFolder = Directory.CreateTempSubdirectory("labsandbox-pg-reader-");
        try
        {
            string artifactId, sha256, storageUri;
            long size;
            await using (var writer = new LabApiFactory(Settings(writerFolder), serviceId))
            {
                var http = writer.CreateClient();
                var advancement = await http.AdvancementMetricsIdAsync("ncaa-2025", "pre_tournament");
                var run = await http.RunToSuccessAsync(SimulationApi.Request(advancement, nSims: 20_000, seed: 77), RunTimeout);
                artifactId = SimulationApi.ArtifactId(run, "entry_distributions");
                var artifact = await http.ArtifactAsync(artifactId);
                sha256 = artifact["sha256"]!.GetValue<string>();
                size = artifact["sizeBytes"]!.GetValue<long>();
                storageUri = artifact["storageUri"]!.GetValue<string>();
            }

            Assert.StartsWith($"postgresql:artifacts/{sha256}/{artifactId}/", storageUri);
            Assert.Empty(writerFolder.EnumerateFileSystemInfos("*", SearchOption.AllDirectories)); // nothing went to disk

            await using var reader = new LabApiFactory(Settings(readerFolder), serviceId);
            var api = reader.CreateClient();
            using (var content = await api.GetAsync($"/api/v1/artifacts/{artifactId}/content", HttpCompletionOption.ResponseHeadersRead))
            {
                Assert.Equal(HttpStatusCode.OK, content.StatusCode);
                var bytes = await content.Content.ReadAsByteArrayAsync();
                Assert.Equal(size, bytes.LongLength);
                Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            }

            using (var parquet = await api.GetAsync($"/api/v1/artifacts/{artifactId}/content?format=parquet"))
            {
                Assert.Equal(HttpStatusCode.OK, parquet.StatusCode);
                Assert.Equal("PAR1"u8.ToArray(), (await parquet.Content.ReadAsByteArrayAsync())[..4]);
            }

            Assert.Equal(2L, await ReferencesAsync(serviceId, artifactId)); // the JSON Lines and its Parquet copy

            var retention = await api.RunToSuccessAsync(
                System.Text.Json.Nodes.JsonNode.Parse("""{"kind":"retention","olderThanDays":0,"dryRun":false}""")!.AsObject(), RunTimeout);
            Assert.Equal("succeeded", SimulationApi.Status(retention));
            using (var gone = await api.GetAsync($"/api/v1/artifacts/{artifactId}/content"))
            {
                Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
            }

            Assert.Equal(0L, await ReferencesAsync(serviceId, artifactId));
            Assert.Empty(readerFolder.EnumerateFileSystemInfos("*", SearchOption.AllDirectories));
        }
        finally
        {
            writerFolder.Delete(recursive: true);
            readerFolder.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string?> Settings(DirectoryInfo artifactRoot) => new()
    {
        ["ConnectionStrings:LabSandbox"] = TestPostgres.ConnectionString,
        ["LabSandbox:ArtifactRoot"] = artifactRoot.FullName,
    };

    private static async Task<long> ReferencesAsync(string serviceId, string artifactId)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM labsandbox_artifact_ref WHERE service_id = @service AND artifact_id = @id", connection);
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("id", artifactId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
