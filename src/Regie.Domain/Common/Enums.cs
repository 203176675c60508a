namespace Regie.Domain.Common;

public static class Enums
{
    /// <summary>A named member of <typeparamref name="T"/>, or null: numbers that name no member ("42") count as invalid too.</summary>
    public static T? ParseDefined<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
}
