namespace Regie.Web.Infrastructure;

/// <summary>The roles of DOMAIN.md "Who uses Regie". Names are stored in the database: do not rename.</summary>
public static class Roles
{
    public const string Professional = "professional";
    public const string Teamleider = "teamleider";
    public const string Consulent = "consulent";
    public const string Afdeling = "afdeling";
    public const string Partner = "partner";
    public const string Beleid = "beleid";
    public const string Privacy = "privacy";
    public const string Beheerder = "beheerder";

    public static readonly string[] All = [Professional, Teamleider, Consulent, Afdeling, Partner, Beleid, Privacy, Beheerder];

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
        _ => role,
    };
}
