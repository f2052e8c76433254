using System.Text.Json.Nodes;
using Bunit;
using LabSandbox.Api.Features.Experiments;
using LabSandbox.Api.Features.Experiments.Components;
using LabSandbox.Grains.Interfaces.Experiments;
using Xunit;
using static LabSandbox.Web.Tests.Experiments.ExperimentFixtures;

namespace LabSandbox.Web.Tests.Experiments;

/// <summary>The objective on the new-experiment form (with λ for the risk-adjusted payout) and on an experiment's page.</summary>
public sealed class ExperimentObjectiveTests : LabComponentTest
{
    [Fact]
    public void The_default_objective_leaves_the_request_as_it_was_and_others_are_sent_with_lambda_only_when_risk_adjusted()
    {
        var form = new ExperimentForm { CalcuttaId = "calcutta-2025" };
        var plain = JsonNode.Parse(form.ToRequestJson())!.AsObject();
        Assert.False(plain.ContainsKey("objective"));
        Assert.False(plain.ContainsKey("riskAversion"));

        form.Objective = "p_first";
        var first = JsonNode.Parse(form.ToRequestJson())!.AsObject();
        Assert.Equal("p_first", first["objective"]!.GetValue<string>());
        Assert.False(first.ContainsKey("riskAversion"));

        (form.Objective, form.RiskAversion) = ("risk_adjusted", 0.5);
        var risk = JsonNode.Parse(form.ToRequestJson())!.AsObject();
        Assert.Equal("risk_adjusted", risk["objective"]!.GetValue<string>());
        Assert.Equal(0.5, risk["riskAversion"]!.GetValue<double>());
    }

    [Fact]
    public void The_objective_select_offers_the_four_objectives_and_asks_for_lambda_only_when_risk_adjusted()
    {
        var form = new ExperimentForm();
        var cut = Render<ObjectiveFields>(p => p.Add(x => x.Form, form));

        Assert.Equal("expected payout", cut.Find("input").GetAttribute("value"));
        Assert.Contains("The mean payout in dollars", cut.Markup);
        Assert.DoesNotContain("Risk aversion λ", cut.Markup);

        form.Objective = "risk_adjusted";
        var risky = Render<ObjectiveFields>(p => p.Add(x => x.Form, form)
            .Add(x => x.Errors, new Dictionary<string, string[]> { ["riskAversion"] = ["'riskAversion' must be 0 or more."] }));

        Assert.Equal("risk-adjusted payout", risky.FindAll("input")[0].GetAttribute("value"));
        Assert.Contains("Risk aversion λ", risky.Markup);
        Assert.Contains("'riskAversion' must be 0 or more.", risky.Markup);
        Assert.Equal(["expected_payout", "p_first", "p_in_the_money", "risk_adjusted"], ObjectiveText.Keys);
    }

    [Fact]
    public void The_config_panel_states_the_objective_with_its_lambda()
    {
        var config = Config() with { Search = Config().Search with { Objective = "risk_adjusted", RiskAversion = 0.5 } };
        var cut = Render<ExperimentConfigPanel>(p => p.Add(x => x.Experiment, Snapshot() with { Config = config }));
        var plain = Render<ExperimentConfigPanel>(p => p.Add(x => x.Experiment, Snapshot()));

        Assert.Equal("risk-adjusted payout (mean − 0.5·sd)", cut.Find(".experiment-objective").TextContent);
        Assert.Equal("expected payout", plain.Find(".experiment-objective").TextContent);
    }

    [Fact]
    public void A_result_under_another_objective_shows_its_levels_and_paired_gain_beside_the_payouts()
    {
        var result = Result() with
        {
            Objective = "p_first",
            InitialObjective = new ObjectiveStatistic("p_first", "probability", 100_000, 0.021, 0.0005, 0.020, 0.022, 2_100),
            FinalObjective = new ObjectiveStatistic("p_first", "probability", 100_000, 0.0345, 0.0006, 0.0333, 0.0357, 3_450),
            ObjectiveImprovement = new ObjectiveStatistic("p_first", "probability", 100_000, 0.0135, 0.0004, 0.0127, 0.0143, null),
        };
        var cut = Render<FinalComparison>(p => p.Add(x => x.Result, result));
        var payout = Render<FinalComparison>(p => p.Add(x => x.Result, Result()));

        var text = string.Join(' ', cut.Find(".final-objective").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("Objective, P(1st): initial entry 2.10 %, best entry 3.45 %; gain 1.35 pp [1.27 pp, 1.43 pp] (paired, 95% interval). The verdict is on this gain.", text);
        Assert.Empty(payout.FindAll(".final-objective"));
    }
}
