using System.Net;
using System.Text.Json.Nodes;

namespace LabSandbox.Persistence.Tests.Health;

/// <summary>Reads a silo health port's probe as a Kubernetes kubelet would: nothing answering counts as unready.</summary>
internal static class HealthProbe
{
    /// <summary>The probe's status and body; 503 with no body while nothing answers on the port.</summary>
    public static async Task<(HttpStatusCode Status, JsonObject? Body)> GetAsync(HttpClient http, int port, string path)
    {
        try
        {
            using var response = await http.GetAsync($"http://127.0.0.1:{port}{path}");
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text)!.AsObject());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (HttpStatusCode.ServiceUnavailable, null);
        }
    }
}
