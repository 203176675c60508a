namespace Regie.Domain.Common;

public static class Enums
{
    /// <summary>
    /// A named member of <typeparamref name="T"/> by its exact name (case-sensitive), or null: numbers ("0", "42") and
    /// lists of names ("Familie, Vriend") are invalid, also where they would name a member.
    /// </summary>
    public static T? ParseDefined<T>(string? value) where T : struct, Enum =>
        value is not null && Array.IndexOf(Enum.GetNames<T>(), value) >= 0 ? Enum.Parse<T>(value) : null;
}
