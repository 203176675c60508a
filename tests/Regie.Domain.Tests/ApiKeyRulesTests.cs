using Regie.Domain.Access;

namespace Regie.Domain.Tests;

public sealed class ApiKeyRulesTests
{
    private static readonly ApiKeyRules.KeyUser Anna = new(RoleNames.Professional, false, "Wijkteam Noord");

    [Fact]
    public void An_unknown_municipality_is_refused_on_gemeente()
    {
        var error = ApiKeyRules.MunicipalityUnknown("0999");
        Assert.Equal((ApiKeyRules.MunicipalityUnknownCode, "gemeente"), (error.Code, error.Field));
    }

    [Fact]
    public void A_key_for_both_a_team_and_a_person_is_refused_on_team()
    {
        var error = ApiKeyRules.CheckScopeChoice("Noord", "anna@example.nl");
        Assert.Equal((ApiKeyRules.ScopeInvalidCode, "team"), (error?.Code, error?.Field));
        Assert.Null(ApiKeyRules.CheckScopeChoice("Noord", null));
    }

    [Fact]
    public void A_person_key_needs_a_known_account_with_a_role_its_own_role_an_open_account_and_its_own_organisation()
    {
        (string?, string?) Check(ApiKeyRules.KeyUser? user, string? role = null, string? org = null) =>
            ApiKeyRules.CheckPersonKey(" anna@example.nl ", "0363", user, role, org) is { } e ? (e.Code, e.Field) : (null, null);

        Assert.Equal((ApiKeyRules.UserUnknownCode, "user"), Check(null));
        Assert.Equal((ApiKeyRules.UserUnknownCode, "user"), Check(Anna with { Role = null }));
        Assert.Equal((ApiKeyRules.ScopeInvalidCode, "role"), Check(Anna with { LockedOut = true }, RoleNames.Teamleider));
        Assert.Equal((ApiKeyRules.ScopeInvalidCode, "user"), Check(Anna with { LockedOut = true }, RoleNames.Professional, "Ander"));
        Assert.Equal((ApiKeyRules.ScopeInvalidCode, "org"), Check(Anna, null, "Ander"));
        Assert.Equal((null, null), Check(Anna, RoleNames.Professional, " Wijkteam Noord "));
    }

    [Fact]
    public void A_team_key_needs_a_known_team_and_a_team_role()
    {
        var unknown = ApiKeyRules.CheckTeamKey("Noord", "0363", false, RoleNames.Professional);
        var wrongRole = ApiKeyRules.CheckTeamKey("Noord", "0363", true, RoleNames.Partner);
        Assert.Equal((ApiKeyRules.TeamUnknownCode, "team"), (unknown?.Code, unknown?.Field));
        Assert.Equal((ApiKeyRules.ScopeInvalidCode, "role"), (wrongRole?.Code, wrongRole?.Field));
        Assert.Null(ApiKeyRules.CheckTeamKey("Noord", "0363", true, RoleNames.Teamleider));
    }

    [Fact]
    public void A_team_role_without_team_or_person_is_refused_on_role()
    {
        var error = ApiKeyRules.CheckRoleNeedsTeam(RoleNames.Teamleider);
        Assert.Equal((ApiKeyRules.ScopeInvalidCode, "role"), (error?.Code, error?.Field));
        Assert.Null(ApiKeyRules.CheckRoleNeedsTeam(RoleNames.Afdeling));
    }

    [Fact]
    public void An_unknown_or_missing_role_is_refused_on_role()
    {
        Assert.Equal((ApiKeyRules.RoleInvalidCode, "role"), (ApiKeyRules.CheckRole("baas")?.Code, ApiKeyRules.CheckRole(null)?.Field));
        Assert.Null(ApiKeyRules.CheckRole(RoleNames.Beleid));
    }

    [Fact]
    public void A_partner_key_not_for_a_person_needs_a_registered_organisation()
    {
        var error = ApiKeyRules.CheckOrganisation("Zorg BV", "0363", false, RoleNames.Partner, false);
        Assert.Equal((ApiKeyRules.OrganisationUnknownCode, "org"), (error?.Code, error?.Field));
        Assert.Null(ApiKeyRules.CheckOrganisation("Zorg BV", "0363", true, RoleNames.Partner, false));
        Assert.Null(ApiKeyRules.CheckOrganisation("Zorg BV", "0363", false, RoleNames.Afdeling, false));
    }
}
