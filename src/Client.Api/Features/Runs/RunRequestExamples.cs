using LabSandbox.Api.Infrastructure.OpenApi;

namespace LabSandbox.Api.Features.Runs;

/// <summary>One documented example per run kind (ids as the bundled data and a fresh lab name them).</summary>
public static class RunRequestExamples
{
    public static IReadOnlyList<RequestExample> All { get; } =
    [
        new("advancement", "Advancement over ncaa-2025 before the tournament",
            new AdvancementRunRequest("ncaa-2025", new WinModelRequest("kenpom-logistic", 10), "pre_tournament")),
        new("simulation", "One million simulations of calcutta-2025",
            new SimulationRunRequest("art-metrics-of-an-advancement-run", 1_000_000, 42, "pre_tournament", CalcuttaId: "calcutta-2025")),
        new("market_share", "Naive expected-value market shares of calcutta-2025",
            new MarketShareRunRequest("calcutta-2025", "naive_ev", "art-metrics-of-an-advancement-run")),
        new("strategy_generation", "The dp-v1 entry for calcutta-2025",
            new StrategyGenerationRunRequest("calcutta-2025", "art-metrics-of-an-advancement-run", "art-shares-of-a-market-share-run", "dp-v1", "pre_tournament")),
        new("retention", "What a 30-day retention would delete",
            new RetentionRunRequest(30, DryRun: true)),
        new("field_fit", "market_sampled parameters for calcutta-2025, fitted on the other years",
            new FieldFitRunRequest("calcutta-2025", "market_sampled")),
    ];
}
