namespace Regie.Domain.Access;

/// <summary>The names of the staff roles, as stored in the database (do not rename); the web layer's roles read them from here.</summary>
public static class RoleNames
{
    public const string Professional = "professional";
    public const string Teamleider = "teamleider";
    public const string Consulent = "consulent";
    public const string Afdeling = "afdeling";
    public const string Partner = "partner";
    public const string Beleid = "beleid";
    public const string Privacy = "privacy";
    public const string Beheerder = "beheerder";
    /// <summary>Handles the signals of payment arrears (vroegsignalering): at the municipality or at its debt-help partner.</summary>
    public const string Vroegsignalering = "vroegsignalering";

    public static readonly IReadOnlyList<string> All = [Professional, Teamleider, Consulent, Afdeling, Partner, Beleid, Privacy, Beheerder, Vroegsignalering];
}
