using Regie.Domain.Common;

namespace Regie.Domain.Safety;

/// <summary>
/// The fields of a Meldcode entry as a worker types them: the date it happened, the texts and the choices. One home for
/// each field's rule, so the intake, the pages and the API refuse the same input with the same code.
/// </summary>
public static class MeldcodeInputRules
{
    public const string DateInvalidCode = "meldcode-date-invalid";
    public const string PersonsInvalidCode = "meldcode-persons-invalid";
    public const string ChoiceInvalidCode = "meldcode-choice-invalid";
    public const string GoalsInvalidCode = "meldcode-goals-invalid";
    public const string WithWhomRequiredCode = "meldcode-conversation-with-required";
    public const string ReportIncompleteCode = "meldcode-report-incomplete";
    public const string PartRequiredCode = "meldcode-correction-part-required";

    /// <summary>When it happened: empty is today; not in the future, not implausibly long ago.</summary>
    public static DateOnly? Date(string? value, DateOnly today, ErrorList errors, string field = "Datum")
    {
        if (string.IsNullOrWhiteSpace(value)) return today;
        if (!DutchDate.TryParse(value, out var date))
        {
            errors.Add(new DomainError(DateInvalidCode, field, "Vul een geldige datum in als dd-mm-jjjj (of jjjj-mm-dd)."));
            return null;
        }
        errors.Add(DateRules.Check(date, DateKind.Happened, today, field, "de datum"));
        return date;
    }

    /// <summary>A choice among the values of <typeparamref name="T"/>, by name.</summary>
    public static T? Choice<T>(string? value, string field, string message, ErrorList errors) where T : struct, Enum
    {
        var parsed = Enums.ParseDefined<T>(value);
        if (parsed is null) errors.Add(new DomainError(ChoiceInvalidCode, field, message));
        return parsed;
    }

    public static string? Text(string? value, string field, string label, ErrorList errors, int max = MeldcodeRules.TextMaxLength) =>
        errors.Take(TextRules.Required(value, field, label, max));

    public static string? OptionalText(string? value, string field, string label, ErrorList errors, int max = MeldcodeRules.ShortTextMaxLength) =>
        errors.Take(TextRules.Optional(value, field, label, max));

    /// <summary>The persons a track is about: members of the household now; none given is all of them.</summary>
    public static IReadOnlyList<Guid>? Persons(IReadOnlyCollection<Guid>? chosen, IReadOnlyCollection<Guid> members, ErrorList errors)
    {
        if (chosen is null || chosen.Count == 0) return members.ToList();
        if (chosen.All(members.Contains)) return chosen.Distinct().ToList();
        errors.Add(new DomainError(PersonsInvalidCode, "Personen", "Kies de personen om wie het gaat uit de leden van dit huishouden."));
        return null;
    }

    /// <summary>The goals a decision "help organised" links: each a goal of the household's active plan.</summary>
    public static DomainError GoalsInvalid() =>
        new(GoalsInvalidCode, "Doelen", "Kies doelen van het actieve plan van dit huishouden.");

    /// <summary>With whom the conversation was held: required when it was held.</summary>
    public static string? WithWhom(string? value, bool? held, ErrorList errors)
    {
        var with = OptionalText(value, "Met", "met wie", errors);
        if (held == true && with is null && !errors.Errors.Any(e => e.Field == "Met"))
            errors.Add(new DomainError(WithWhomRequiredCode, "Met", "Zeg met wie het gesprek is gevoerd."));
        return with;
    }

    /// <summary>A report to Veilig Thuis names who tells the family about it.</summary>
    public static string? InformsFamily(string? value, ErrorList errors)
    {
        var informs = OptionalText(value, "InformeertGezin", "wie de familie informeert", errors);
        if (informs is null && !errors.Errors.Any(e => e.Field == "InformeertGezin"))
            errors.Add(new DomainError(ReportIncompleteCode, "InformeertGezin", "Zeg wie de familie over de melding informeert."));
        return informs;
    }

    /// <summary>The part of a correction that carries the fields of a step.</summary>
    public static string CorrectionPart(MeldcodeStep step) => step switch
    {
        MeldcodeStep.Signalen => "Signalen",
        MeldcodeStep.Overleg => "Overleg",
        MeldcodeStep.Gesprek => "Gesprek",
        MeldcodeStep.Weging => "Weging",
        _ => "Besluit",
    };

    /// <summary>A correction carries the part of the corrected entry's own step.</summary>
    public static DomainError CorrectionPartMissing(MeldcodeStep step) =>
        new(PartRequiredCode, CorrectionPart(step),
            $"Deze vastlegging hoort bij {MeldcodeRules.Label(step).ToLowerInvariant()}: geef de correctie in '{CorrectionPart(step).ToLowerInvariant()}'.");
}
