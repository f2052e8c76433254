namespace LabSandbox.Api.Features.Lab;

/// <summary>The advancement model of a Lab config.</summary>
/// <param name="Kind">Only <c>kenpom-logistic</c>.</param>
/// <param name="Sigma">Finite and greater than 0 (default 10).</param>
public sealed record LabAdvancementModelRequest(string Kind, double? Sigma = null);

/// <summary>A Lab config: how every real pool's candidate is made.</summary>
/// <param name="MarketModel"><c>naive_ev</c>, <c>oracle</c> or <c>ridge</c>.</param>
/// <param name="OptimizerKey">Only <c>dp-v1</c>.</param>
/// <param name="StartingState"><c>pre_tournament</c>, <c>post_first_four</c> or <c>through_round:N</c>.</param>
/// <param name="ExcludedEntry"><c>lab_marked</c> (each pool's lab-marked entry) or <c>none</c>.</param>
public sealed record GenerateLabCandidatesRequest(
    LabAdvancementModelRequest AdvancementModel, string MarketModel, string OptimizerKey, string StartingState, string ExcludedEntry);
