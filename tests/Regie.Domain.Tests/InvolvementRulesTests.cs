using Regie.Domain.Assessment;
using Regie.Domain.Common;
using Regie.Domain.Registry;

namespace Regie.Domain.Tests;

public sealed class InvolvementRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static (InvolvementRegistration? Registration, IReadOnlyList<(string Code, string Field)> Errors) Check(string? domain = null, string? contact = "Anja de Vries",
        string? phone = "14 0999", string? email = null, string? start = null, string? reason = "Lopend schuldhulptraject")
    {
        var errors = new ErrorList();
        var registration = InvolvementRules.CheckRegistration(domain, contact, phone, email, start, reason, Today, errors);
        return (registration, errors.Errors.Select(e => (e.Code, e.Field)).ToList());
    }

    [Fact]
    public void A_complete_registration_starts_today_unless_a_start_is_given()
    {
        var (registration, errors) = Check(domain: "Financien", email: " anja@voorbeeld.nl ");
        Assert.Empty(errors);
        Assert.Equal(new InvolvementRegistration(ZrmDomain.Financien, "Anja de Vries", "14 0999", "anja@voorbeeld.nl", Today, "Lopend schuldhulptraject"), registration);
        Assert.Equal(new DateOnly(2026, 10, 1), Check(start: "01-10-2026").Registration!.StartedOn);
        Assert.Null(Check().Registration!.Domain);
    }

    [Theory]
    [InlineData(null, "14 0999", null)]
    [InlineData("Anja de Vries", null, null)]
    [InlineData("Anja de Vries", " ", "")]
    public void A_contact_needs_a_name_and_a_phone_number_or_an_email_address(string? contact, string? phone, string? email)
    {
        var (registration, errors) = Check(contact: contact, phone: phone, email: email);
        Assert.Null(registration);
        Assert.Equal([(InvolvementRules.ContactRequiredCode, "Contactpersoon")], errors);
    }

    [Fact]
    public void The_reason_is_required_and_a_reason_too_long_is_reported_once()
    {
        Assert.Equal([(InvolvementRules.ReasonRequiredCode, "Reden")], Check(reason: "  ").Errors);
        Assert.Equal([(TextRules.TooLongCode, "Reden")], Check(reason: new string('x', InvolvementRules.ReasonMaxLength + 1)).Errors);
    }

    [Theory]
    [InlineData("morgen")]
    [InlineData("23-11-2026")]
    public void The_start_is_a_date_not_in_the_future(string start) =>
        Assert.Equal([(InvolvementRules.StartDateInvalidCode, "Startdatum")], Check(start: start).Errors);

    [Fact]
    public void An_unknown_domain_is_refused_and_every_error_is_reported_at_once()
    {
        var (registration, errors) = Check(domain: "Geluk", contact: null, start: "morgen", reason: null);
        Assert.Null(registration);
        Assert.Equal([(InvolvementRules.DomainInvalidCode, "Leefgebied"), (InvolvementRules.ContactRequiredCode, "Contactpersoon"),
            (InvolvementRules.StartDateInvalidCode, "Startdatum"), (InvolvementRules.ReasonRequiredCode, "Reden")], errors);
    }

    [Fact]
    public void Errors_before_the_check_do_not_make_a_valid_registration_fail()
    {
        var errors = new ErrorList();
        errors.Add(new DomainError(Bsn.InvalidCode, "Bsn", "BSN"));
        Assert.NotNull(InvolvementRules.CheckRegistration(null, "Anja", null, "a@b.nl", null, "Reden", Today, errors));
        Assert.Single(errors.Errors);
    }
}
