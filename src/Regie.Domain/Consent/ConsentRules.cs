using Regie.Domain.Common;

namespace Regie.Domain.Consent;

/// <summary>
/// What the household allows an organisation (toestemming): one scope per kind of sharing. The list grows with what
/// Regie shares; a stored consent names its scopes, so a new scope is never given by an old consent.
/// </summary>
public enum ConsentScope
{
    /// <summary>Inkijk in het plan: the goals and actions of the active plan that concern the organisation, and reporting progress on its own actions.</summary>
    Inkijk,
    /// <summary>Berichten: taking part in the household's message threads with the coordinator.</summary>
    Berichten,
}

public static class ConsentScopes
{
    public static readonly IReadOnlyList<ConsentScope> All = Enum.GetValues<ConsentScope>();

    public static string Label(ConsentScope scope) => scope switch
    {
        ConsentScope.Inkijk => "Inkijk in het plan",
        ConsentScope.Berichten => "Berichten",
        _ => scope.ToString(),
    };

    /// <summary>The stored form: the scope names, comma-separated, in the enum's order.</summary>
    public static string Format(IEnumerable<ConsentScope> scopes) => string.Join(",", scopes.Distinct().Order().Select(s => s.ToString()));

    /// <summary>The stored form read back; a name no longer known is left out (it gives nothing).</summary>
    public static IReadOnlyList<ConsentScope> Parse(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(Enums.ParseDefined<ConsentScope>).OfType<ConsentScope>().Distinct().Order().ToList();

    /// <summary>The JSON and form value: the scope's name in lower case ("inkijk", "berichten").</summary>
    public static string Value(ConsentScope scope) => scope.ToString().ToLowerInvariant();

    public static ConsentScope? FromValue(string? value) =>
        All.Cast<ConsentScope?>().FirstOrDefault(s => string.Equals(Value(s!.Value), value?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>A consent as typed: the organisation, the scopes, the day it was given (empty: today) and the household member who gave it.</summary>
public sealed record ConsentFields(Guid? OrganisationId, IReadOnlyList<string>? Scopes, string? GivenOn, Guid? GivenByPersonId);

/// <summary>A consent that passed <see cref="ConsentRules.CheckGive"/>.</summary>
public sealed record ConsentContent(Guid OrganisationId, IReadOnlyList<ConsentScope> Scopes, DateOnly GivenOn, Guid GivenByPersonId, string GivenByName);

/// <summary>
/// The household's consent per organisation (AVG art. 6/9: sharing with a partner rests on it). Recorded by the care roles
/// of the file, given by a member of the household, for named scopes; revoked with a date, and then closed at once. A consent
/// is never changed: other scopes are a new consent after the old one is revoked, so the history shows what was allowed when.
/// </summary>
public static class ConsentRules
{
    public const string OrganisationRequiredCode = "consent-organisation-required";
    public const string ScopeRequiredCode = "consent-scope-required";
    public const string ScopeInvalidCode = "consent-scope-invalid";
    public const string GivenByRequiredCode = "consent-given-by-required";
    public const string AlreadyGivenCode = "consent-already-given";
    public const string AlreadyRevokedCode = "consent-already-revoked";
    public const string RevokedBeforeGivenCode = "consent-revoked-before-given";
    public const string DateInvalidCode = "consent-date-invalid";

    /// <summary>A day typed as dd-mm-jjjj (or jjjj-mm-dd) that has happened; empty means today.</summary>
    private static DateOnly? Day(string? text, DateOnly today, string field, string label, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return today;
        if (!DutchDate.TryParse(text, out var day))
        {
            errors.Add(new DomainError(DateInvalidCode, field, $"Vul {label} in als dd-mm-jjjj."));
            return null;
        }
        return DateRules.Plausible(day, DateKind.Happened, today, field, label, errors);
    }

    /// <param name="organisations">The organisations consent can be given to (partners of this municipality), by id.</param>
    /// <param name="members">Who lives in the household now: only they give consent.</param>
    /// <param name="activeFor">The organisations that hold an active consent for this household already.</param>
    public static ConsentContent? CheckGive(ConsentFields fields, IReadOnlySet<Guid> organisations, IReadOnlyDictionary<Guid, string> members,
        IReadOnlySet<Guid> activeFor, DateOnly today, ErrorList errors)
    {
        if (fields.OrganisationId is not { } organisation || !organisations.Contains(organisation))
            errors.Add(new DomainError(OrganisationRequiredCode, "OrganisatieId", "Kies de organisatie die toestemming krijgt."));
        else if (activeFor.Contains(organisation))
            errors.Add(new DomainError(AlreadyGivenCode, "OrganisatieId",
                "Deze organisatie heeft al toestemming. Trek die eerst in om andere toestemming vast te leggen."));
        var scopes = new List<ConsentScope>();
        foreach (var value in fields.Scopes ?? [])
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            if (ConsentScopes.FromValue(value) is { } scope) scopes.Add(scope);
            else errors.Add(new DomainError(ScopeInvalidCode, "Reikwijdte", $"'{Text.Short(value)}' is geen soort toestemming. Kies inkijk in het plan of berichten."));
        }
        if (scopes.Count == 0 && !errors.Errors.Any(e => e.Code == ScopeInvalidCode))
            errors.Add(new DomainError(ScopeRequiredCode, "Reikwijdte", "Kies waarvoor het huishouden toestemming geeft."));
        var givenOn = Day(fields.GivenOn, today, "GegevenOp", "de datum van de toestemming", errors);
        string? name = null;
        if (fields.GivenByPersonId is not { } person || !members.TryGetValue(person, out name))
            errors.Add(new DomainError(GivenByRequiredCode, "GegevenDoor", "Kies wie van het huishouden de toestemming gaf."));
        if (errors.HasErrors) return null;
        return new ConsentContent(fields.OrganisationId!.Value, scopes.Distinct().Order().ToList(), givenOn!.Value, fields.GivenByPersonId!.Value, name!);
    }

    /// <summary>A revocation: once, on a day not after today and not before the consent was given. It closes the consent at once.</summary>
    public static DateOnly? CheckRevoke(DateOnly givenOn, DateOnly? revokedOn, string? on, DateOnly today, ErrorList errors)
    {
        if (revokedOn is not null)
        {
            errors.Add(new DomainError(AlreadyRevokedCode, "", "Deze toestemming is al ingetrokken."));
            return null;
        }
        if (Day(on, today, "IngetrokkenOp", "de datum van intrekken", errors) is not { } plausible) return null;
        if (plausible < givenOn)
        {
            errors.Add(new DomainError(RevokedBeforeGivenCode, "IngetrokkenOp", "De datum van intrekken ligt vóór de datum waarop de toestemming is gegeven."));
            return null;
        }
        return plausible;
    }

    /// <summary>Active: given and not revoked. A revocation counts from the moment it is recorded, whatever day it names.</summary>
    public static bool IsActive(DateOnly? revokedOn) => revokedOn is null;

    public static bool Covers(string? storedScopes, ConsentScope scope) => ConsentScopes.Parse(storedScopes).Contains(scope);
}

/// <summary>
/// Who may look into a household's plan (inkijk): a partner organisation with an active consent for the scope, that is involved
/// now (a current registration in the involvement register, or an open referral to it). Both, always: consent without
/// involvement, or involvement without consent, opens nothing.
/// </summary>
public static class InkijkRules
{
    public static bool MayLookIn(bool activeConsentForScope, bool involved) => activeConsentForScope && involved;

    /// <summary>
    /// Whether an organisation's own registration in the involvement register makes it involved for the inkijk. It does when it was
    /// registered by the time the consent was recorded, or when none of the organisation's registrations for the household ended
    /// between the consent and this registration. An organisation registers itself, so otherwise it could end its involvement and
    /// register again to reopen a plan the household let it see while it helped: after such a gap the consent is asked again.
    /// </summary>
    public static bool RegistrationCounts(DateTime registeredAt, DateTime consentRecordedAt, IEnumerable<DateOnly> endedOnOfOrganisation)
    {
        if (registeredAt <= consentRecordedAt) return true;
        var from = DateOnly.FromDateTime(consentRecordedAt);
        var until = DateOnly.FromDateTime(registeredAt);
        return !endedOnOfOrganisation.Any(e => e >= from && e <= until);
    }

    /// <summary>
    /// An action concerns the organisation when it is the action's owner: an organisation's action that belongs to it (by id, chosen or
    /// matched when the action was saved), or one of its professionals (an account that acts for it). A name alone never does.
    /// </summary>
    /// <param name="ownerOrganisationId">The organisation an organisation's action belongs to, or the organisation of the professional who owns it.</param>
    public static bool Concerns(Care.ActionOwnerKind ownerKind, Guid? ownerOrganisationId, Guid organisationId) =>
        ownerKind is Care.ActionOwnerKind.Organisatie or Care.ActionOwnerKind.Professional && ownerOrganisationId == organisationId;

    public const int ProgressMaxLength = 1000;
    public const string ProgressRequiredCode = "progress-note-required";

    /// <summary>A progress report: a note (required, limited) and, optionally, the action done.</summary>
    public static string? CheckProgress(string? note, ErrorList errors) =>
        errors.Take(TextRules.Required(note, "Voortgang", "de voortgang", ProgressMaxLength, ProgressRequiredCode, "Vul in wat er gedaan is."));
}
