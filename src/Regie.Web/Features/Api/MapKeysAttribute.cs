namespace Regie.Web.Features.Api;

/// <summary>
/// Documents the keys of a map whose keys are composite text, as the rule that reads them splits it: by default an
/// id, a colon and one of the names of <paramref name="names"/> (an enum); <paramref name="shape"/> gives another
/// form, with <c>{names}</c> for the enum's names and <c>{uuid}</c> for an id. An enum-keyed map needs no attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MapKeysAttribute(Type names, string shape = "{uuid}:{names}") : Attribute
{
    private const string Uuid = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    public string Pattern() => "^" + shape.Replace("{uuid}", Uuid, StringComparison.Ordinal)
        .Replace("{names}", "(" + string.Join('|', Enum.GetNames(names)) + ")", StringComparison.Ordinal) + "$";
}
