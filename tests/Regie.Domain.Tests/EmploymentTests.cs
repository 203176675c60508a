using Regie.Domain.Coordination;

namespace Regie.Domain.Tests;

public sealed class EmploymentTests
{
    private static readonly Guid Provider = Guid.Parse("0190aaaa-0000-7000-8000-000000000001");
    private static readonly Guid Other = Guid.Parse("0190aaaa-0000-7000-8000-000000000002");

    [Fact]
    public void Referral_to_the_provider_that_seconds_the_professional_is_towards_the_own_employer()
    {
        Assert.True(Employment.IsOwnEmployer(Provider, Provider));
        Assert.False(Employment.IsOwnEmployer(Provider, Other));
        Assert.False(Employment.IsOwnEmployer(null, Provider));
        Assert.False(Employment.IsOwnEmployer(Provider, null));
    }

    [Theory]
    [InlineData(EmployerKind.Gemeente, true)]
    [InlineData(EmployerKind.EigenOrganisatie, true)]
    [InlineData(EmployerKind.Aanbieder, false)]
    public void Staff_paid_by_a_provider_are_not_independent(EmployerKind kind, bool independent) =>
        Assert.Equal(independent, Employment.IsIndependent(kind));

    [Fact]
    public void Seconded_staff_must_name_the_provider()
    {
        Assert.Equal(Employment.EmployerOrganisationRequiredCode, Employment.Check(EmployerKind.Aanbieder, null)?.Code);
        Assert.Null(Employment.Check(EmployerKind.Aanbieder, Provider));
        Assert.Null(Employment.Check(EmployerKind.Gemeente, null));
    }
}
