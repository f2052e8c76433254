using System.Text.Json.Nodes;
using Bunit;
using LabSandbox.Api.Features.Experiments;
using LabSandbox.Api.Features.Experiments.Components;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Web.Tests.Simulations;
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

    [Fact]
    public async Task A_blank_field_parameters_artifact_is_fitted_by_the_pools_field_fit_run()
    {
        var started = new List<(string Kind, string Json)>();
        var (client, fake) = FakeCluster.Create();
        fake.With(_ => Answering.Create<IRunFactoryGrain>((m, a) => m.Name == nameof(IRunFactoryGrain.StartSpecDerivedAsync)
                ? Start(started, (string)a[0]!, (string)a[1]!)
                : throw new NotSupportedException(m.Name)))
            .With(key => Answering.Create<IRunGrain>((m, _) => m.Name == nameof(IRunGrain.GetAsync)
                ? Task.FromResult<RunSnapshot?>(new RunSnapshot((string)key, new RunSpec("field_fit", "{}", "h", [], [], null, "v"), RunStatus.Succeeded,
                    false, 1, null, null, DateTimeOffset.UnixEpoch, null, null, [new ArtifactRef("art-field-fit", "field_parameters")], 3))
                : throw new NotSupportedException(m.Name)));
        var steps = new List<string>();

        var (artifactId, error) = await ExperimentInputs.PrepareFieldAsync(client, "calcutta-2025", "market_sampled", steps.Add, CancellationToken.None);

        Assert.Null(error);
        Assert.Equal("art-field-fit", artifactId);
        var (kind, json) = Assert.Single(started);
        Assert.Equal("field_fit", kind);
        Assert.Equal("""{"calcuttaId":"calcutta-2025","fieldModel":"market_sampled"}""", json);
        Assert.Equal(["Fitting the market_sampled field on the other years' pools…"], steps);
    }

    private static Task<RunStart> Start(List<(string, string)> started, string kind, string json)
    {
        started.Add((kind, json));
        return Task.FromResult(new RunStart(RunStartOutcome.Started, "run-field-fit-1", RunStatus.Queued, null, new Dictionary<string, string[]>(), null));
    }
}
