using Regie.Domain.Access;

namespace Regie.Web.Infrastructure;

/// <summary>The roles of DOMAIN.md "Who uses Regie". Names are stored in the database: do not rename.</summary>
public static class Roles
{
    public const string Professional = RoleNames.Professional;
    public const string Teamleider = RoleNames.Teamleider;
    public const string Consulent = RoleNames.Consulent;
    public const string Afdeling = RoleNames.Afdeling;
    public const string Partner = RoleNames.Partner;
    public const string Beleid = RoleNames.Beleid;
    public const string Privacy = RoleNames.Privacy;
    public const string Beheerder = RoleNames.Beheerder;
    public const string Vroegsignalering = RoleNames.Vroegsignalering;

    public static IReadOnlyList<string> All => RoleNames.All;

    public static string Label(string role) => role switch
    {
        Professional => "Wijkteammedewerker (regisseur)",
        Teamleider => "Teamleider",
        Consulent => "Wmo-/jeugdconsulent",
        Afdeling => "Medewerker vakafdeling",
        Partner => "Partnerorganisatie",
        Beleid => "Beleidsmedewerker",
        Privacy => "Privacy officer",
        Beheerder => "Functioneel beheerder",
        Vroegsignalering => "Medewerker vroegsignalering",
        _ => role,
    };
}
