using System.Text.Json;
using LabSandbox.Grains.Interfaces.Backtest;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LabSandbox.Api.Features.Backtest;

/// <summary>
/// The backtest report this build carries: <c>backtest-report.json</c>, written beside this file by the silo's
/// <c>backtest</c> command and embedded at build time. A build made before the report was generated carries none
/// (the API answers 404 and the page says how to generate it). Read once, lazily; tests supply their own.
/// </summary>
public sealed class BacktestReportSource(Func<BacktestReportDocument?> load)
{
    /// <summary>The manifest name the project file gives the embedded report.</summary>
    public const string ResourceName = "LabSandbox.Api.Features.Backtest.backtest-report.json";

    /// <summary>The command that writes the report (and docs/backtest.md), for the empty state and the 404.</summary>
    public const string GenerateCommand = "dotnet run -c Release --project src/Silo -- backtest";

    /// <summary>Where the command writes the report in the repository.</summary>
    public const string RepositoryPath = "src/Client.Api/Features/Backtest/backtest-report.json";

    // The command writes camelCase; case-insensitive reading also takes the record's own names.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Lazy<BacktestReportDocument?> report = new(load);

    /// <summary>The report, or null when this build embeds none.</summary>
    public BacktestReportDocument? Report => report.Value;

    /// <summary>The report embedded in this assembly (null when the build had none).</summary>
    public static BacktestReportSource Embedded() => new(() =>
    {
        using var stream = typeof(BacktestReportSource).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : JsonSerializer.Deserialize<BacktestReportDocument>(stream, Json);
    });

    /// <summary>A fixed report (or none): tests and tools.</summary>
    public static BacktestReportSource Of(BacktestReportDocument? document) => new(() => document);

    public static BacktestReportDocument Parse(string json) =>
        JsonSerializer.Deserialize<BacktestReportDocument>(json, Json) ?? throw new JsonException("the backtest report is null");
}

public static class BacktestReportServices
{
    /// <summary>Registers the embedded report unless something (a test) registered a source first.</summary>
    public static IServiceCollection AddBacktestReport(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => BacktestReportSource.Embedded());
        return services;
    }
}
