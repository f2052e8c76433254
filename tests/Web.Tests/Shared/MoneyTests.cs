using LabSandbox.Api.Components.Shared;
using Xunit;

namespace LabSandbox.Web.Tests.Shared;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(0L, "$0.00")]
    [InlineData(5L, "$0.05")]
    [InlineData(1904700L, "$19,047.00")]
    [InlineData(-25_401L, "-$254.01")]
    [InlineData(long.MinValue, "-$92,233,720,368,547,758.08")]
    public void Cents_are_shown_as_dollars_exactly(long cents, string expected) => Assert.Equal(expected, Money.Dollars(cents));

    [Fact]
    public void An_expectation_rounds_half_away_from_zero_to_the_cent() => Assert.Equal("$1.01", Money.Dollars(100.5));
}
