using Regie.Domain.Access;
using Regie.Domain.Coordination;

namespace Regie.Domain.Tests;

public sealed class StaffRulesTests
{
    private static readonly Guid Provider = Guid.Parse("0190aaaa-0000-7000-8000-000000000001");

    [Theory]
    [InlineData(null, null)]
    [InlineData(" ", null)]
    [InlineData("Gemeente", EmployerKind.Gemeente)]
    [InlineData("Aanbieder", EmployerKind.Aanbieder)]
    public void An_employer_kind_is_one_of_the_kinds_or_not_recorded(string? value, EmployerKind? expected)
    {
        Assert.Null(StaffRules.ReadEmployerKind(value, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData("Zzp")]
    [InlineData("7")]
    public void Another_employer_kind_is_refused_at_the_field(string value)
    {
        var error = StaffRules.ReadEmployerKind(value, out var kind);
        Assert.Equal((StaffRules.EmployerKindInvalidCode, "Werkgever"), (error?.Code, error?.Field));
        Assert.Null(kind);
    }

    [Fact]
    public void Only_staff_not_employed_by_the_municipality_keep_an_employer_organisation()
    {
        Assert.Null(StaffRules.EmployerOrganisation(EmployerKind.Gemeente, Provider));
        Assert.Null(StaffRules.EmployerOrganisation(null, Provider));
        Assert.Equal(Provider, StaffRules.EmployerOrganisation(EmployerKind.Aanbieder, Provider));
        Assert.Equal(Provider, StaffRules.EmployerOrganisation(EmployerKind.EigenOrganisatie, Provider));
    }

    [Fact]
    public void The_employer_organisation_must_exist_and_seconded_staff_must_name_it()
    {
        Assert.Null(StaffRules.CheckEmployment(EmployerKind.Aanbieder, Provider, organisationExists: true));
        Assert.Null(StaffRules.CheckEmployment(EmployerKind.Gemeente, null, organisationExists: false));
        Assert.Null(StaffRules.CheckEmployment(null, null, organisationExists: false));
        var unknown = StaffRules.CheckEmployment(EmployerKind.Aanbieder, Provider, organisationExists: false);
        Assert.Equal((StaffRules.EmployerOrganisationUnknownCode, "WerkgeverOrganisatieId"), (unknown?.Code, unknown?.Field));
        var missing = StaffRules.CheckEmployment(EmployerKind.Aanbieder, null, organisationExists: false);
        Assert.Equal((Employment.EmployerOrganisationRequiredCode, "WerkgeverOrganisatieId"), (missing?.Code, missing?.Field));
    }

    [Theory]
    [InlineData("Ja", true)]
    [InlineData(" Ja ", true)]
    [InlineData("Nee", false)]
    public void Aandachtsfunctionaris_is_ja_or_nee(string value, bool expected)
    {
        Assert.Null(StaffRules.ReadAandachtsfunctionaris(value, out var on));
        Assert.Equal(expected, on);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Misschien")]
    [InlineData("ja")]
    public void Any_other_choice_for_aandachtsfunctionaris_is_refused(string? value)
    {
        var error = StaffRules.ReadAandachtsfunctionaris(value, out var on);
        Assert.Equal((StaffRules.AandachtsfunctionarisChoiceCode, "Aandachtsfunctionaris"), (error?.Code, error?.Field));
        Assert.False(on);
    }

    [Fact]
    public void A_two_factor_reset_is_for_a_colleague_with_two_factor_on_and_a_reason()
    {
        const string reason = "Telefoon kwijt, gebeld en teruggebeld";
        Assert.Null(StaffRules.CheckTwoFactorReset(false, true, "Koen", reason));
        Assert.Equal(StaffRules.TwoFactorResetOwnCode, StaffRules.CheckTwoFactorReset(true, true, "Koen", reason)?.Code);
        Assert.Equal(StaffRules.TwoFactorNotEnabledCode, StaffRules.CheckTwoFactorReset(false, false, "Koen", reason)?.Code);
        Assert.Contains("Koen", StaffRules.CheckTwoFactorReset(false, false, "Koen", reason)?.Message);
        var tooShort = StaffRules.CheckTwoFactorReset(false, true, "Koen", "  kwijt    ");
        Assert.Equal((StaffRules.TwoFactorResetReasonCode, "Reden"), (tooShort?.Code, tooShort?.Field));
        Assert.Equal(StaffRules.TwoFactorResetReasonCode, StaffRules.CheckTwoFactorReset(false, true, "Koen", null)?.Code);
        Assert.Null(StaffRules.CheckTwoFactorReset(false, true, "Koen", new string('x', StaffRules.TwoFactorResetReasonMinLength)));
    }
}
