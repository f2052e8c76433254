using LabSandbox.Api.Features.Backtest;
using LabSandbox.Grains.Interfaces.Backtest;

namespace LabSandbox.Web.Tests.Backtest;

/// <summary>
/// A small made-up report in the file's own JSON shape (camelCase, as the <c>backtest</c> command writes it): two
/// years, two honest strategies, one hindsight strategy and the two reference columns. Every measure differs, so a
/// test can tell which one the page shows. Not real figures.
/// </summary>
public static class BacktestFixtures
{
    public const string Json = """
    {
      "command": "dotnet run -c Release --project src/Silo -- backtest --nsims 1000 --seed 7",
      "nSims": 1000, "seed": 7, "engineVersion": "sim-v1", "startingState": "pre_tournament",
      "strategies": [
        { "key": "ridge", "label": "ridge dp-v1", "hindsight": false, "description": "The ridge market model's dp-v1 entry." },
        { "key": "experiment_modeled", "label": "experiment (modeled field)", "hindsight": false, "description": "A search against a modeled field." },
        { "key": "oracle", "label": "oracle dp-v1", "hindsight": true, "description": "Prices teams with the pool's real bids." },
        { "key": "real_entry", "label": "excluded real entry", "hindsight": false, "description": "The real entry in the seat." },
        { "key": "field_average", "label": "field average", "hindsight": false, "description": "The pool's average entry." }
      ],
      "years": [
        { "calcuttaId": "calcutta-2017", "year": 2017, "excludedEntryKey": "P005", "cells": [
          { "strategy": "ridge", "expectedPayoutCents": 6248, "realizedPayoutCents": 12000, "expectedPayoutSigma7Cents": 6100, "expectedPayoutSigma13Cents": 6300, "pInTheMoney": 0.577, "candidateId": "cand-ridge-2017", "runId": "run-ridge-2017" },
          { "strategy": "experiment_modeled", "expectedPayoutCents": 7010, "realizedPayoutCents": 0, "expectedPayoutSigma7Cents": 6900, "expectedPayoutSigma13Cents": 7100, "pInTheMoney": 0.6, "candidateId": "cand-exp-2017", "runId": "run-exp-2017" },
          { "strategy": "oracle", "expectedPayoutCents": 13025, "realizedPayoutCents": 25000, "expectedPayoutSigma7Cents": 13500, "expectedPayoutSigma13Cents": 12500, "pInTheMoney": 0.915, "candidateId": "cand-oracle-2017", "runId": "run-oracle-2017" },
          { "strategy": "real_entry", "expectedPayoutCents": 4160, "realizedPayoutCents": 5000, "expectedPayoutSigma7Cents": 4000, "expectedPayoutSigma13Cents": 4300, "pInTheMoney": 0.3, "candidateId": null, "runId": "run-baseline-2017" },
          { "strategy": "field_average", "expectedPayoutCents": 1977, "realizedPayoutCents": 1977, "expectedPayoutSigma7Cents": 1977, "expectedPayoutSigma13Cents": 1977, "pInTheMoney": null, "candidateId": null, "runId": null }
        ] },
        { "calcuttaId": "calcutta-2018", "year": 2018, "excludedEntryKey": "P003", "cells": [
          { "strategy": "ridge", "expectedPayoutCents": 5521, "realizedPayoutCents": 0, "expectedPayoutSigma7Cents": 5400, "expectedPayoutSigma13Cents": 5600, "pInTheMoney": 0.285, "candidateId": "cand-ridge-2018", "runId": "run-ridge-2018" },
          { "strategy": "experiment_modeled", "expectedPayoutCents": 5900, "realizedPayoutCents": 8800, "expectedPayoutSigma7Cents": 5800, "expectedPayoutSigma13Cents": 6000, "pInTheMoney": 0.31, "candidateId": "cand-exp-2018", "runId": "run-exp-2018" },
          { "strategy": "oracle", "expectedPayoutCents": 23073, "realizedPayoutCents": 40000, "expectedPayoutSigma7Cents": 24000, "expectedPayoutSigma13Cents": 22000, "pInTheMoney": 0.732, "candidateId": "cand-oracle-2018", "runId": "run-oracle-2018" },
          { "strategy": "real_entry", "expectedPayoutCents": 6706, "realizedPayoutCents": 15000, "expectedPayoutSigma7Cents": 6500, "expectedPayoutSigma13Cents": 6900, "pInTheMoney": 0.4, "candidateId": null, "runId": "run-baseline-2018" },
          { "strategy": "field_average", "expectedPayoutCents": 3171, "realizedPayoutCents": 3171, "expectedPayoutSigma7Cents": 3171, "expectedPayoutSigma13Cents": 3171, "pInTheMoney": null, "candidateId": null, "runId": null }
        ] }
      ],
      "summary": [
        { "strategy": "ridge", "yearsBeatingRealEntry": 1, "yearsBeatingFieldAverage": 2, "years": 2, "meanExpectedPayoutCents": 5884, "realizedPayoutCentsTotal": 12000 },
        { "strategy": "experiment_modeled", "yearsBeatingRealEntry": 1, "yearsBeatingFieldAverage": 2, "years": 2, "meanExpectedPayoutCents": 6455, "realizedPayoutCentsTotal": 8800 },
        { "strategy": "oracle", "yearsBeatingRealEntry": 2, "yearsBeatingFieldAverage": 2, "years": 2, "meanExpectedPayoutCents": 18049, "realizedPayoutCentsTotal": 65000 },
        { "strategy": "real_entry", "yearsBeatingRealEntry": 0, "yearsBeatingFieldAverage": 1, "years": 2, "meanExpectedPayoutCents": 5433, "realizedPayoutCentsTotal": 20000 },
        { "strategy": "field_average", "yearsBeatingRealEntry": 0, "yearsBeatingFieldAverage": 0, "years": 2, "meanExpectedPayoutCents": 2574, "realizedPayoutCentsTotal": 5148 }
      ]
    }
    """;

    public static BacktestReportDocument Report { get; } = BacktestReportSource.Parse(Json);
}
