using System.CommandLine;
using System.Diagnostics;
using LabSandbox.Grains.Datasets;
using LabSandbox.Silo.Commands;

namespace LabSandbox.Silo.Calibration;

/// <summary>
/// <c>LabSandbox.Silo field-calibration</c>: computes the field-model calibration table from the bundled real data
/// (pure engine, no silo, no database) and rewrites it between the markers in docs/field-models.md.
/// </summary>
public static class FieldCalibrationCommand
{
    public static Command Create()
    {
        var fields = new Option<long>("--fields")
        {
            Description = "Modeled fields drawn per year and model.",
            HelpName = "N",
            DefaultValueFactory = _ => FieldCalibrationOptions.DefaultFields,
            CustomParser = result => OptionParsing.WholeNumber(result, 1, FieldCalibrationOptions.MaxFields),
        };
        var nsims = new Option<long>("--nsims")
        {
            Description = "Simulations of the excluded entry's expected payout against each field.",
            HelpName = "N",
            DefaultValueFactory = _ => FieldCalibrationOptions.DefaultNSims,
            CustomParser = result => OptionParsing.WholeNumber(result, 1, FieldCalibrationOptions.MaxNSims),
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Seed of every field draw and simulation.",
            HelpName = "S",
            DefaultValueFactory = _ => FieldCalibrationOptions.DefaultSeed,
            CustomParser = result => OptionParsing.WholeNumber(result, 0, long.MaxValue),
        };
        var output = new Option<string>("--output")
        {
            Description = "The Markdown file whose calibration markers the table goes between.",
            HelpName = "PATH",
            DefaultValueFactory = _ => FieldCalibrationOptions.DefaultOutputPath,
        };
        output.Validators.Add(result => OptionParsing.MustNameAFile(result, "--output"));

        var command = new Command("field-calibration", """
            Writes the field-model calibration table: for every real year, the real opponents against market_sampled and
            history_resampled fields fitted on the other years (teams per entry, largest bid, HHI, share per seed group,
            the excluded real entry's expected payout). Reads the bundled real data; needs no silo or database.
            Exit codes: 0 written, 1 failed, 2 usage.
            """)
        {
            fields,
            nsims,
            seed,
            output,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var options = new FieldCalibrationOptions(parseResult.GetValue(fields), parseResult.GetValue(nsims), parseResult.GetValue(seed), parseResult.GetValue(output)!);
            var invocation = parseResult.InvocationConfiguration;
            return RunAsync(options, invocation.Output, invocation.Error, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(FieldCalibrationOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var document = await File.ReadAllTextAsync(options.OutputPath, cancellationToken);
            var clock = Stopwatch.StartNew();
            var rows = FieldCalibration.Run(RealDataReader.ReadFolder(RealDataReader.DefaultFolder), options, cancellationToken);
            var updated = FieldCalibrationTable.Replace(document, FieldCalibrationTable.Render(options, rows));
            await File.WriteAllTextAsync(options.OutputPath, updated, cancellationToken);
            await output.WriteLineAsync($"wrote {options.OutputPath} ({rows.Count} rows in {clock.Elapsed.TotalSeconds:F1} s)");
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or InvalidDataException or ArgumentException)
        {
            await error.WriteLineAsync($"field-calibration failed: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
