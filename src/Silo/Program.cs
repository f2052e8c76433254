using LabSandbox.Silo.Commands;

// `migrate` applies the schema, `backtest` writes docs/backtest.md, `keys` manages API keys; no command runs the silo host.
return await SiloCommandLine.InvokeAsync(args);

/// <summary>
/// Internal on purpose: the ASP.NET Core framework reference (the health server) would otherwise make the entry point
/// public, and the API, which references this assembly, has its own public Program.
/// </summary>
internal partial class Program;
