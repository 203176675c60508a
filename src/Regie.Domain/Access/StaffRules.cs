using Regie.Domain.Common;
using Regie.Domain.Coordination;

namespace Regie.Domain.Access;

/// <summary>
/// The functional admin's changes to a staff account: who pays the member (<see cref="Employment"/>), the Meldcode's
/// aandachtsfunctionaris (with <see cref="Safety.MeldcodeAccess.CheckAandachtsfunctionaris"/>) and the reset of a
/// colleague's two-factor sign-in.
/// </summary>
public static class StaffRules
{
    public const string EmployerKindInvalidCode = "employer-kind-invalid";
    public const string EmployerOrganisationUnknownCode = "employer-organisation-unknown";
    public const string TwoFactorResetReasonCode = "two-factor-reset-reason-required";
    public const string TwoFactorResetOwnCode = "two-factor-reset-own-account";
    public const string TwoFactorNotEnabledCode = "two-factor-not-enabled";
    public const string AandachtsfunctionarisChoiceCode = "aandachtsfunctionaris-choice-invalid";
    public const int TwoFactorResetReasonMinLength = 10;

    /// <summary>The kind of employer as chosen: none (not recorded) when empty, an error when it is not one of the kinds.</summary>
    public static DomainError? ReadEmployerKind(string? value, out EmployerKind? kind)
    {
        kind = null;
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (Enum.TryParse<EmployerKind>(value, out var parsed) && Enum.IsDefined(parsed))
        {
            kind = parsed;
            return null;
        }
        return new DomainError(EmployerKindInvalidCode, "Werkgever", "Kies een van de soorten werkgever.");
    }

    /// <summary>The municipality itself is the employer of its own staff: an organisation is only kept for the other kinds.</summary>
    public static Guid? EmployerOrganisation(EmployerKind? kind, Guid? organisationId) =>
        kind is EmployerKind.Gemeente or null ? null : organisationId;

    /// <summary>
    /// The employer as it will be stored (<paramref name="organisationId"/> from <see cref="EmployerOrganisation"/>): a named
    /// organisation must exist, and seconded staff must name the provider (<see cref="Employment.Check"/>).
    /// </summary>
    public static DomainError? CheckEmployment(EmployerKind? kind, Guid? organisationId, bool organisationExists)
    {
        if (organisationId is not null && !organisationExists)
            return new DomainError(EmployerOrganisationUnknownCode, "WerkgeverOrganisatieId", "Deze organisatie bestaat niet (meer).");
        return Employment.Check(kind, organisationId) is { } rule ? rule with { Field = "WerkgeverOrganisatieId" } : null;
    }

    /// <summary>"Ja" names the member aandachtsfunctionaris, "Nee" takes it away; anything else is refused.</summary>
    public static DomainError? ReadAandachtsfunctionaris(string? value, out bool on)
    {
        on = value?.Trim() == "Ja";
        return value?.Trim() is "Ja" or "Nee" ? null
            : new DomainError(AandachtsfunctionarisChoiceCode, "Aandachtsfunctionaris", "Kies ja of nee.");
    }

    /// <summary>
    /// Resetting a colleague's two-factor sign-in: never one's own (a stolen admin session would replace its second factor
    /// without the current code), only when it is on, and with a reason for the audit trail.
    /// </summary>
    public static DomainError? CheckTwoFactorReset(bool ownAccount, bool twoFactorEnabled, string displayName, string? reason)
    {
        if (ownAccount)
            return new DomainError(TwoFactorResetOwnCode, "",
                "Uw eigen tweestapsverificatie herstelt u niet zelf: wijzig uw app op de pagina Tweestapsverificatie, of vraag een andere functioneel beheerder.");
        if (!twoFactorEnabled)
            return new DomainError(TwoFactorNotEnabledCode, "", $"Tweestapsverificatie staat niet aan voor {displayName}: er is niets te herstellen.");
        if ((reason?.Trim() ?? "").Length < TwoFactorResetReasonMinLength)
            return new DomainError(TwoFactorResetReasonCode, "Reden",
                $"Schrijf op waarom (ten minste {TwoFactorResetReasonMinLength} tekens), bijvoorbeeld hoe u heeft vastgesteld dat de medewerker het zelf vraagt.");
        return null;
    }
}
