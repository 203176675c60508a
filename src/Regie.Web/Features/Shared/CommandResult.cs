using Regie.Domain.Common;

namespace Regie.Web.Features.Shared;

public enum CommandStatus
{
    Ok,
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
}

/// <summary>
/// What a handler returns to a page or an API endpoint. Both show the same errors: pages next
/// to the field, the API as problem+json with the stable codes.
/// </summary>
public sealed record CommandResult<T>(CommandStatus Status, T? Value, IReadOnlyList<DomainError> Errors)
{
    public bool IsOk => Status == CommandStatus.Ok;

    /// <summary>The same answer with the value turned into another (a failure keeps its status and errors).</summary>
    public CommandResult<TOther> Select<TOther>(Func<T, TOther> map) => new(Status, IsOk ? map(Value!) : default, Errors);

    public static CommandResult<T> Ok(T value) => new(CommandStatus.Ok, value, []);
    public static CommandResult<T> Invalid(IReadOnlyList<DomainError> errors) => new(CommandStatus.Invalid, default, errors);
    public static CommandResult<T> Invalid(DomainError error) => new(CommandStatus.Invalid, default, [error]);

    public static CommandResult<T> NotFound(string what) =>
        new(CommandStatus.NotFound, default, [new DomainError(DomainError.NotFoundCode, "", $"{what} is niet gevonden.")]);

    public static CommandResult<T> Forbidden() =>
        new(CommandStatus.Forbidden, default, [new DomainError(ErrorCodes.Forbidden, "", "U heeft geen toegang om dit te doen.")]);

    /// <summary>Refused with the rule that refuses it (its own code and message), e.g. emergency access is read-only.</summary>
    public static CommandResult<T> Forbidden(DomainError why) => new(CommandStatus.Forbidden, default, [why]);

    public static CommandResult<T> Conflict() =>
        new(CommandStatus.Conflict, default, [new DomainError(ErrorCodes.ConcurrencyConflict, "",
            "Iemand anders heeft dit intussen gewijzigd. Bekijk de nieuwe gegevens en sla uw wijziging opnieuw op.")]);
}
