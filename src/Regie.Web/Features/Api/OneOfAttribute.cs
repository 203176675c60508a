using System.Collections;
using System.Reflection;

namespace Regie.Web.Features.Api;

/// <summary>
/// Documents that an input field takes one of a fixed list of values, read from the list the rule itself uses (a
/// static property or field of <paramref name="owner"/>), so the OpenAPI <c>enum</c> and the rule have one home.
/// <c>[AllowedValues]</c> would need the values written out again as attribute constants. With an enum type alone,
/// the values are its names (as <c>Enums.ParseDefined</c> reads them).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class OneOfAttribute(Type owner, string? member = null) : Attribute
{
    public IReadOnlyList<string> Values()
    {
        if (member is null)
            return owner.IsEnum ? Enum.GetNames(owner) : throw new InvalidOperationException($"{owner.Name} is not an enum; name its list of values.");
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
        var value = owner.GetProperty(member, flags)?.GetValue(null) ?? owner.GetField(member, flags)?.GetValue(null)
            ?? throw new InvalidOperationException($"{owner.Name}.{member} is not a static list of values.");
        return value is IEnumerable items and not string
            ? items.Cast<object?>().Select(v => v?.ToString() ?? "").ToList()
            : throw new InvalidOperationException($"{owner.Name}.{member} is not a list.");
    }
}
