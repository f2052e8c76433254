using System.Text.Json.Nodes;
using Bunit;
using LabSandbox.Api.Features.Experiments;
using LabSandbox.Api.Features.Experiments.Components;
using Xunit;

namespace LabSandbox.Web.Tests.Experiments;

/// <summary>The opponent field on the new-experiment form: real (hindsight, the default) or modeled (honest).</summary>
public sealed class ExperimentFieldModelTests : LabComponentTest
{
    [Fact]
    public void The_real_field_leaves_the_request_as_it_was_and_a_modeled_one_sends_its_model_and_parameters()
    {
        var form = new ExperimentForm { CalcuttaId = "calcutta-2025", FieldParametersArtifactId = "art-ignored" };
        var real = JsonNode.Parse(form.ToRequestJson())!.AsObject();
        Assert.False(real.ContainsKey("fieldModel"));
        Assert.False(real.ContainsKey("fieldParametersArtifactId"));

        (form.FieldModel, form.FieldParametersArtifactId) = ("history_resampled", " art-field ");
        var modeled = JsonNode.Parse(form.ToRequestJson())!.AsObject();
        Assert.Equal("history_resampled", modeled["fieldModel"]!.GetValue<string>());
        Assert.Equal("art-field", modeled["fieldParametersArtifactId"]!.GetValue<string>());

        form.FieldParametersArtifactId = null;
        Assert.False(JsonNode.Parse(form.ToRequestJson())!.AsObject().ContainsKey("fieldParametersArtifactId"));
    }

    [Fact]
    public void The_field_select_says_which_fields_are_hindsight_and_asks_for_parameters_only_for_a_modeled_one()
    {
        var real = Render<FieldModelFields>(p => p.Add(x => x.Form, new ExperimentForm()));

        Assert.Equal("real (hindsight)", real.Find("input").GetAttribute("value"));
        Assert.Contains("a best response in hindsight", real.Markup);
        Assert.DoesNotContain("Field parameters artifact", real.Markup);

        var modeled = Render<FieldModelFields>(p => p.Add(x => x.Form, new ExperimentForm { FieldModel = "market_sampled" })
            .Add(x => x.Errors, new Dictionary<string, string[]> { ["fieldParametersArtifactId"] = ["Artifact 'art-x' is not a field_parameters artifact."] }));

        Assert.Equal("market_sampled (honest)", modeled.FindAll("input")[0].GetAttribute("value"));
        Assert.Contains("Field parameters artifact", modeled.Markup);
        Assert.Contains("is not a field_parameters artifact", modeled.Markup);
    }

    [Fact]
    public void A_result_against_a_modeled_field_is_labelled_honest_and_one_against_the_real_field_hindsight()
    {
        var honest = Render<FinalComparison>(p => p.Add(x => x.Result, ExperimentFixtures.Result()).Add(x => x.FieldModel, "history_resampled"));
        var hindsight = Render<FinalComparison>(p => p.Add(x => x.Result, ExperimentFixtures.Result()));

        Assert.Contains("Honest result.", honest.Find(".honest-note").TextContent);
        Assert.Contains("history_resampled", honest.Find(".honest-note").TextContent);
        Assert.Empty(honest.FindAll(".hindsight-note"));
        Assert.Contains("Hindsight result.", hindsight.Find(".hindsight-note").TextContent);
        Assert.Empty(hindsight.FindAll(".honest-note"));
    }
}
