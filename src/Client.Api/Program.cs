using LabSandbox.Api.Components;
using LabSandbox.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddLabSandboxApi();
builder.AddLabSandboxUi();

var app = builder.Build();
app.UseLabSandboxPipeline();
app.MapLabSandboxApi();
app.MapLabSandboxUi();
app.Run();

/// <summary>Entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
