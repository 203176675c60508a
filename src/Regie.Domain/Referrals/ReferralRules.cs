using Regie.Domain.Common;
using Regie.Domain.SocialMap;

namespace Regie.Domain.Referrals;

/// <summary>Where a referral stands. Stored by name.</summary>
public enum ReferralStatus
{
    Verstuurd,
    Geaccepteerd,
    Afgewezen,
    Gestart,
    Afgerond,
    /// <summary>The team took it back (the resident changed their mind, or another route was chosen).</summary>
    Ingetrokken,
}

/// <summary>Who records a step: the provider (its partner account or API key) or the team that referred.</summary>
public enum ReferralParty
{
    Team,
    Aanbieder,
}

/// <summary>What a referral is sent to: a provider (a registered organisation, or a name), and the service with its kind when known.</summary>
/// <param name="ProviderOrganisationId">The provider's organisation in Regie; null for a provider without an account, whose status the team tracks itself.</param>
/// <param name="Kind">The service's kind as its code (<see cref="ServiceKinds.Code"/>), when known.</param>
public sealed record ReferralTarget(Guid? ProviderOrganisationId, string ProviderName, Guid? ServiceId, string ServiceName, string? Kind);

/// <summary>A service of the social map as a referral sees it: its name and kind code.</summary>
public sealed record MapService(string Name, string? Kind);

/// <summary>
/// The closed loop: a referral is sent, the provider accepts or declines it (with a reason), starts and
/// finishes it (with feedback to the team). A referral that is not answered or not started by its follow-up
/// date is overdue and is shown to the coordinator and the team lead.
/// </summary>
public static class ReferralRules
{
    public const string ConsentRequiredCode = "referral-consent-required";
    public const string QuestionRequiredCode = "referral-question-required";
    public const string FollowUpInvalidCode = "referral-follow-up-invalid";
    public const string TransitionInvalidCode = "referral-transition-invalid";
    public const string DeclineReasonRequiredCode = "referral-decline-reason-required";
    public const string FeedbackRequiredCode = "referral-feedback-required";
    public const string NotForProviderCode = "referral-step-not-for-provider";
    public const string FollowUpDaysInvalidCode = "referral-follow-up-days-invalid";
    public const string PersonNotMemberCode = "referral-person-not-member";
    public const string GoalNotFoundCode = "referral-goal-not-found";
    public const string ProviderRequiredCode = "referral-provider-required";
    public const string ServiceRequiredCode = "referral-service-required";
    public const string ServiceNotFoundCode = "referral-service-not-found";
    public const string KindInvalidCode = "referral-kind-invalid";
    public const int ServiceNameMaxLength = 200;
    public const int ProviderNameMaxLength = 200;
    public const int QuestionMaxLength = 4000;
    public const int DeclineReasonMaxLength = 2000;
    public const int FeedbackMaxLength = 4000;

    /// <summary>The default time the provider has to answer and start, when the municipality sets none.</summary>
    public const int DefaultFollowUpDays = 14;
    public const int MinFollowUpDays = 1;
    public const int MaxFollowUpDays = 90;

    /// <summary>The municipality's follow-up term for referrals, in days.</summary>
    public static void CheckFollowUpDays(int days, ErrorList errors)
    {
        if (days is < MinFollowUpDays or > MaxFollowUpDays)
            errors.Add(new DomainError(FollowUpDaysInvalidCode, "Opvolgdagen", $"Vul een opvolgtermijn in van {MinFollowUpDays} tot en met {MaxFollowUpDays} dagen."));
    }

    public static string Label(ReferralStatus s) => s switch
    {
        ReferralStatus.Verstuurd => "Verstuurd",
        ReferralStatus.Geaccepteerd => "Geaccepteerd",
        ReferralStatus.Afgewezen => "Afgewezen",
        ReferralStatus.Gestart => "Gestart",
        ReferralStatus.Afgerond => "Afgerond",
        _ => "Ingetrokken",
    };

    /// <summary>The steps that may follow a status; final statuses have none.</summary>
    public static IReadOnlyList<ReferralStatus> Next(ReferralStatus from) => from switch
    {
        ReferralStatus.Verstuurd => [ReferralStatus.Geaccepteerd, ReferralStatus.Afgewezen, ReferralStatus.Ingetrokken],
        ReferralStatus.Geaccepteerd => [ReferralStatus.Gestart, ReferralStatus.Ingetrokken],
        ReferralStatus.Gestart => [ReferralStatus.Afgerond, ReferralStatus.Ingetrokken],
        _ => [],
    };

