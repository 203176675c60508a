using Regie.Domain.Assessment;
using Regie.Domain.Registry;
using Regie.Web.Data;

namespace Regie.Web.Tests;

/// <summary>Issue 19: an involvement is made by <see cref="Involvement.Register"/> or <see cref="Involvement.RegisterTeam"/>; only its methods change it after that.</summary>
public sealed class InvolvementRegistrationTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateTime Now = new(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Organisation = Guid.CreateVersion7();

    private static InvolvementRegistration Registration(ZrmDomain? domain = ZrmDomain.Financien, string contact = "Anja de Vries", string reason = "Lopend schuldhulptraject") =>
        new(domain, contact, "14 0999", null, Today.AddDays(-10), reason);

    [Fact]
    public void An_organisation_registers_from_its_start_for_a_full_term_from_today()
    {
        var involvement = Involvement.Register("0014", "123456782", Organisation, Registration(), Today, 2, "Anja", Now);
        Assert.Equal(("0014", "123456782", Organisation, (Guid?)null, (Guid?)null), (involvement.Gemeentecode, involvement.Bsn, involvement.OrganisationId, involvement.TeamId, involvement.HouseholdId));
        Assert.Equal((ZrmDomain.Financien, "Anja de Vries", "14 0999", (string?)null, "Lopend schuldhulptraject"),
            (involvement.Domain!.Value, involvement.ContactName, involvement.ContactPhone, involvement.ContactEmail, involvement.Reason));
        Assert.Equal((Today.AddDays(-10), Today.AddYears(2), "Anja", Now), (involvement.StartedOn, involvement.ExpiresOn, involvement.RegisteredBy, involvement.CreatedAt));
        Assert.True(involvement.IsActiveOn(Today));
        Assert.NotEqual(Guid.Empty, involvement.Id);
    }

    [Fact]
    public void The_team_registers_from_today_for_its_household_without_a_reason()
    {
        var team = Guid.CreateVersion7();
        var household = Guid.CreateVersion7();
        var involvement = Involvement.RegisterTeam("0014", "123456782", team, household, new Involvement.Contact("Sanne", null, "sanne@team.nl"), Today, 2, "Sanne", Now);
        Assert.Equal((team, household, (Guid?)null, (string?)null), (involvement.TeamId, involvement.HouseholdId, involvement.OrganisationId, involvement.Reason));
        Assert.Equal(("Sanne", (string?)null, "sanne@team.nl"), (involvement.ContactName, involvement.ContactPhone, involvement.ContactEmail));
        Assert.Equal((Today, Today.AddYears(2)), (involvement.StartedOn, involvement.ExpiresOn));
    }

    [Fact]
    public void Registering_again_takes_the_new_contact_and_reason_keeps_the_domain_when_none_is_given_and_starts_a_new_term()
    {
        var involvement = Involvement.Register("0014", "123456782", Organisation, Registration(), Today.AddYears(-1), 2, "Anja", Now);
        involvement.Reregister(Registration(domain: null, contact: "Piet", reason: "Nieuwe aanvraag"), Today, 2);
        Assert.Equal((ZrmDomain.Financien, "Piet", "Nieuwe aanvraag", Today.AddYears(2), Today.AddDays(-10)),
            (involvement.Domain!.Value, involvement.ContactName, involvement.Reason, involvement.ExpiresOn, involvement.StartedOn));
        involvement.Reregister(Registration(domain: ZrmDomain.Huisvesting), Today, 2);
        Assert.Equal(ZrmDomain.Huisvesting, involvement.Domain);
    }

    [Fact]
    public void An_ended_involvement_is_neither_registered_again_nor_given_another_contact()
    {
        var involvement = Involvement.Register("0014", "123456782", Organisation, Registration(), Today, 2, "Anja", Now);
        involvement.ChangeContact(new Involvement.Contact("Piet", "06 12345678", "piet@voorbeeld.nl"));
        Assert.Equal(("Piet", "06 12345678", "piet@voorbeeld.nl"), (involvement.ContactName, involvement.ContactPhone, involvement.ContactEmail));
        involvement.End(Today, Involvement.WithdrawnReason);
        Assert.Throws<InvalidOperationException>(() => involvement.Reregister(Registration(contact: "Kees"), Today, 2));
        Assert.Throws<InvalidOperationException>(() => involvement.ChangeContact(new Involvement.Contact("Kees", null, null)));
        Assert.Equal(("Piet", "Lopend schuldhulptraject", Today.AddYears(2)), (involvement.ContactName, involvement.Reason, involvement.ExpiresOn));
    }
}
