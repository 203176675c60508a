namespace Regie.Domain.Common;

/// <summary>
/// A broken business rule. <see cref="Code"/> is stable (clients and tests match on it);
/// <see cref="Message"/> is the Dutch text shown to the user; <see cref="Field"/> names the
/// input the message belongs next to.
/// </summary>
public sealed record DomainError(string Code, string Field, string Message)
{
    /// <summary>What was asked for is not there, or not there for this user: a file they may not see reads the same as none.</summary>
    public const string NotFoundCode = "not-found";
}

public sealed class DomainException(DomainError error) : Exception(error.Message)
{
    public DomainError Error { get; } = error;
}

/// <summary>Either a value or the rule it broke; value objects are created through this.</summary>
public readonly record struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, DomainError? error)
    {
        _value = value;
        Error = error;
    }

    public DomainError? Error { get; }
    public bool IsValid => Error is null;
    public T Value => Error is null ? _value! : throw new DomainException(Error);

    public static Result<T> Ok(T value) => new(value, null);
    public static Result<T> Fail(DomainError error) => new(default, error);
    public static implicit operator Result<T>(DomainError error) => Fail(error);
    public static implicit operator Result<T>(T value) => Ok(value);
}

/// <summary>Collects the errors of one command; a command is saved only when this stays empty.</summary>
public sealed class ErrorList
{
    private readonly List<DomainError> _errors = [];
    public IReadOnlyList<DomainError> Errors => _errors;
    public bool HasErrors => _errors.Count > 0;

    public void Add(DomainError? error)
    {
        if (error is not null) _errors.Add(error);
    }

    public T? Take<T>(Result<T> result)
    {
        if (result.IsValid) return result.Value;
        Add(result.Error);
        return default;
    }

    public void AddRange(IEnumerable<DomainError> errors) => _errors.AddRange(errors);
}
