using Bunit;
using LabSandbox.Api.Features.Simulations;
using LabSandbox.Api.Features.Simulations.Components;
using Xunit;

namespace LabSandbox.Web.Tests.Simulations;

/// <summary>The opponent field on the start-a-simulation form: real by default, or a modeled field with its artifacts.</summary>
public sealed class SimulationFieldModelTests : LabComponentTest
{
    [Fact]
    public void The_real_field_is_left_out_of_the_request_and_a_modeled_one_sends_its_artifacts()
    {
        var form = new SimulationStartModel { CalcuttaId = "calcutta-2025", ExcludedEntryKey = "P005", FieldParametersArtifactId = "art-f", MarketShareArtifactId = "art-m" };
        var real = SimulationStarter.Request(form, "art-adv");
        Assert.False(real.ContainsKey("fieldModel"));
        Assert.False(real.ContainsKey("fieldParametersArtifactId"));

        form.FieldModel = "market_sampled";
        var sampled = SimulationStarter.Request(form, "art-adv");
        Assert.Equal("market_sampled", sampled["fieldModel"]!.GetValue<string>());
        Assert.Equal("art-f", sampled["fieldParametersArtifactId"]!.GetValue<string>());
        Assert.Equal("art-m", sampled["marketShareArtifactId"]!.GetValue<string>());

        // Market shares steer only market_sampled draws.
        form.FieldModel = "history_resampled";
        var resampled = SimulationStarter.Request(form, "art-adv");
        Assert.Equal("history_resampled", resampled["fieldModel"]!.GetValue<string>());
        Assert.False(resampled.ContainsKey("marketShareArtifactId"));
    }

    [Fact]
    public void The_inputs_ask_for_what_each_field_model_needs_and_show_the_apis_errors()
    {
        var real = Render<FieldModelInputs>(p => p.Add(x => x.Form, new SimulationStartModel()));
        Assert.Equal("real (hindsight)", real.Find("input").GetAttribute("value"));
        Assert.DoesNotContain("Field parameters artifact", real.Markup);

        var resampled = Render<FieldModelInputs>(p => p.Add(x => x.Form, new SimulationStartModel { FieldModel = "history_resampled" }));
        Assert.Contains("Field parameters artifact", resampled.Markup);
        Assert.DoesNotContain("Market-share artifact", resampled.Markup);

        var sampled = Render<FieldModelInputs>(p => p.Add(x => x.Form, new SimulationStartModel { FieldModel = "market_sampled" })
            .Add(x => x.Errors, new Dictionary<string, string[]> { ["marketShareArtifactId"] = ["'marketShareArtifactId' is required for market_sampled."] }));
        Assert.Equal("market_sampled (honest)", sampled.FindAll("input")[0].GetAttribute("value"));
        Assert.Contains("Market-share artifact", sampled.Markup);
        Assert.Contains("is required for market_sampled", sampled.Markup);
    }
}