    public static bool IsFinal(ReferralStatus s) => s is ReferralStatus.Afgewezen or ReferralStatus.Afgerond or ReferralStatus.Ingetrokken;

    /// <summary>
    /// Checks one step. A decline needs its reason and a finish its feedback: that is what closes the loop.
    /// Only the team withdraws; the team may record the provider's steps too, for a provider without an account.
    /// </summary>
    public static void CheckStep(ReferralStatus from, ReferralStatus to, ReferralParty party, string? reason, string? feedback, ErrorList errors)
    {
        if (!Next(from).Contains(to))
        {
            errors.Add(new DomainError(TransitionInvalidCode, "Status",
                IsFinal(from)
                    ? $"Deze verwijzing is al {Label(from).ToLowerInvariant()}: de status verandert niet meer."
                    : $"Van {Label(from).ToLowerInvariant()} kan de verwijzing niet naar {Label(to).ToLowerInvariant()}."));
            return;
        }
        if (to == ReferralStatus.Ingetrokken && party == ReferralParty.Aanbieder)
            errors.Add(new DomainError(NotForProviderCode, "Status", "Alleen het team kan een verwijzing intrekken. Wijs haar af als u haar niet kunt oppakken."));
        if (to == ReferralStatus.Afgewezen && string.IsNullOrWhiteSpace(reason))
            errors.Add(new DomainError(DeclineReasonRequiredCode, "Reden", "Schrijf waarom de verwijzing wordt afgewezen, zodat het team een andere weg kan zoeken."));
        if (to == ReferralStatus.Afgerond && string.IsNullOrWhiteSpace(feedback))
            errors.Add(new DomainError(FeedbackRequiredCode, "Terugkoppeling", "Schrijf een terugkoppeling voor het team: wat is er gedaan en hoe gaat het nu?"));
    }

    /// <summary>What is needed to send: the question, the resident's consent to share it, and a follow-up date that is not past.</summary>
    public static DateOnly? CheckSend(bool consent, string? question, string? followUp, DateOnly today, int defaultDays, ErrorList errors)
    {
        if (!consent)
            errors.Add(new DomainError(ConsentRequiredCode, "Toestemming",
                "Verstuur een verwijzing alleen met toestemming van de inwoner: de vraag en de contactgegevens gaan naar de aanbieder."));
        if (string.IsNullOrWhiteSpace(question))
            errors.Add(new DomainError(QuestionRequiredCode, "Vraag", "Schrijf de vraag aan de aanbieder: wat wordt er gevraagd?"));
        if (string.IsNullOrWhiteSpace(followUp)) return today.AddDays(defaultDays);
        if (!DutchDate.TryParse(followUp, out var date) || date < today)
        {
            errors.Add(new DomainError(FollowUpInvalidCode, "Opvolgdatum", "Vul de opvolgdatum in als dd-mm-jjjj, vandaag of later."));
            return null;
        }
        return DateRules.Plausible(date, DateKind.Planned, today, "Opvolgdatum", "de opvolgdatum", errors);
    }

    /// <summary>A referral is for one current member of the household.</summary>
    public static void CheckPerson(Guid? personId, IReadOnlySet<Guid> members, ErrorList errors)
    {
        if (personId is not { } id || !members.Contains(id))
            errors.Add(new DomainError(PersonNotMemberCode, "PersoonId", "Kies wie uit het huishouden wordt verwezen."));
    }

    /// <summary>The goal named is not one of the household's plan.</summary>
    public static DomainError GoalNotFound() => new(GoalNotFoundCode, "DoelId", "Kies een doel uit het plan van dit huishouden.");

