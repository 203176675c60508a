using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Regie.Domain.Coordination;
using Regie.Web.Data;

namespace Regie.Web.Infrastructure.Demo;

public sealed record DemoLogin(string Email, string Role, string Name, string? Team, string? Organisation = null,
    EmployerKind? Employer = null, string? EmployerOrganisation = null, bool Aandachtsfunctionaris = false);

/// <summary>The demo accounts (one or more per role, all with the same password), the organisations they work for, and their creation.</summary>
public sealed partial class DemoSeeder
{
    public const string Password = "Regie-demo-2026!";

    /// <summary>Departments of the municipality and partners that register involvement and look residents up.</summary>
    public static readonly (string Name, string Kind, string Phone)[] Organisations =
    [
        ("Werk & Inkomen", OrganisationKinds.Afdeling, "14 0999"), ("Wonen", OrganisationKinds.Afdeling, "14 0999"), ("Handhaving", OrganisationKinds.Afdeling, "14 0999"),
        ("Leerplicht", OrganisationKinds.Afdeling, "14 0999"), ("Schuldhulpverlening", OrganisationKinds.Afdeling, "14 0999"),
        ("Woningcorporatie Thuis", OrganisationKinds.Partner, "0900 8844"), ("Zorgverzekeraar Zeker", OrganisationKinds.Partner, "0900 1122"), ("UWV", OrganisationKinds.Partner, "0900 9294"),
        ("Huisartsenpraktijk De Linde", OrganisationKinds.Partner, "0999 123456"), ("Basisschool De Klimop", OrganisationKinds.Partner, "0999 654321"),
        // The teams' own foundation, and a youth-care provider that seconds staff to a team and delivers support.
        ("Stichting Sociaal Werk Voorbeeld", OrganisationKinds.Partner, "0999 200300"), ("Zorgaanbieder De Brug", OrganisationKinds.Partner, "0999 400500"),
        // Signal partners of vroegsignalering besides the corporation and the insurer above.
        ("Energieleverancier Stroom", OrganisationKinds.Partner, "0900 7766"), ("Waterbedrijf Helder", OrganisationKinds.Partner, "0900 5533"),
    ];

    public static readonly DemoLogin[] Logins =
    [
        new("regisseur@voorbeeld.nl", Roles.Professional, "Fatima Bouzid", "Wijkteam Noord", Employer: EmployerKind.EigenOrganisatie, EmployerOrganisation: "Stichting Sociaal Werk Voorbeeld"),
        new("regisseur.zuid@voorbeeld.nl", Roles.Professional, "Koen Verhoeven", "Wijkteam Zuid", Employer: EmployerKind.Aanbieder, EmployerOrganisation: "Zorgaanbieder De Brug"),
        // The aandachtsfunctionaris of the Meldcode in the demo team: reads and works the team's Meldcode tracks.
        new("aandachtsfunctionaris@voorbeeld.nl", Roles.Professional, "Sanne Jansen", "Wijkteam Noord", Employer: EmployerKind.EigenOrganisatie,
            EmployerOrganisation: "Stichting Sociaal Werk Voorbeeld", Aandachtsfunctionaris: true),
        new("teamleider@voorbeeld.nl", Roles.Teamleider, "Marloes de Groot", "Wijkteam Noord", Employer: EmployerKind.Gemeente),
        new("consulent@voorbeeld.nl", Roles.Consulent, "Peter Smit", null, Employer: EmployerKind.Gemeente),
        new("werkeninkomen@voorbeeld.nl", Roles.Afdeling, "Ruud Hendriks", null, "Werk & Inkomen"),
        new("woningcorporatie@voorbeeld.nl", Roles.Partner, "Linda Meijer", null, "Woningcorporatie Thuis"),
        new("aanbieder@voorbeeld.nl", Roles.Partner, "Joost Dekker", null, "Zorgaanbieder De Brug"),
        new("beleid@voorbeeld.nl", Roles.Beleid, "Thomas Bos", null),
        new("privacy@voorbeeld.nl", Roles.Privacy, "Priya Ramdin", null),
        new("beheerder@voorbeeld.nl", Roles.Beheerder, "Anouk Visser", null),
        // Vroegsignalering is done by the municipality's debt-help department: signals in, help offered in time, the DDAS report.
        new("vroegsignalering@voorbeeld.nl", Roles.Vroegsignalering, "Yusuf Demir", null, "Schuldhulpverlening"),
    ];

    /// <summary>Roles and demo accounts; accounts that exist get the organisation and employer they lacked.</summary>
    private async Task SeedAccountsAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)));

        var teams = await db.Teams.ToDictionaryAsync(t => t.Name, t => t.Id, ct);
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id, ct);
        foreach (var login in Logins)
        {
            if (await users.FindByEmailAsync(login.Email) is { } existing)
            {
                // Accounts from before organisations had ids are linked on the next run.
                var changed = false;
                if (existing.OrganisationId is null && login.Organisation is { } name && organisations.TryGetValue(name, out var id))
                {
                    existing.OrganisationId = id;
                    changed = true;
                }
                // Accounts from before employers were recorded get theirs too.
                if (existing.EmployerKind is null && login.Employer is not null)
                {
                    existing.EmployerKind = login.Employer;
                    existing.EmployerOrganisationId = login.EmployerOrganisation is null ? null : organisations[login.EmployerOrganisation];
                    changed = true;
                }
                // Accounts from before the Meldcode get the aandachtsfunctionaris flag the demo gives them.
                if (login.Aandachtsfunctionaris && !existing.IsAandachtsfunctionaris)
                {
                    existing.IsAandachtsfunctionaris = true;
                    changed = true;
                }
                if (changed) Check(await users.UpdateAsync(existing));
                continue;
            }
            var user = new RegieUser
            {
                UserName = login.Email, Email = login.Email, EmailConfirmed = true, DisplayName = login.Name,
                Gemeentecode = Gemeentecode, TeamId = login.Team is null ? null : teams[login.Team], Organisation = login.Organisation,
                OrganisationId = login.Organisation is null ? null : organisations[login.Organisation],
                EmployerKind = login.Employer,
                EmployerOrganisationId = login.EmployerOrganisation is null ? null : organisations[login.EmployerOrganisation],
                IsAandachtsfunctionaris = login.Aandachtsfunctionaris,
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, login.Role));
        }
    }

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
    }
}
