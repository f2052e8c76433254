using LabSandbox.Api.Infrastructure.Security;
using LabSandbox.Grains.Security;
using Xunit;

namespace LabSandbox.Api.Tests.Security;

/// <summary>The roles a key can be given are exactly the API's policies, in the same order (least to most privileged).</summary>
public sealed class RoleNamesTests
{
    [Fact]
    public void The_registry_accepts_exactly_the_roles_the_api_has_policies_for()
    {
        Assert.Equal(["reader", "analyst", "admin"], LabPolicies.Roles);
        Assert.Equal(LabPolicies.Roles, ApiKeyRules.Roles);
    }
}
