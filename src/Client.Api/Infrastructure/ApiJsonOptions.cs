using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace LabSandbox.Api.Infrastructure;

/// <summary>
/// The API's JSON: camelCase names, enums as camelCase strings, numbers only as JSON numbers (the request readers
/// accept nothing else, so the documented schemas say so too).
/// </summary>
public static class ApiJsonOptions
{
    public static void Configure(JsonOptions options)
    {
        options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }
}
