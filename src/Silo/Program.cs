using LabSandbox.Silo.Hosting;
using LabSandbox.Silo.Telemetry;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddLabTelemetry("labsandbox-silo");
builder.UseOrleans(silo => silo.UseLabSandbox(builder.Configuration));
await builder.Build().RunAsync();
