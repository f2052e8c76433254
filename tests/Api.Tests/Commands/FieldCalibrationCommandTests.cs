using LabSandbox.Silo.Calibration;
using LabSandbox.Silo.Commands;
using Xunit;

namespace LabSandbox.Api.Tests.Commands;

/// <summary>
/// The field-calibration command on a copy of a document with the markers (few fields and simulations): a real and two
/// modeled rows per year, the prose around the markers untouched, and the same bytes when run again.
/// </summary>
public sealed class FieldCalibrationCommandTests
{
    [Fact]
    public async Task Calibration_rewrites_only_the_marked_table_and_the_same_bytes_when_run_again()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"labsandbox-calibration-test-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, "fields.md");
            var before = $"# Prose\n\nbefore\n\n{FieldCalibrationTable.Begin}\nstale\n{FieldCalibrationTable.End}\n\nafter\n";
            await File.WriteAllTextAsync(path, before);
            string[] args = ["field-calibration", "--fields", "20", "--nsims", "500", "--seed", "3", "--output", path];

            var output = new StringWriter();
            Assert.Equal(0, await SiloCommandLine.InvokeAsync(args, output, TextWriter.Null));
            var first = await File.ReadAllBytesAsync(path);
            Assert.Equal(0, await SiloCommandLine.InvokeAsync(args, TextWriter.Null, TextWriter.Null));
            Assert.Equal(first, await File.ReadAllBytesAsync(path));

            Assert.StartsWith($"wrote {path} (24 rows", output.ToString(), StringComparison.Ordinal);
            var text = await File.ReadAllTextAsync(path);
            Assert.StartsWith("# Prose\n\nbefore\n\n" + FieldCalibrationTable.Begin, text, StringComparison.Ordinal);
            Assert.EndsWith(FieldCalibrationTable.End + "\n\nafter\n", text, StringComparison.Ordinal);
            Assert.DoesNotContain("stale", text, StringComparison.Ordinal);
            Assert.Contains("`dotnet run -c Release --project src/Silo -- field-calibration --fields 20 --nsims 500 --seed 3`", text, StringComparison.Ordinal);
            var rows = text.Split('\n').Where(l => l.StartsWith("| 20", StringComparison.Ordinal)).Select(l => l.Split('|', StringSplitOptions.TrimEntries)).ToList();
            Assert.Equal(24, rows.Count);
            Assert.All(rows.Chunk(3), year => Assert.Equal(["`real`", "`market_sampled`", "`history_resampled`"], year.Select(r => r[2])));
            // Shares of all points bid over the four seed groups add up to the whole (to the table's rounding).
            Assert.All(rows, r => Assert.InRange(r[6..10].Sum(s => double.Parse(s.TrimEnd('%', ' '), System.Globalization.CultureInfo.InvariantCulture)), 99.8, 100.2));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_document_without_the_markers_is_a_failure_and_stays_as_it_was()
    {
        var path = Path.Combine(Path.GetTempPath(), $"labsandbox-calibration-test-{Environment.ProcessId}-{Guid.NewGuid():N}.md");
        await File.WriteAllTextAsync(path, "# no markers\n");
        try
        {
            var error = new StringWriter();
            Assert.Equal(1, await SiloCommandLine.InvokeAsync(["field-calibration", "--fields", "1", "--nsims", "1", "--output", path], TextWriter.Null, error));
            Assert.Contains("markers", error.ToString(), StringComparison.Ordinal);
            Assert.Equal("# no markers\n", await File.ReadAllTextAsync(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
