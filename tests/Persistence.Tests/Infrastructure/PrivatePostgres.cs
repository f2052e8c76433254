using System.Diagnostics;
using LabSandbox.Silo.Database;
using LabSandbox.TestSupport;

namespace LabSandbox.Persistence.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of the test's own (initdb into a temporary folder, a free port, trust auth, one migrated
/// database), so a test can stop and start it with <c>pg_ctl</c> without touching the shared test server. As root,
/// initdb and pg_ctl run as the <c>postgres</c> account (they refuse root), as scripts/test.sh does.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    /// <summary>The Debian PostgreSQL 15 binaries scripts/test.sh installs; <c>LABSANDBOX_PG_BIN</c> overrides.</summary>
    private static readonly string Bin = Environment.GetEnvironmentVariable("LABSANDBOX_PG_BIN") ?? "/usr/lib/postgresql/15/bin";

    private readonly string folder;
    private readonly int port;

    private PrivatePostgres(string folder, int port)
    {
        this.folder = folder;
        this.port = port;
    }

    public string ConnectionString => $"Host=127.0.0.1;Port={port};Username=postgres;Database=labsandbox;Timeout=3";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("labsandbox-pg-").FullName;
        var server = new PrivatePostgres(folder, FreePorts.Next());
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["postgres", folder]);
        }

        await server.AsPostgresAsync($"{Bin}/initdb -D '{folder}/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8");
        await server.StartServerAsync();
        await server.AsPostgresAsync($"{Bin}/psql -h 127.0.0.1 -p {server.port} -U postgres -d postgres -qc 'CREATE DATABASE labsandbox'");
        await new SchemaMigrator(server.ConnectionString).MigrateAsync();
        return server;
    }

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public Task StartServerAsync() =>
        AsPostgresAsync($"{Bin}/pg_ctl -D '{folder}/data' -l '{folder}/server.log' -w -t 30 -o '-p {port} -k {folder} -c listen_addresses=127.0.0.1' start");

    /// <summary>Stops the server (fast: open connections are cut, as in an outage) and waits until it is down.</summary>
    public Task StopServerAsync() => AsPostgresAsync($"{Bin}/pg_ctl -D '{folder}/data' -m fast -w -t 30 stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await AsPostgresAsync($"{Bin}/pg_ctl -D '{folder}/data' -m immediate -w -t 30 stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(folder, recursive: true);
    }

    private Task AsPostgresAsync(string command) => Environment.UserName == "root"
        ? RunAsync("su", ["postgres", "-s", "/bin/sh", "-c", command])
        : RunAsync("/bin/sh", ["-c", command]);

    private static async Task RunAsync(string file, string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await error}");
        }
    }
}
