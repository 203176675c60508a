using Regie.Domain.Care;
using Regie.Domain.Common;

namespace Regie.Domain.Budget;

/// <summary>What can be done to a spend; each step moves it along <see cref="SpendRules.Next"/>.</summary>
public enum SpendAction
{
    Approve,
    Refuse,
    Pay,
    Cancel,
}

/// <summary>In which capacity someone decides on a spend above the requester's mandate.</summary>
public enum SpendDeciderRole
{
    TeamLead,
    Municipality,
    /// <summary>A system account (import, command line): no team lead's limits apply.</summary>
    System,
}

/// <summary>Who moves money or takes a step on a spend, as stored with the entry or the spend.</summary>
public sealed record BudgetActor(string Id, string Name);

/// <summary>Who decides; <paramref name="Mandate"/> is the team lead's own limit, null for whoever has none.</summary>
public sealed record SpendDecider(BudgetActor Actor, SpendDeciderRole Role, decimal? Mandate = null);

/// <summary>
/// A spend's life: requested, then approved or refused; an approved spend is paid; until it is paid the team can
/// cancel it. The transition table is <see cref="Next"/>; everything else here guards one step.
/// </summary>
public static class SpendRules
{
    public const string GoalRequiredCode = "spend-goal-required";
    public const string KindInvalidCode = "spend-kind-invalid";
    public const string FrameworksRequiredCode = "spend-frameworks-required";
    public const string NoTeamCode = "spend-no-team";
    public const string NotPendingCode = "spend-not-pending";
    public const string NotApprovedCode = "spend-not-approved";
    public const string CannotCancelCode = "spend-cannot-cancel";
    public const string NeedsMunicipalityCode = "spend-needs-municipality";
    public const string AboveOwnMandateCode = "spend-above-approver-mandate";
    public const string OwnRequestCode = "spend-own-request";
    public const string PaymentTooHighCode = "payment-exceeds-commitment";
    public const string PaymentDateInvalidCode = "payment-date-invalid";

    /// <summary>The reason stored with a spend that was approved at once, within the requester's own mandate.</summary>
    public const string WithinMandateReason = "Binnen het eigen mandaat";

    /// <summary>The transition table: where a step leads from a status, or null when that step is not possible there.</summary>
    public static SpendStatus? Next(SpendStatus from, SpendAction action) => (from, action) switch
    {
        (SpendStatus.Aangevraagd, SpendAction.Approve) => SpendStatus.Goedgekeurd,
        (SpendStatus.Aangevraagd, SpendAction.Refuse) => SpendStatus.Afgewezen,
        (SpendStatus.Aangevraagd, SpendAction.Cancel) => SpendStatus.Geannuleerd,
        (SpendStatus.Goedgekeurd, SpendAction.Pay) => SpendStatus.Betaald,
        (SpendStatus.Goedgekeurd, SpendAction.Cancel) => SpendStatus.Geannuleerd,
        _ => null,
    };

    /// <summary>Why a step is not possible from a status; null when <see cref="Next"/> allows it.</summary>
    public static DomainError? CheckStep(SpendStatus from, SpendAction action) => Next(from, action) is not null ? null : action switch
    {
        SpendAction.Approve or SpendAction.Refuse =>
            new DomainError(NotPendingCode, "", $"Over deze uitgave is al besloten ({SpendStatuses.Label(from).ToLowerInvariant()})."),
        SpendAction.Pay => new DomainError(NotApprovedCode, "", "Alleen een goedgekeurde, nog niet betaalde uitgave kan worden betaald."),
        _ => new DomainError(CannotCancelCode, "", "Een betaalde, afgewezen of geannuleerde uitgave kan niet meer worden geannuleerd."),
    };

    /// <summary>
    /// The team lead does not decide on their own request nor above the second limit, and approves only within
    /// their own mandate; above that the municipality decides. The municipality and a system account decide on any.
    /// </summary>
    public static DomainError? CheckDecider(SpendDecider by, string requestedBy, ApprovalLevel level, decimal amount, SpendAction action)
    {
        if (by.Role != SpendDeciderRole.TeamLead) return null;
        if (requestedBy == by.Actor.Id) return new DomainError(OwnRequestCode, "", "U kunt niet over uw eigen aanvraag besluiten.");
        if (level == ApprovalLevel.Gemeente)
            return new DomainError(NeedsMunicipalityCode, "", "Dit bedrag ligt boven de grens van de teamleider: de gemeente besluit.");
        if (action == SpendAction.Approve && by.Mandate is { } mandate && amount > mandate)
            return new DomainError(AboveOwnMandateCode, "", "Dit bedrag ligt boven uw eigen mandaat: de gemeente besluit.");
        return null;
    }

    /// <summary>The reason stored with an approval given without one.</summary>
    public static string DefaultApprovalReason(SpendDeciderRole role) =>
        $"Goedgekeurd door {(role == SpendDeciderRole.Municipality ? "de gemeente" : "de teamleider")}";

    /// <summary>A payment: at most what was approved (more needs a new spend), dated today or in the past year.</summary>
    public static (decimal Amount, DateOnly PaidOn) CheckPayment(string? amount, string? date, decimal approved, DateOnly today, ErrorList errors)
    {
        var paid = errors.Take(Mandates.ParseAmount(amount, "Bedrag", "het betaalde bedrag"));
        if (paid > approved)
            errors.Add(new DomainError(PaymentTooHighCode, "Bedrag", $"Er is {new Money(approved)} goedgekeurd; meer betalen vraagt een nieuwe uitgave."));
        if (!DutchDate.TryParse(date, out var paidOn) || paidOn > today || paidOn < today.AddYears(-1))
            errors.Add(new DomainError(PaymentDateInvalidCode, "Datum", "Vul de betaaldatum in als dd-mm-jjjj, niet in de toekomst."));
        return (paid, paidOn);
    }

    /// <summary>What was committed and not paid goes back to the budget.</summary>
    public static decimal Released(decimal approved, decimal paid) => paid < approved ? approved - paid : 0m;

    public static readonly DomainError GoalRequired = new(GoalRequiredCode, "DoelId", "Kies het doel uit het plan waar deze uitgave bij hoort.");

    public static readonly DomainError NoTeam = new(NoTeamCode, "",
        "Dit huishouden is van geen wijkteam. Alleen het team dat het dossier heeft, geeft uit zijn budget uit; wijs het huishouden eerst toe aan een team.");

    public static InterventionKind? ParseKind(string? value, ErrorList errors)
    {
        var kind = Enums.ParseDefined<InterventionKind>(value);
        if (kind is null) errors.Add(new DomainError(KindInvalidCode, "Soort", "Kies waarvoor het geld is."));
        return kind;
    }

    /// <summary>The laws the worker confirmed: at least one, each once, in a fixed order.</summary>
    public static IReadOnlyList<LegalFramework> ParseFrameworks(IEnumerable<string> chosen, ErrorList errors)
    {
        var list = LegalFrameworks.ParseChosen(chosen.Where(k => !string.IsNullOrWhiteSpace(k)), "Kaders", errors);
        if (list.Count == 0) errors.Add(new DomainError(FrameworksRequiredCode, "Kaders", "Bevestig onder welke wet(ten) deze uitgave valt."));
        return list.Distinct().Order().ToList();
    }
}
