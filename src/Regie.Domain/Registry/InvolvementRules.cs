using Regie.Domain.Assessment;
using Regie.Domain.Common;

namespace Regie.Domain.Registry;

/// <summary>What an organisation registers as its involvement with a person, once <see cref="InvolvementRules.CheckRegistration"/> let it through.</summary>
/// <param name="Domain">The life domain the involvement is about, when the organisation names one.</param>
/// <param name="Contact">Who to reach; always with <paramref name="Phone"/> or <paramref name="Email"/> (or both).</param>
/// <param name="Reason">Why the organisation is involved: registering shows who else is, so it needs its reason on record.</param>
public sealed record InvolvementRegistration(ZrmDomain? Domain, string Contact, string? Phone, string? Email, DateOnly StartedOn, string Reason);

/// <summary>
/// The involvement register (betrokkenheid, after the Verwijsindex): an organisation registers who it is involved with,
/// since when and how to reach its contact, never the concern itself.
/// </summary>
public static class InvolvementRules
{
    public const string ContactRequiredCode = "involvement-contact-required";
    public const string StartDateInvalidCode = "involvement-start-invalid";
    public const string DomainInvalidCode = "involvement-domain-invalid";
    public const string ReasonRequiredCode = "involvement-reason-required";
    public const int ContactNameMaxLength = 200;
    public const int ReasonMaxLength = 500;

    /// <summary>
    /// The input of a registration: an optional life domain, a contact with a phone number or an e-mail address, a start
    /// date (empty is <paramref name="today"/>, never in the future) and the reason. Null with the errors when it is refused.
    /// </summary>
    public static InvolvementRegistration? CheckRegistration(string? domain, string? contact, string? phone, string? email, string? startedOn, string? reason,
        DateOnly today, ErrorList errors)
    {
        var before = errors.Errors.Count;
        ZrmDomain? zrm = null;
        if (!string.IsNullOrWhiteSpace(domain))
        {
            if (Enums.ParseDefined<ZrmDomain>(domain) is { } d) zrm = d;
            else errors.Add(new DomainError(DomainInvalidCode, "Leefgebied", "Kies een leefgebied uit de lijst, of laat het leeg."));
        }
        var name = errors.Take(TextRules.Optional(contact, "Contactpersoon", "de contactpersoon", ContactNameMaxLength));
        var phoneNumber = errors.Take(TextRules.Optional(phone, "Telefoon", "het telefoonnummer", ContactDetails.PhoneMaxLength));
        var address = errors.Take(TextRules.Optional(email, "Email", "het e-mailadres", ContactDetails.EmailMaxLength));
        if (name is null || (phoneNumber is null && address is null))
            errors.Add(new DomainError(ContactRequiredCode, "Contactpersoon", "Vul een contactpersoon in met een telefoonnummer of e-mailadres: daarvoor is het register."));
        var start = today;
        if (!string.IsNullOrWhiteSpace(startedOn) && (!DutchDate.TryParse(startedOn, out start) || start > today))
            errors.Add(new DomainError(StartDateInvalidCode, "Startdatum", "Vul de startdatum in als dd-mm-jjjj, niet in de toekomst."));
        else errors.Add(DateRules.Check(start, DateKind.Happened, today, "Startdatum", "de startdatum"));
        var why = errors.Take(TextRules.Required(reason, "Reden", "de reden", ReasonMaxLength,
            ReasonRequiredCode, "Vul in waarom uw organisatie betrokken is (bijvoorbeeld: lopend schuldhulptraject)."));
        return errors.Errors.Count > before ? null : new InvolvementRegistration(zrm, name!, phoneNumber, address, start, why!);
    }
}
