using LabSandbox.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddLabSandboxApi();

var app = builder.Build();
app.MapLabSandboxApi();
app.Run();

/// <summary>Entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
