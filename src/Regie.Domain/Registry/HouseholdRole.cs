using Regie.Domain.Common;

namespace Regie.Domain.Registry;

/// <summary>A member's role in the household. Stored by name, so the values are part of the schema.</summary>
public enum HouseholdRole
{
    Ouder,
    Partner,
    Kind,
    Overig,
}

public static class HouseholdRoles
{
    public const string InvalidCode = "role-invalid";

    /// <summary>The roles as the API writes them (lower case); <see cref="Parse"/> reads any case.</summary>
    public static IReadOnlyList<string> Names { get; } = Enum.GetNames<HouseholdRole>().Select(n => n.ToLowerInvariant()).ToList();

    public static string Label(HouseholdRole role) => role switch
    {
        HouseholdRole.Ouder => "Ouder",
        HouseholdRole.Partner => "Partner",
        HouseholdRole.Kind => "Kind",
        _ => "Overig",
    };

    public static Result<HouseholdRole> Parse(string? input, string field = "Rol") =>
        Enum.TryParse<HouseholdRole>(input?.Trim(), ignoreCase: true, out var role) && Enum.IsDefined(role)
            ? role
            : new DomainError(InvalidCode, field, "Kies een rol: ouder, partner, kind of overig.");
}
