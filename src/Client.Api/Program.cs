using System.Text.Json;
using System.Text.Json.Serialization;
using LabSandbox.Api.Apis;
using LabSandbox.Api.Experiments;
using LabSandbox.Api.Hosting;
using LabSandbox.Api.Idempotency;
using LabSandbox.Grains;
using LabSandbox.Grains.Artifacts;
using LabSandbox.Api.Sandbox;
using LabSandbox.Silo.Hosting;
using LabSandbox.Silo.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

builder.AddLabTelemetry("labsandbox-api", t => t.AddAspNetCoreInstrumentation(), m => m.AddAspNetCoreInstrumentation());
builder.AddLabOrleans();
builder.Services.AddProblemDetails();
builder.Services.Configure<ExceptionHandlerOptions>(o =>
    o.StatusCodeSelector = ex => ex switch
    {
        BadHttpRequestException bad => bad.StatusCode,

        // A silo that just died is unreachable until membership declares it dead: a retry will find a survivor.
        // So is the database while it restarts.
        OrleansMessageRejectionException or SiloUnavailableException or System.Data.Common.DbException => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    });
builder.Services.AddRunKinds();
builder.Services.AddSingleton<IArtifactStore>(new LocalFolderArtifactStore(
    builder.Configuration.GetSection(LabSandboxOptions.Section).Get<LabSandboxOptions>()?.ArtifactRoot ?? new LabSandboxOptions().ArtifactRoot));
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
});

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseIdempotencyKeys();

app.MapHealthApi();
app.MapTournamentsApi();
app.MapCalcuttasApi();
app.MapRunsApi();
app.MapArtifactsApi();
app.MapLabApi();
app.MapSyntheticCalcuttasApi();
app.MapCohortsApi();
app.MapExperimentsApi();

app.Run();

/// <summary>Entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
