namespace Regie.Domain.Common;

/// <summary>Rules every free-text field obeys: length limits and no control characters.</summary>
public static class TextRules
{
    public const string TooLongCode = "text-too-long";
    public const string RequiredCode = "text-required";
    public const string ControlCharsCode = "text-invalid-characters";

    public static Result<string> Required(string? value, string field, string label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return new DomainError(RequiredCode, field, $"Vul {label} in.");
        var optional = Optional(value, field, label, maxLength);
        return optional.IsValid ? Result<string>.Ok(optional.Value!) : optional.Error!;
    }

    /// <summary>
    /// As <see cref="Required(string?, string, string, int)"/>, for a field whose absence has its own code and message;
    /// the length and character rules are the same.
    /// </summary>
    public static Result<string> Required(string? value, string field, string label, int maxLength, string missingCode, string missingMessage)
    {
        if (string.IsNullOrWhiteSpace(value)) return new DomainError(missingCode, field, missingMessage);
        var optional = Optional(value, field, label, maxLength);
        return optional.IsValid ? Result<string>.Ok(optional.Value!) : optional.Error!;
    }

    /// <summary>Trims; an empty value becomes null. HTML is kept as text: escaping happens at rendering.</summary>
    public static Result<string?> Optional(string? value, string field, string label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return Result<string?>.Ok(null);
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
            return new DomainError(TooLongCode, field, $"{Capitalize(label)} mag maximaal {maxLength} tekens lang zijn (nu {trimmed.Length}).");
        if (trimmed.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            return new DomainError(ControlCharsCode, field, $"{Capitalize(label)} bevat tekens die niet zijn toegestaan.");
        return Result<string?>.Ok(trimmed);
    }

    /// <summary>As <see cref="Required(string?, string, string, int, string, string)"/>, for a name or another value that stands on one line: no line breaks or tabs.</summary>
    public static Result<string> RequiredLine(string? value, string field, string label, int maxLength, string missingCode, string missingMessage)
    {
        var text = Required(value, field, label, maxLength, missingCode, missingMessage);
        if (text.IsValid && text.Value!.Any(c => c is '\n' or '\r' or '\t'))
            return new DomainError(ControlCharsCode, field, $"{Capitalize(label)} staat op één regel: zonder regeleinden of tabs.");
        return text;
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
