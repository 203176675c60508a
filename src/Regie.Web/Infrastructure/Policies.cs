using Microsoft.AspNetCore.Authorization;

namespace Regie.Web.Infrastructure;

/// <summary>
/// Which roles reach which part of Regie. Whether a user may open one particular file is decided
/// per household by FileAccessService; these policies only keep roles out of whole areas.
/// </summary>
public static class Policies
{
    /// <summary>Household files: search, households, persons, timeline.</summary>
    public const string Files = "dossiers";
    /// <summary>Registering households and breaking the glass: the roles that give care.</summary>
    public const string Care = "zorg";
    /// <summary>Overseeing emergency access.</summary>
    public const string Oversight = "toezicht";
    /// <summary>The team lead's lists: stuck households, approvals.</summary>
    public const string TeamLead = "teamleiding";
    /// <summary>Municipal settings: the triage table.</summary>
    public const string Admin = "beheer";
    /// <summary>The involvement look-up and register: departments, partners and the care roles.</summary>
    public const string Lookup = "opvragen";
    /// <summary>Inkijk: a partner's people and systems look into the plans the household consented to.</summary>
    public const string Partner = "partner";
    /// <summary>Vroegsignalering: the signals, the worklist and the cases (issue 22).</summary>
    public const string Vroegsignalering = "vroegsignalering";
    /// <summary>The DDAS report to CBS: the vroegsignalering workers and policy.</summary>
    public const string Ddas = "ddas";

    public static void Add(AuthorizationOptions o)
    {
        o.AddPolicy(Files, p => p.RequireRole(Roles.Professional, Roles.Teamleider, Roles.Consulent, Roles.Partner));
        o.AddPolicy(Care, p => p.RequireRole(Roles.Professional, Roles.Teamleider, Roles.Consulent));
        o.AddPolicy(Oversight, p => p.RequireRole(Roles.Teamleider, Roles.Privacy));
        o.AddPolicy(TeamLead, p => p.RequireRole(Roles.Teamleider));
        o.AddPolicy(Admin, p => p.RequireRole(Roles.Beheerder));
        o.AddPolicy(Lookup, p => p.RequireRole(Roles.Afdeling, Roles.Partner, Roles.Professional, Roles.Teamleider, Roles.Consulent));
        o.AddPolicy(Partner, p => p.RequireRole(Roles.Partner));
        o.AddPolicy(Vroegsignalering, p => p.RequireRole(Roles.Vroegsignalering));
        o.AddPolicy(Ddas, p => p.RequireRole(Roles.Vroegsignalering, Roles.Beleid));
    }
}
