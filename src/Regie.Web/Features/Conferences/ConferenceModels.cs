using Regie.Domain.Care;
using Regie.Web.Features.Api;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Conferences;

/// <summary>When and where: date dd-mm-jjjj (or jjjj-mm-dd), times uu:mm in Dutch time, a place or an https link (or both).</summary>
public class ScheduleInput
{
    [Required, OneOf(typeof(ConferenceKind))] public string? Soort { get; set; }
    [Required] public string? Datum { get; set; }
    [Required] public string? Begintijd { get; set; }
    [Required] public string? Eindtijd { get; set; }
    public string? Plaats { get; set; }
    public string? Link { get; set; }

    public ConferenceFields ToFields() => new(Soort, Datum, Begintijd, Eindtijd, Plaats, Link);
}

/// <summary>A new conference: when and where, and who is invited.</summary>
public sealed class ConferenceInput : ScheduleInput
{
    [Required] public List<InviteeInput> Genodigden { get; set; } = [];
}

/// <summary>
/// One invitee. <c>soort</c> Huishoudlid, Netwerklid, Betrokkene or Verwijzing points with <c>referentieId</c> at a member
/// (person), a current network member, an involvement or an open referral of the household; Anders is someone named with an
/// e-mail address.
/// </summary>
public sealed class InviteeInput
{
    [Required, OneOf(typeof(InviteeKind))] public string? Soort { get; set; }
    public Guid? ReferentieId { get; set; }
    public string? Naam { get; set; }
    public string? Email { get; set; }

    public InviteeFields ToFields() => new(Soort, ReferentieId, Naam, Email);
}

/// <summary>More invitees for a planned conference: each gets an invitation with the calendar file.</summary>
public sealed class AddInviteesInput
{
    [Required] public List<InviteeInput> Genodigden { get; set; } = [];
    public int Versie { get; set; }
}

/// <summary>Withdrawing an invitation: the version of the conference the user saw.</summary>
public sealed class WithdrawInviteeInput
{
    public int Versie { get; set; }
}

/// <summary>Moving a planned conference (or changing its place): the invitees get an update.</summary>
public sealed class RescheduleInput : ScheduleInput
{
    public int Versie { get; set; }
}

public sealed class CancelInput
{
    public string? Reden { get; set; }
    public int Versie { get; set; }
}

public sealed class AttendanceInput
{
    [Required] public List<AttendanceLine> Aanwezigheid { get; set; } = [];
    public int Versie { get; set; }
}

public sealed class AttendanceLine
{
    public Guid GenodigdeId { get; set; }
    [Required, OneOf(typeof(Attendance))] public string? Aanwezigheid { get; set; }
}

public sealed class MinutesInput
{
    public string? Verslag { get; set; }
    public List<string?> Besluiten { get; set; } = [];
    public int Versie { get; set; }
}

public sealed class PlanVersionInput
{
    [Required] public int? Planversie { get; set; }
    public int Versie { get; set; }
}

/// <summary>A conference in a list.</summary>
public sealed record ConferenceSummary(Guid Id, ConferenceKind Soort, ConferenceStatus Status, DateTime Begin, DateTime Eind, string? Plaats, bool Online,
    string Organisator, int Genodigden);

public sealed record InviteeView(Guid Id, InviteeKind Soort, Guid? ReferentieId, string Naam, string? Email, Attendance Aanwezigheid);

/// <summary>A decision, with the goals and actions of the plan taken from it (<c>inHetPlan</c>).</summary>
public sealed record DecisionView(Guid Id, string Tekst, IReadOnlyList<PlanItemFromDecision> InHetPlan);

/// <summary>A goal (soort Doel) or action (soort Actie) of the plan taken from a decision.</summary>
public sealed record PlanItemFromDecision(string Soort, Guid Id, string Omschrijving);

/// <summary>A decision of a held conference, as a goal or action taken from it names it.</summary>
public sealed record DecisionSource(Guid Id, Guid OverlegId, ConferenceKind Soort, DateTime Begin, string Tekst)
{
    /// <summary>"uit besluit van het rondetafelgesprek van 27-11-2026 10:00": what the plan's version and the timeline say.</summary>
    public string Origin => $"uit besluit van het {ConferenceRules.Label(Soort).ToLowerInvariant()} van {Shared.Format.DateTime(Begin)}";
}

/// <summary>One conference: when, where, who was invited and who came, the minutes, the decisions and the plan version agreed.</summary>
public sealed record ConferenceView(Guid Id, Guid HuishoudenId, ConferenceKind Soort, ConferenceStatus Status, DateTime Begin, DateTime Eind, string? Plaats,
    string? Link, string Organisator, int Volgnummer, string? Verslag, string? Annuleringsreden, int? Planversie,
    IReadOnlyList<InviteeView> Genodigden, IReadOnlyList<DecisionView> Besluiten, int Versie);

/// <summary>Who may be invited: the household's members, its network, its involved professionals and the organisations of its open referrals.</summary>
public sealed record InviteeOption(InviteeKind Soort, Guid Id, string Naam, string? Email);
