using LabSandbox.Silo.Commands;

// `migrate` applies the schema and `backtest` writes docs/backtest.md; no command runs the silo host.
return await SiloCommandLine.InvokeAsync(args);
