using Bunit;
using LabSandbox.Api.Components.Shared;
using Microsoft.AspNetCore.Components;
using Xunit;

namespace LabSandbox.Web.Tests.Shared;

public sealed class LoadableTests : LabComponentTest
{
    [Fact]
    public void Loading_shows_a_status_and_not_the_content()
    {
        var cut = Render<Loadable>(p => p.Add(x => x.What, "Run").Add(x => x.Loading, true).Add(x => x.ChildContent, Content));

        Assert.Contains("Loading run", cut.Find("[role=status]").TextContent);
        Assert.Empty(cut.FindAll(".content"));
    }

    [Fact]
    public void An_error_is_a_readable_alert()
    {
        var cut = Render<Loadable>(p => p.Add(x => x.What, "Run").Add(x => x.Error, "the cluster is not reachable right now").Add(x => x.ChildContent, Content));

        var alert = cut.Find("[role=alert]");
        Assert.Contains("Could not load run", alert.TextContent);
        Assert.Contains("the cluster is not reachable right now", alert.TextContent);
        Assert.Empty(cut.FindAll(".content"));
    }

    [Fact]
    public void Not_found_names_the_id()
    {
        var cut = Render<Loadable>(p => p.Add(x => x.What, "Run").Add(x => x.Id, "run-nope-1").Add(x => x.NotFound, true).Add(x => x.ChildContent, Content));

        Assert.Equal("Run not found", cut.Find("h1").TextContent);
        Assert.Contains("run-nope-1", cut.Markup);
    }

    [Fact]
    public void Loaded_shows_the_content()
    {
        var cut = Render<Loadable>(p => p.Add(x => x.What, "Run").Add(x => x.ChildContent, Content));

        Assert.Single(cut.FindAll(".content"));
    }

    private static readonly RenderFragment Content = b => b.AddMarkupContent(0, "<p class=\"content\">here</p>");
}
