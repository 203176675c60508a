namespace Regie.Web.Features.Api;

/// <summary>
/// Documents the keys of a map whose keys are composite text: each key is an id, a colon and one of the names of
/// <paramref name="names"/> (an enum), as the rule that reads them splits it. An enum-keyed map needs no attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MapKeysAttribute(Type names) : Attribute
{
    private const string Uuid = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    public string Pattern() => $"^{Uuid}:({string.Join('|', Enum.GetNames(names))})$";
}
