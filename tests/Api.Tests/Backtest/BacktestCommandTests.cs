using System.Text.Json;
using LabSandbox.Grains.Interfaces.Backtest;
using LabSandbox.Silo.Commands;
using Xunit;

namespace LabSandbox.Api.Tests.Backtest;

/// <summary>
/// The backtest command end to end on its own in-process silo (small simulations): a table row per real year
/// with every strategy, the pool's real excluded entry named, its realized payout as the data's real standings say,
/// and the same bytes (Markdown and JSON) when run again.
/// </summary>
public sealed class BacktestCommandTests
{
    [Fact]
    public async Task Backtest_writes_a_row_per_real_year_and_the_same_table_when_run_again()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"labsandbox-backtest-test-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            var first = Path.Combine(folder, "first.md");
            var second = Path.Combine(folder, "second.md");
            var progress = new StringWriter();
            Assert.Equal(0, await SiloCommandLine.InvokeAsync(
                ["backtest", "--nsims", "2000", "--seed", "11", "--output", first, "--report-json", first + ".json"], progress, TextWriter.Null));
            Assert.Equal(0, await SiloCommandLine.InvokeAsync(
                ["backtest", "--nsims", "2000", "--seed", "11", "--output", second, "--report-json", second + ".json"], TextWriter.Null, TextWriter.Null));

            // Plain progress (the writer is no terminal): a line per step of each market model and each baseline.
            var lines = progress.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Contains("naive_ev: calcutta-2017 simulated [10/18]", lines);
            Assert.Contains("ridge: cohort simulated (2,000 simulations per year) [18/18]", lines);
            Assert.Contains("baseline: calcutta-2025 simulated as it was [8/8]", lines);
            Assert.Contains("measures: calcutta-2025 realized and measured under σ = 7, 10, 13 [8/8]", lines);
            Assert.Contains(lines, l => l.StartsWith("experiments: calcutta-2025 experiment_real searched (", StringComparison.Ordinal) && l.EndsWith("[16/16]", StringComparison.Ordinal));
            Assert.Equal($"wrote {first}", lines[^1]);

            var table = await File.ReadAllTextAsync(first);
            Assert.Equal(table, await File.ReadAllTextAsync(second));
            Assert.Equal(await File.ReadAllBytesAsync(first + ".json"), await File.ReadAllBytesAsync(second + ".json"));
            Assert.Contains("| year | excluded entry | naive_ev dp-v1 | ridge dp-v1 | experiment, modeled field |", table);
            Assert.Contains("| experiment, real field (hindsight) | oracle dp-v1 (hindsight) | excluded real entry | field average |", table);

            var report = JsonSerializer.Deserialize<BacktestReportDocument>(await File.ReadAllTextAsync(first + ".json"), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            Assert.Equal("dotnet run -c Release --project src/Silo -- backtest --nsims 2000 --seed 11", report.Command);
            Assert.True(report.Strategies.Single(s => s.Key == "oracle").Hindsight);
            Assert.True(report.Strategies.Single(s => s.Key == "experiment_real").Hindsight);
            Assert.False(report.Strategies.Single(s => s.Key == "experiment_modeled").Hindsight);
            Assert.Equal(["naive_ev", "ridge", "experiment_modeled", "experiment_real", "oracle", "real_entry", "field_average"], report.Strategies.Select(s => s.Key));
            Assert.False(report.Strategies.Single(s => s.Key == "ridge").Hindsight);
            Assert.All(report.Years, year => Assert.Equal(
                RealPayout(year.Year, year.ExcludedEntryKey), year.Cells.Single(c => c.Strategy == "real_entry").RealizedPayoutCents));
            // Three tables (expected, realized, other σ), each a row per year.
            var rows = table.Split('\n').Where(l => l.StartsWith("| 20", StringComparison.Ordinal)).ToList();
            string[] years = ["2017", "2018", "2019", "2021", "2022", "2023", "2024", "2025"];
            Assert.Equal([.. years, .. years, .. years], rows.Select(r => r.Split('|')[1].Trim()));
            foreach (var row in rows)
            {
                var cells = row.Split('|', StringSplitOptions.TrimEntries);
                Assert.Equal(LabExcludedEntry(int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture)), cells[2]);
                Assert.All(cells[3..^1], cell => Assert.StartsWith("$", cell, StringComparison.Ordinal));
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Bad_arguments_are_a_usage_error()
    {
        var error = new StringWriter();
        Assert.Equal(2, await SiloCommandLine.InvokeAsync(["backtest", "--nsims", "0"], TextWriter.Null, error));
        Assert.Contains("--nsims must be a whole number", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("LabSandbox.Silo backtest --help", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The entry's payout in the real final standings, as the bundled data file states it.</summary>
    private static long RealPayout(int year, string entryKey)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "real", $"{year}.json")));
        var calcuttas = file.RootElement.GetProperty("calcuttas");
        var pool = calcuttas.ValueKind == JsonValueKind.Array ? calcuttas[0] : calcuttas;
        return pool.GetProperty("derived_actual_standings").GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("entry_key").GetString() == entryKey).GetProperty("payout_cents").GetInt64();
    }

    /// <summary>The real data's own flag, read from the bundled file rather than from the product.</summary>
    private static string LabExcludedEntry(int year)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "real", $"{year}.json")));
        var calcuttas = file.RootElement.GetProperty("calcuttas");
        var pool = calcuttas.ValueKind == JsonValueKind.Array ? calcuttas[0] : calcuttas;
        return pool.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("lab_excluded_entry").GetBoolean()).GetProperty("entry_key").GetString()!;
    }
}
