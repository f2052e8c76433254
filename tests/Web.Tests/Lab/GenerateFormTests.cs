using System.Text.Json.Nodes;
using Bunit;
using LabSandbox.Api.Features.Lab;
using LabSandbox.Api.Features.Lab.Components;
using Xunit;

namespace LabSandbox.Web.Tests.Lab;

public sealed class GenerateFormTests : LabComponentTest
{
    [Fact]
    public void The_default_config_is_the_honest_ridge_one_and_its_body_is_the_apis()
    {
        var body = JsonNode.Parse(new LabConfigForm().ToRequestJson())!.AsObject();

        Assert.Equal("""{"advancementModel":{"kind":"kenpom-logistic","sigma":10},"marketModel":"ridge","optimizerKey":"dp-v1","startingState":"post_first_four","excludedEntry":"lab_marked"}""",
            body.ToJsonString());
    }

    [Fact]
    public void An_empty_sigma_is_left_out_so_the_api_default_applies()
    {
        var body = JsonNode.Parse(new LabConfigForm { Sigma = null }.ToRequestJson())!;

        Assert.Null(body["advancementModel"]!["sigma"]);
    }

    [Fact]
    public void The_form_shows_its_fields_and_submits_the_config()
    {
        var form = new LabConfigForm();
        LabConfigForm? submitted = null;
        var cut = Render<GenerateForm>(p => p.Add(x => x.Form, form).Add(x => x.OnSubmit, f => submitted = f));

        foreach (var label in new[] { "Market model", "Starting state", "Excluded entry", "Advancement model", "Sigma (σ)", "Optimizer" })
        {
            Assert.Contains(label, cut.Markup);
        }

        Assert.Empty(cut.FindAll("[role=alert]"));
        cut.Find("form").Submit();
        Assert.Same(form, submitted);
    }

    [Fact]
    public void The_apis_field_errors_show_under_their_fields()
    {
        var errors = new Dictionary<string, string[]>
        {
            ["advancementModel.sigma"] = ["'advancementModel.sigma' must be a finite number greater than 0."],
            ["startingState"] = ["'startingState' must be pre_tournament, post_first_four or through_round:N."],
        };
        var cut = Render<GenerateForm>(p => p.Add(x => x.Form, new LabConfigForm { Sigma = -1 }).Add(x => x.Errors, errors));

        var messages = cut.FindAll(".mud-input-error").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains(messages, m => m.Contains("'advancementModel.sigma' must be a finite number greater than 0."));
        Assert.Contains(messages, m => m.Contains("'startingState' must be"));
        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    [Fact]
    public void An_error_on_a_field_the_form_lacks_and_a_refusal_show_above_the_form()
    {
        var errors = new Dictionary<string, string[]> { ["colour"] = ["Unknown field 'colour'."] };
        var cut = Render<GenerateForm>(p => p.Add(x => x.Form, new LabConfigForm()).Add(x => x.Errors, errors)
            .Add(x => x.Problem, "The run failed 3 times in a row."));

        var alert = cut.Find("[role=alert]");
        Assert.Contains("colour", alert.TextContent);
        Assert.Contains("Unknown field 'colour'.", alert.TextContent);
        Assert.Contains("The run failed 3 times in a row.", alert.TextContent);
    }

    [Fact]
    public void A_busy_form_does_not_submit_twice()
    {
        var calls = 0;
        var cut = Render<GenerateForm>(p => p.Add(x => x.Form, new LabConfigForm()).Add(x => x.Busy, true).Add(x => x.OnSubmit, _ => calls++));

        Assert.True(cut.Find("button[type=submit]").HasAttribute("disabled"));
        cut.Find("form").Submit();
        Assert.Equal(0, calls);
    }

    [Fact]
    public void A_prerendered_form_waits_for_the_page_to_be_interactive()
    {
        var calls = 0;
        var cut = Render<GenerateForm>(p => p.Add(x => x.Form, new LabConfigForm()).Add(x => x.Ready, false).Add(x => x.OnSubmit, _ => calls++));

        Assert.True(cut.Find("button[type=submit]").HasAttribute("disabled"));
        cut.Find("form").Submit();
        Assert.Equal(0, calls);
    }
}
