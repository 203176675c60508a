using Regie.Domain.Common;

namespace Regie.Domain.Consent;

/// <summary>
/// Messages about a household between the team of its file and an involved partner organisation (issue 21). Who takes part:
/// the care roles that may open the file, and the organisation while it has consent for <see cref="ConsentScope.Berichten"/>
/// and is involved (<see cref="InkijkRules"/>). A notification says only that there is a new message: never its text or
/// the resident's concern, since it may reach someone who may not open the file.
/// </summary>
public static class MessageRules
{
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 4000;
    public const string SubjectRequiredCode = "message-subject-required";
    public const string BodyRequiredCode = "message-body-required";
    public const string OrganisationNotAllowedCode = "message-organisation-not-allowed";

    public const string NotificationTitle = "Nieuw bericht in Regie";
    public const string NotificationBody = "Er is een nieuw bericht voor u. Open Regie om het te lezen.";

    /// <summary>A new thread: its subject and its first message.</summary>
    public static (string Subject, string Body)? CheckThread(string? subject, string? body, ErrorList errors)
    {
        var s = errors.Take(TextRules.Required(subject, "Onderwerp", "het onderwerp", SubjectMaxLength, SubjectRequiredCode, "Vul het onderwerp in."));
        var b = CheckMessage(body, errors);
        return errors.HasErrors ? null : (s!, b!);
    }

    public static string? CheckMessage(string? body, ErrorList errors) =>
        errors.Take(TextRules.Required(body, "Tekst", "het bericht", BodyMaxLength, BodyRequiredCode, "Schrijf een bericht."));

    /// <summary>The team writes in a thread only while the organisation takes part: after that the thread stays readable, closed.</summary>
    public static DomainError? CheckStillTakingPart(bool mayTakePart) => mayTakePart ? null
        : new DomainError(OrganisationNotAllowedCode, "",
            "Dit gesprek is gesloten: het huishouden trok de toestemming voor berichten in, of de organisatie is niet meer betrokken. U kunt het gesprek nog lezen.");

    /// <summary>A thread is started with an organisation that may take part in messages now.</summary>
    public static DomainError? CheckOrganisation(bool mayTakePart) => mayTakePart ? null
        : new DomainError(OrganisationNotAllowedCode, "OrganisatieId",
            "Met deze organisatie kunt u geen berichten wisselen: het huishouden gaf geen toestemming voor berichten, of de organisatie is niet (meer) betrokken.");
}
