using Regie.Domain.Assessment;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using System.Globalization;

namespace Regie.Domain.Care;

// What a worker filled in, as typed, and what is left of it once every rule passed.
public sealed record GoalFields(string? Leefgebied, Guid? PersoonId, string? Wat, string? MeetbaarResultaat, string? Streefdatum, string? Wie, string? Status, string? Toelichting);
public sealed record GoalContent(ZrmDomain Domain, Guid? PersonId, string Wat, string MeetbaarResultaat, DateOnly Streefdatum, string Wie, GoalStatus Status, string? Toelichting);

public sealed record ActionFields(Guid? DoelId, string? Omschrijving, string? Uitvoerder, string? Naam, Guid? PersoonId, string? MedewerkerId, string? Deadline,
    Guid? NetwerkLidId = null, Guid? OrganisatieId = null);
public sealed record ActionContent(Guid? GoalId, string Omschrijving, ActionOwnerKind OwnerKind, string OwnerName, Guid? OwnerPersonId, string? OwnerUserId, DateOnly? Deadline,
    Guid? NetworkMemberId = null, Guid? OwnerOrganisationId = null);

public sealed record PlanFields(string? Afspraken, string? Evaluatiedatum, IReadOnlyList<string> Kaders);
public sealed record PlanContent(string? Afspraken, DateOnly? NextEvaluationOn, string? Frameworks);

public sealed record AgreementFields(Guid? PersoonId, string? Datum, string? Wijze);
public sealed record AgreementContent(Guid PersonId, string Name, DateOnly AgreedOn, string Wijze);

public sealed record EvaluationFields(string? Datum, string? Samenvatting, string? VolgendeEvaluatie, string? Cijfer);
public sealed record EvaluationContent(DateOnly HeldOn, string Summary, DateOnly? NextEvaluationOn, int? Rating);

/// <summary>
/// The rules of each change to a plan, in the order their errors are shown. <c>members</c> are the people who live
/// in the household now, by name: the only people a goal, an action or an agreement may name.
/// </summary>
public static partial class PlanRules
{
    public static DomainError? CheckCanStart(bool hasActivePlan) =>
        hasActivePlan ? new DomainError(PlanExistsCode, "", "Dit huishouden heeft al een actief plan. Eén huishouden, één plan.") : null;

    /// <summary>A closed plan is read-only; changes go to the household's active plan only.</summary>
    public static DomainError NoActivePlan() => new(NoActivePlanCode, "", "Dit huishouden heeft geen actief plan. Start eerst een plan.");

    public static PlanContent? CheckPlan(PlanFields f, DateOnly? currentEvaluation, DateOnly today, ErrorList errors)
    {
        var count = errors.Errors.Count;
        var afspraken = errors.Take(TextRules.Optional(f.Afspraken, "Afspraken", "de afspraken", AfsprakenMaxLength));
        // An evaluation date left as it was may lie in the past by now; only a new date must be ahead.
        var evaluation = f.Evaluatiedatum == DutchDate.Format(currentEvaluation) ? currentEvaluation : CheckEvaluationDate(f.Evaluatiedatum, today, errors);
        var frameworks = LegalFrameworks.ParseChosen(f.Kaders, "Kaders", errors);
        return errors.Errors.Count > count ? null : new PlanContent(afspraken, evaluation, LegalFrameworks.ToStored(frameworks));
    }

    /// <param name="current">The goal's status and target date before this change; null for a new goal.</param>
    public static GoalContent? CheckGoalChange(GoalFields f, IReadOnlyDictionary<Guid, string> members, (GoalStatus Status, DateOnly Target)? current, DateOnly today, ErrorList errors)
    {
        var count = errors.Errors.Count;
        var domain = Enums.ParseDefined<ZrmDomain>(f.Leefgebied);
        if (domain is null) errors.Add(new DomainError(DomainInvalidCode, "Leefgebied", "Kies het leefgebied van het doel."));
        if (f.PersoonId is { } pid && !members.ContainsKey(pid))
            errors.Add(new DomainError(MembershipRules.NotMemberCode, "PersoonId", "Kies iemand uit het huishouden, of het hele huishouden."));
        var target = CheckGoal(f.Wat, f.MeetbaarResultaat, f.Wie, f.Streefdatum, today, current?.Target, errors);
        var wat = errors.Take(TextRules.Optional(f.Wat, "Wat", "het doel", GoalWhatMaxLength));
        var meetbaar = errors.Take(TextRules.Optional(f.MeetbaarResultaat, "MeetbaarResultaat", "het meetbare resultaat", GoalMeasurableMaxLength));
        var wie = errors.Take(TextRules.Optional(f.Wie, "Wie", "wie", GoalWhoMaxLength));
        var toelichting = errors.Take(TextRules.Optional(f.Toelichting, "Toelichting", "de toelichting", GoalExplanationMaxLength));
        var status = GoalStatus.Open;
        if (!string.IsNullOrEmpty(f.Status) && !(Enum.TryParse(f.Status, out status) && Enum.IsDefined(status)))
            errors.Add(new DomainError(GoalStatusChangeCode, "Status", "Kies een status uit de lijst."));
        else if (current is { } c) CheckStatusChange(c.Status, status, errors);
        return errors.Errors.Count > count ? null : new GoalContent(domain!.Value, f.PersoonId, wat!, meetbaar!, target!.Value, wie!, status, toelichting);
    }

