using Regie.Domain.Care;
using Regie.Domain.Referrals;

namespace Regie.Domain.Tests;

public sealed class LightSupportDelivererTests
{
    [Fact]
    public void A_chosen_team_member_not_found_is_refused_on_medewerker()
    {
        var error = LightSupportRules.DelivererMissing(staffChosen: true, organisationChosen: true);
        Assert.Equal((LightSupportRules.DelivererRequiredCode, "MedewerkerId", "Kies een medewerker uit de lijst."), (error.Code, error.Field, error.Message));
    }

    [Fact]
    public void A_chosen_organisation_not_found_is_refused_on_organisatie()
    {
        var error = LightSupportRules.DelivererMissing(staffChosen: false, organisationChosen: true);
        Assert.Equal((LightSupportRules.DelivererRequiredCode, "OrganisatieId", "Kies een organisatie uit de lijst."), (error.Code, error.Field, error.Message));
    }

    [Fact]
    public void Without_a_deliverer_the_team_member_is_asked_for()
    {
        var error = LightSupportRules.DelivererMissing(staffChosen: false, organisationChosen: false);
        Assert.Equal((LightSupportRules.DelivererRequiredCode, "MedewerkerId"), (error.Code, error.Field));
        Assert.StartsWith("Kies wie de ondersteuning geeft", error.Message);
    }

    [Fact]
    public void Light_support_needs_an_active_plan()
    {
        var error = PlanRules.NoActivePlan();
        Assert.Equal((PlanRules.NoActivePlanCode, ""), (error.Code, error.Field));
    }
}