    /// <summary>
    /// What the referral goes to. A service chosen from the social map (<paramref name="serviceId"/>) must still be there
    /// (<paramref name="service"/>) and brings its name and kind; otherwise the team types the service and may give its kind.
    /// A provider chosen by id must exist (<paramref name="providerName"/> is its name, null when unknown); otherwise the team
    /// types the name of a provider without an account. Null with the errors when it cannot be sent.
    /// </summary>
    public static ReferralTarget? CheckTarget(Guid? serviceId, MapService? service, string? typedService, string? typedKind,
        Guid? providerId, string? providerName, string? typedProvider, ErrorList errors)
    {
        var before = errors.Errors.Count;
        string? serviceName = null;
        string? kind = null;
        if (serviceId is not null)
        {
            if (service is null) errors.Add(new DomainError(ServiceNotFoundCode, "DienstId", "Deze dienst staat niet (meer) in de sociale kaart. Zoek opnieuw of vul de dienst zelf in."));
            else (serviceName, kind) = (service.Name, service.Kind);
        }
        serviceName ??= errors.Take(TextRules.Optional(typedService, "Dienst", "de dienst", ServiceNameMaxLength));
        if (serviceName is null && !errors.Errors.Any(e => e.Field is "Dienst" or "DienstId"))
            errors.Add(new DomainError(ServiceRequiredCode, "Dienst", "Vul in naar welke dienst of welk aanbod u verwijst."));
        if (kind is null && !string.IsNullOrWhiteSpace(typedKind))
        {
            if (ServiceKinds.FromCode(typedKind) is { } k) kind = ServiceKinds.Code(k);
            else errors.Add(new DomainError(KindInvalidCode, "Soort", "Kies algemeen, nulde lijn of maatwerk, of laat de soort leeg."));
        }
        if (providerId is not null)
        {
            if (providerName is null) errors.Add(new DomainError(ProviderRequiredCode, "OrganisatieId", "Kies een aanbieder uit de lijst."));
        }
        else
        {
            providerName = errors.Take(TextRules.Optional(typedProvider, "Aanbieder", "de aanbieder", ProviderNameMaxLength));
            if (providerName is null && !errors.Errors.Any(e => e.Field == "Aanbieder"))
                errors.Add(new DomainError(ProviderRequiredCode, "OrganisatieId", "Kies de aanbieder, of vul de naam in van een aanbieder zonder account in Regie."));
        }
        return errors.Errors.Count > before ? null : new ReferralTarget(providerId, providerName!, serviceId, serviceName!, kind);
    }

    /// <summary>
    /// Overdue: the follow-up date has passed while the provider has not answered, or has accepted but not
    /// started. Started, finished, declined and withdrawn referrals are never overdue.
    /// </summary>
    public static bool IsOverdue(ReferralStatus status, DateOnly followUpOn, DateOnly today) =>
        status is ReferralStatus.Verstuurd or ReferralStatus.Geaccepteerd && followUpOn < today;

    /// <summary>The statuses in which a referral can be overdue; queries filter on these.</summary>
    public static readonly IReadOnlyList<ReferralStatus> Waiting = [ReferralStatus.Verstuurd, ReferralStatus.Geaccepteerd];
}

public static class ReferralStatuses
{
    /// <summary>A status word <see cref="Parse"/> does not read.</summary>
    public const string InvalidCode = "referral-status-invalid";

    /// <summary>The words for a status other systems may send: its Dutch name and its English word, read in any case.</summary>
    private static readonly (string Word, ReferralStatus Status)[] Vocabulary =
    [
        ("Verstuurd", ReferralStatus.Verstuurd), ("Geaccepteerd", ReferralStatus.Geaccepteerd), ("Afgewezen", ReferralStatus.Afgewezen),
        ("Gestart", ReferralStatus.Gestart), ("Afgerond", ReferralStatus.Afgerond), ("Ingetrokken", ReferralStatus.Ingetrokken),
        ("sent", ReferralStatus.Verstuurd), ("accepted", ReferralStatus.Geaccepteerd), ("declined", ReferralStatus.Afgewezen),
        ("started", ReferralStatus.Gestart), ("finished", ReferralStatus.Afgerond), ("withdrawn", ReferralStatus.Ingetrokken),
    ];

    /// <summary>Every word <see cref="Parse"/> reads.</summary>
    public static IReadOnlyList<string> Words { get; } = Vocabulary.Select(v => v.Word).ToList();

    /// <summary>The words of the statuses a step can lead to (<see cref="ReferralRules.Next"/>): not Verstuurd, which only sending sets.</summary>
    public static IReadOnlyList<string> StepWords { get; } = Vocabulary
        .Where(v => Enum.GetValues<ReferralStatus>().Any(from => ReferralRules.Next(from).Contains(v.Status))).Select(v => v.Word).ToList();

    /// <summary>A status by its Dutch name (any case) or its English word, as other systems may send it.</summary>
    public static ReferralStatus? Parse(string? value)
    {
        var word = (value ?? "").Trim();
        foreach (var (w, status) in Vocabulary)
            if (string.Equals(w, word, StringComparison.OrdinalIgnoreCase)) return status;
        return null;
    }
}