    /// <param name="isGoal">Whether a goal id is one of this plan's goals.</param>
    /// <param name="colleagueName">The chosen colleague's name in this municipality; null when none was chosen or they are unknown.</param>
    /// <param name="network">The household's current, consented network by name: the only people a network or volunteer action may name by id.</param>
    /// <param name="kept">
    /// The network member the action already names, with the owner's name: an existing action keeps them unchanged also after
    /// they ended, so the rule of the current network applies only to a member newly named.
    /// </param>
    /// <param name="organisations">
    /// The municipality's departments and partner organisations by name: an organisation's action names one by id, or by a name
    /// that is exactly one of theirs (ignoring case and outer spaces), and then belongs to it (what the organisation's inkijk
    /// shows). Any other name is an organisation outside Regie.
    /// </param>
    public static ActionContent? CheckActionChange(ActionFields f, Func<Guid, bool> isGoal, IReadOnlyDictionary<Guid, string> members, string? colleagueName,
        DateOnly today, ErrorList errors, IReadOnlyDictionary<Guid, string>? network = null, (Guid Id, string Name)? kept = null,
        IReadOnlyDictionary<Guid, string>? organisations = null)
    {
        var count = errors.Errors.Count;
        var kind = Enums.ParseDefined<ActionOwnerKind>(f.Uitvoerder);
        if (f.DoelId is { } goalId && !isGoal(goalId)) errors.Add(new DomainError(GoalNotFoundCode, "DoelId", "Kies een doel uit dit plan."));
        string? ownerName = null;
        Guid? ownerPerson = null;
        string? ownerUser = null;
        Guid? ownerNetwork = null;
        Guid? ownerOrganisation = null;
        // A network member carries out a network or volunteer action only, and only one of this household's current network.
        // An existing action keeps the member it names unchanged, also after they ended.
        var networkName = f.NetwerkLidId is not { } chosen ? null
            : network is not null && network.TryGetValue(chosen, out var current) ? current
            : kept is { } k && k.Id == chosen ? k.Name : null;
        var networkRefused = f.NetwerkLidId is not null && (kind is not (ActionOwnerKind.Netwerk or ActionOwnerKind.Vrijwilliger) || networkName is null);
        if (networkRefused && kind is not null) errors.Add(NetworkRules.NotCurrent("NetwerkLidId"));
        // An organisation by id is for an organisation's action only, whatever else was chosen with it.
        var organisationRefused = f.OrganisatieId is not null && kind is not null
            && (kind != ActionOwnerKind.Organisatie || organisations is null || !organisations.ContainsKey(f.OrganisatieId.Value));
        if (organisationRefused)
        {
            errors.Add(new DomainError(ActionOrganisationUnknownCode, "OrganisatieId", "Kies een organisatie uit de lijst, bij uitvoerder organisatie."));
            ownerName = "-"; // the one error about who does it
        }
        else if (f.NetwerkLidId is { } networkId && !networkRefused) (ownerName, ownerNetwork) = (networkName, networkId);
        else if (kind == ActionOwnerKind.Huishoudlid && f.PersoonId is { } pid)
        {
            if (members.TryGetValue(pid, out var memberName)) (ownerName, ownerPerson) = (memberName, pid);
            else errors.Add(new DomainError(MembershipRules.NotMemberCode, "PersoonId", "Kies iemand uit het huishouden."));
        }
        else if (kind == ActionOwnerKind.Professional && !string.IsNullOrEmpty(f.MedewerkerId))
        {
            if (colleagueName is null) errors.Add(new DomainError(ActionOwnerRequiredCode, "MedewerkerId", "Kies een medewerker uit de lijst."));
            else (ownerName, ownerUser) = (colleagueName, f.MedewerkerId);
        }
        else if (f.OrganisatieId is { } organisationId && organisations is not null && organisations.TryGetValue(organisationId, out var organisationName))
            (ownerName, ownerOrganisation) = (organisationName, organisationId);
        else if (kind is not ActionOwnerKind.Huishoudlid)
        {
            ownerName = errors.Take(TextRules.Optional(f.Naam, "Naam", "de naam", ActionOwnerNameMaxLength));
            if (kind == ActionOwnerKind.Organisatie && ownerName is not null && organisations is not null)
            {
                var named = organisations.Where(o => string.Equals(o.Value.Trim(), ownerName.Trim(), StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
                if (named.Count == 1) (ownerName, ownerOrganisation) = (named[0].Value, named[0].Key);
            }
        }
        // A refused network member is the one error about who does it.
        var deadline = CheckAction(f.Omschrijving, kind, networkRefused && kind is (ActionOwnerKind.Netwerk or ActionOwnerKind.Vrijwilliger) ? "-" : ownerName,
            f.Deadline, today, errors);
        var omschrijving = errors.Take(TextRules.Optional(f.Omschrijving, "Omschrijving", "de omschrijving", ActionDescriptionMaxLength));
        return errors.Errors.Count > count ? null : new ActionContent(f.DoelId, omschrijving!, kind!.Value, ownerName!, ownerPerson, ownerUser, deadline, ownerNetwork,
            ownerOrganisation);
    }

    public static DomainError? CheckCompletion(DateOnly? doneOn) =>
        doneOn is null ? null : new DomainError(ActionAlreadyDoneCode, "", "Deze actie is al afgerond.");

    /// <summary>Who agreed, when (not in the future, not before the plan started; empty is today) and how. A plan without goals cannot be agreed.</summary>
    public static AgreementContent? CheckAgreement(AgreementFields f, IReadOnlyDictionary<Guid, string> members, bool hasGoals, DateOnly startedOn, DateOnly today,
        ErrorList errors)
    {
        var count = errors.Errors.Count;
        string? name = null;
        if (f.PersoonId is not { } pid || !members.TryGetValue(pid, out name))
            errors.Add(new DomainError(MembershipRules.NotMemberCode, "PersoonId", "Kies wie uit het huishouden akkoord gaf."));
        if (!PastDate(f.Datum, startedOn, today, out var date))
            errors.Add(new DomainError(AgreementDateInvalidCode, "Datum", "Vul de datum van het akkoord in als dd-mm-jjjj: niet in de toekomst en niet voor de start van het plan."));
        if (AgreementWays.All.All(w => w.Value != f.Wijze)) errors.Add(new DomainError(WayInvalidCode, "Wijze", "Kies hoe het huishouden akkoord gaf."));
        if (!hasGoals) errors.Add(new DomainError(NoGoalsCode, "", "Een plan zonder doelen kan niet worden ondertekend. Voeg eerst doelen toe."));
        return errors.Errors.Count > count ? null : new AgreementContent(f.PersoonId!.Value, name!, date, f.Wijze!);
    }

    /// <summary>When it was held (like an agreement's date), what it yielded, the next one, and the household's own mark of 1 to 10.</summary>
    public static EvaluationContent? CheckEvaluation(EvaluationFields f, DateOnly startedOn, DateOnly today, ErrorList errors)
    {
        var count = errors.Errors.Count;
        if (!PastDate(f.Datum, startedOn, today, out var held))
            errors.Add(new DomainError(EvaluationDateInvalidCode, "Datum", "Vul de datum van de evaluatie in als dd-mm-jjjj: niet in de toekomst en niet voor de start van het plan."));
        var summary = errors.Take(TextRules.Optional(f.Samenvatting, "Samenvatting", "de samenvatting", EvaluationSummaryMaxLength));
        if (summary is null && !errors.Errors.Skip(count).Any(e => e.Field == "Samenvatting"))
            errors.Add(new DomainError(EvaluationSummaryRequiredCode, "Samenvatting", "Schrijf kort op wat de evaluatie opleverde."));
        var next = CheckEvaluationDate(f.VolgendeEvaluatie, today, errors);
        int? rating = null;
        if (!string.IsNullOrWhiteSpace(f.Cijfer))
        {
            if (int.TryParse(f.Cijfer.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r is >= 1 and <= 10) rating = r;
            else errors.Add(new DomainError(RatingInvalidCode, "Cijfer", "Vul een heel cijfer van 1 tot en met 10 in, of laat het leeg."));
        }
        return errors.Errors.Count > count ? null : new EvaluationContent(held, summary!, next, rating);
    }

    /// <summary>The date of an agreement: not in the future, not before <paramref name="startedOn"/>; empty is today.</summary>
    public static bool IsAgreementDate(string? value, DateOnly startedOn, DateOnly today, out DateOnly date) => PastDate(value, startedOn, today, out date);

    private static bool PastDate(string? value, DateOnly startedOn, DateOnly today, out DateOnly date)
    {
        date = today;
        return string.IsNullOrWhiteSpace(value) || (DutchDate.TryParse(value, out date) && date <= today && date >= startedOn);
    }
}
