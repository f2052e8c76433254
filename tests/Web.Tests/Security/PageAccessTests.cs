using System.Reflection;
using Bunit;
using LabSandbox.Api.Components.Account;
using LabSandbox.Api.Components.Layout;
using LabSandbox.Api.Components.Pages;
using LabSandbox.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LabSandbox.Web.Tests.Security;

/// <summary>Which pages need a role (all but three; the operator pages the admin role), where someone not signed in is sent, and what the app bar says.</summary>
public sealed class PageAccessTests : LabComponentTest
{
    private static readonly Type[] Open = [typeof(SignIn), typeof(AccessDenied), typeof(NotFoundPage)];

    /// <summary>Every page of the feature folders carries the reader policy; these carry the admin policy on top.</summary>
    private static readonly Type[] AdminOnly = [typeof(LabSandbox.Api.Features.Operator.Pages.Operator)];

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var page in RoutablePages())
        {
            data.Add(page.FullName!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_page_needs_the_reader_role_except_sign_in_access_denied_and_not_found_and_operator_pages_the_admin_role(string pageName)
    {
        var page = RoutablePages().Single(t => t.FullName == pageName);
        var authorize = page.GetCustomAttributes<AuthorizeAttribute>().ToList();
        var anonymous = page.GetCustomAttribute<AllowAnonymousAttribute>() is not null;

        if (Open.Contains(page))
        {
            Assert.True(anonymous, $"{page.Name} must be open to someone not signed in");
        }
        else
        {
            Assert.False(anonymous, $"{page.Name} must not be open");
            string?[] expected = AdminOnly.Contains(page) ? [LabPolicies.Admin, LabPolicies.Reader] : [LabPolicies.Reader];
            Assert.Equal(expected, authorize.Select(a => a.Policy).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void The_pages_found_include_the_known_ones()
    {
        var names = RoutablePages().Select(t => t.Name).ToList();
        Assert.Contains("NewRun", names);
        Assert.Contains("Home", names);
        Assert.Contains("SignIn", names);
        Assert.True(names.Count >= 24, string.Join(", ", names));
    }

    [Fact]
    public void Someone_not_signed_in_is_sent_to_sign_in_with_the_page_to_return_to()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/runs/new?kind=simulation");

        Render<RedirectToSignIn>();

        Assert.EndsWith("/sign-in?returnUrl=%2Fruns%2Fnew%3Fkind%3Dsimulation", navigation.Uri);
    }

    [Fact]
    public void The_app_bar_says_local_mode_for_the_local_user()
    {
        var cut = Render<UserMenu>();

        Assert.Equal("Local mode — no authentication", cut.Find("[data-testid=local-mode]").TextContent);
        Assert.Empty(cut.FindAll("form"));
    }

    [Fact]
    public void The_app_bar_shows_a_key_sessions_name_and_role_and_a_sign_out_form()
    {
        SignInAs("ana", LabPolicies.Analyst);

        var cut = Render<UserMenu>();

        Assert.Equal("ana · analyst", cut.Find("[data-testid=signed-in-user]").TextContent);
        var form = cut.Find("form[data-testid=sign-out]");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/sign-out", form.GetAttribute("action"));
        Assert.Equal("submit", form.QuerySelector("button")!.GetAttribute("type"));
    }

    private static IEnumerable<Type> RoutablePages() =>
        typeof(Program).Assembly.GetTypes().Where(t => t.GetCustomAttributes<RouteAttribute>().Any()).OrderBy(t => t.FullName, StringComparer.Ordinal);
}
