using Regie.Domain.Care;
using Regie.Domain.Common;

namespace Regie.Domain.Tests;

public sealed class EnumsTests
{
    [Theory]
    [InlineData("Wijkteam", TriageRoute.Wijkteam)]
    [InlineData("Loket", TriageRoute.Loket)]
    [InlineData("42", null)]
    [InlineData("0", null)]
    [InlineData("1", null)]
    [InlineData("Wijkteam, Loket", null)]
    [InlineData("wijkteam", null)]
    [InlineData(" Wijkteam", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("Buurtteam", null)]
    public void Only_named_members_are_accepted_from_a_form_or_the_api(string? input, TriageRoute? expected) =>
        Assert.Equal(expected, Enums.ParseDefined<TriageRoute>(input));
}
