using Microsoft.OpenApi;
using System.Text.Json.Nodes;

namespace Regie.Web.Features.Api;

/// <summary>
/// What the OpenAPI document says of one query or path parameter beyond the type its handler binds: a format, a pattern,
/// the values it takes, its bounds and an example. A handler often binds text so that it can refuse bad input with its own
/// code; these facts say what the parameter accepts, and the handler's rule stays the one that refuses.
/// </summary>
/// <param name="Name">The parameter's name as the caller sends it.</param>
/// <param name="Example">An example value, of the type the document gives the parameter.</param>
public sealed record ParameterFacts(string Name, JsonNode Example)
{
    /// <summary>The type to document when it differs from the bound one (an integer read as text).</summary>
    public JsonSchemaType? Type { get; init; }
    public string? Format { get; init; }
    public string? Pattern { get; init; }
    public IReadOnlyList<JsonNode>? Values { get; init; }
    public string? Minimum { get; init; }
    public string? Maximum { get; init; }
    /// <summary>For a list (a repeated parameter): the format of each item.</summary>
    public string? ItemFormat { get; init; }

    public static ParameterFacts Uuid(string name) => new(name, JsonValue.Create("3f2b8c1e-5d4a-4e2b-9c1d-7a6e5f4b3c2d")) { Format = "uuid" };

    /// <summary>The schema of the parameter with these facts.</summary>
    public void Apply(OpenApiParameter parameter)
    {
        parameter.Example = Example.DeepClone();
        if (parameter.Schema is not OpenApiSchema schema) return;
        if (Type is { } type) schema.Type = type;
        if (Format is not null) schema.Format = Format;
        if (Pattern is not null) schema.Pattern = Pattern;
        if (Values is not null) schema.Enum = Values.Select(v => v.DeepClone()).ToList();
        if (Minimum is not null) schema.Minimum = Minimum;
        if (Maximum is not null) schema.Maximum = Maximum;
        if (ItemFormat is not null && schema.Items is OpenApiSchema items) items.Format = ItemFormat;
    }
}

public static class ParameterFactsExtensions
{
    /// <summary>Documents the named parameters of this operation with their facts; a parameter without facts is left as bound.</summary>
    public static TBuilder WithParameterFacts<TBuilder>(this TBuilder builder, params ParameterFacts[] facts) where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var p in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
                if (facts.FirstOrDefault(f => f.Name == p.Name) is { } fact) fact.Apply(p);
            return Task.CompletedTask;
        });
}
