using LabSandbox.Grains.Datasets;
using LabSandbox.Grains.Interfaces.Datasets;
using Microsoft.Extensions.Logging;

namespace LabSandbox.Silo.Hosting;

/// <summary>
/// Imports the bundled real tournaments and pools into their grains when a silo starts. Idempotent:
/// an unchanged dataset (same digest) writes nothing, so every silo of a cluster may run it.
/// </summary>
public sealed partial class RealDataImportStartupTask(
    IGrainFactory grains, LabSandboxOptions options, ILogger<RealDataImportStartupTask> logger) : IStartupTask
{
    public async Task Execute(CancellationToken cancellationToken)
    {
        var folder = options.RealDataFolder ?? RealDataReader.DefaultFolder;
        var years = RealDataReader.ReadFolder(folder);
        foreach (var year in years)
        {
            var outcome = await grains.GetGrain<ITournamentGrain>(year.Tournament.TournamentId).ImportAsync(year.Tournament);
            LogImported(year.Tournament.TournamentId, year.Tournament.Digest, outcome);
            if (year.Calcutta is { } pool)
            {
                outcome = await grains.GetGrain<ICalcuttaGrain>(pool.CalcuttaId).ImportAsync(pool);
                LogImported(pool.CalcuttaId, pool.Digest, outcome);
            }
        }

        await grains.GetGrain<IDatasetCatalogGrain>(IDatasetCatalogGrain.Key).RegisterAsync(
            years.Select(y => y.Tournament.TournamentId).ToList(),
            years.Where(y => y.Calcutta is not null).Select(y => y.Calcutta!.CalcuttaId).ToList());
    }

    [LoggerMessage(EventName = "DATASET.IMPORTED", Level = LogLevel.Information,
        Message = "DATASET.IMPORTED {DatasetId} {Digest}: {Outcome}")]
    private partial void LogImported(string datasetId, string digest, ImportOutcome outcome);
}
