using Regie.Domain.Common;
using System.Text.RegularExpressions;

namespace Regie.Domain.Registry;

/// <summary>How a resident can be reached: a Dutch or international phone number and an e-mail address, both optional.</summary>
public static partial class ContactDetails
{
    public const string PhoneInvalidCode = "phone-invalid";
    public const string EmailInvalidCode = "email-invalid";
    public const int PhoneMaxLength = 30;
    /// <summary>The longest address RFC 5321 lets through a mail server.</summary>
    public const int EmailMaxLength = 254;

    [GeneratedRegex(@"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{8,18}$")]
    private static partial Regex PhonePattern();

    /// <summary>The phone number as typed (trimmed), null when empty; the errors say what is wrong with it.</summary>
    public static string? Phone(string? input, string field, ErrorList errors)
    {
        var phone = errors.Take(TextRules.Optional(input, field, "het telefoonnummer", PhoneMaxLength));
        if (phone is not null && !PhonePattern().IsMatch(phone))
            errors.Add(new DomainError(PhoneInvalidCode, field, "Vul een telefoonnummer in met 10 cijfers, bijvoorbeeld 06 12345678 of 030 1234567."));
        return phone;
    }

    /// <summary>The e-mail address as typed (trimmed), null when empty; the errors say what is wrong with it.</summary>
    public static string? Email(string? input, string field, ErrorList errors)
    {
        var email = errors.Take(TextRules.Optional(input, field, "het e-mailadres", EmailMaxLength));
        if (email is not null && !EmailPattern().IsMatch(email))
            errors.Add(new DomainError(EmailInvalidCode, field, "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."));
        return email;
    }
}
