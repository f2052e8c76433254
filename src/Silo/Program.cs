using LabSandbox.Silo.Commands;

// `migrate` applies the schema, `backtest` writes docs/backtest.md, `keys` manages API keys; no command runs the silo host.
return await SiloCommandLine.InvokeAsync(args);
