using LabSandbox.Silo.Backtest;
using LabSandbox.Silo.Database;
using LabSandbox.Silo.Hosting;
using LabSandbox.Silo.Telemetry;
using Microsoft.Extensions.Hosting;

// `migrate` applies the schema and `backtest` writes docs/backtest.md; both exit without serving.
if (args.Length > 0 && args[0] == "migrate") return await MigrateCommand.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "backtest") return await BacktestCommand.RunAsync(args[1..]);

var builder = Host.CreateApplicationBuilder(args);
builder.AddLabTelemetry("labsandbox-silo");
builder.UseOrleans(silo => silo.UseLabSandbox(builder.Configuration));
await builder.Build().RunAsync();
return 0;
