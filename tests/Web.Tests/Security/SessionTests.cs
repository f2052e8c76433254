using System.Security.Claims;
using LabSandbox.Api.Components.Account;
using LabSandbox.Api.Components.Shared;
using LabSandbox.Api.Infrastructure.Security;
using LabSandbox.Grains.Interfaces.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Xunit;

namespace LabSandbox.Web.Tests.Security;

/// <summary>The user a page sees, where sign-in may send them back to, and the actor a circuit's grain calls carry.</summary>
public sealed class SessionTests
{
    [Fact]
    public void A_key_session_is_its_name_and_role_and_local_mode_is_told_apart_by_the_missing_key_hash()
    {
        var session = LabUser.From(Principal("ana", LabPolicies.Analyst, withKey: true));
        var local = LabUser.From(Principal(LabActor.Local, LabPolicies.Admin, withKey: false));
        var keyNamedLocal = LabUser.From(Principal(LabActor.Local, LabPolicies.Reader, withKey: true));

        Assert.Equal(new LabUser("ana", "analyst", true, false), session);
        Assert.True(session.Can(LabPolicies.Reader) && session.Can(LabPolicies.Analyst) && !session.Can(LabPolicies.Admin));
        Assert.True(local.IsLocal && local.Can(LabPolicies.Admin));
        Assert.False(keyNamedLocal.IsLocal);
        Assert.False(LabUser.From(new ClaimsPrincipal(new ClaimsIdentity())).Can(LabPolicies.Reader));
    }

    [Theory]
    [InlineData("/runs/new?kind=simulation", "/runs/new?kind=simulation")]
    [InlineData("/", "/")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/runs\\..\\x", "/")]
    [InlineData("/runs\r\nSet-Cookie: x", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("/sign-in?returnUrl=/runs", "/")]
    public void Sign_in_returns_only_to_a_local_path(string? returnUrl, string expected) =>
        Assert.Equal(expected, SignInReturnUrl.Sanitize(returnUrl));

    [Fact]
    public async Task Every_inbound_circuit_activity_runs_as_the_signed_in_user_and_restores_the_actor_after()
    {
        var handler = new CircuitActorHandler(new FixedState(Principal("ana", LabPolicies.Analyst, withKey: true)));
        string? inside = null;

        await handler.CreateInboundActivityHandler(_ =>
        {
            inside = LabActor.Current;
            return Task.CompletedTask;
        })(null!);

        Assert.Equal("ana", inside);
        Assert.Equal(LabActor.System, LabActor.Current);
    }

    [Fact]
    public async Task A_circuit_without_a_user_sets_no_actor()
    {
        var handler = new CircuitActorHandler(new FixedState(new ClaimsPrincipal(new ClaimsIdentity())));
        string? inside = null;

        await handler.CreateInboundActivityHandler(_ =>
        {
            inside = LabActor.Current;
            return Task.CompletedTask;
        })(null!);

        Assert.Equal(LabActor.System, inside);
    }

    [Fact]
    public async Task A_session_stays_valid_only_while_its_key_is_active_with_the_same_name_and_role()
    {
        var ana = Principal("ana", LabPolicies.Analyst, withKey: true);
        var sha = new string('b', 64);
        var active = new ApiKeyRecord("ana", LabPolicies.Analyst, sha, "lsk_abcd…", DateTimeOffset.UnixEpoch, null);

        Assert.True(await SessionRevalidator.IsStillValidAsync(ana, Registry(_ => active)));
        Assert.False(await SessionRevalidator.IsStillValidAsync(ana, Registry(_ => null)));
        Assert.False(await SessionRevalidator.IsStillValidAsync(ana, Registry(_ => active with { Role = LabPolicies.Reader })));
        Assert.True(await SessionRevalidator.IsStillValidAsync(Principal(LabActor.Local, LabPolicies.Admin, withKey: false),
            Registry(_ => throw new InvalidOperationException("local mode never asks"))));
    }

    private static IApiKeyRegistryGrain Registry(Func<string, ApiKeyRecord?> find) =>
        LabSandbox.Web.Tests.Simulations.Answering.Create<IApiKeyRegistryGrain>((method, args) =>
            method.Name == nameof(IApiKeyRegistryGrain.FindAsync) ? Task.FromResult(find((string)args[0]!)) : throw new NotSupportedException(method.Name));

    private static ClaimsPrincipal Principal(string name, string role, bool withKey)
    {
        List<Claim> claims = [new(ClaimTypes.Name, name), new(ClaimTypes.Role, role)];
        if (withKey)
        {
            claims.Add(new Claim(LabUser.KeyClaim, new string('b', 64)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private sealed class FixedState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
