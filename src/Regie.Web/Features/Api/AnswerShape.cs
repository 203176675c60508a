using Microsoft.OpenApi;

namespace Regie.Web.Features.Api;

/// <summary>
/// Marks every property of an answer's schema as required. Regie writes every property of what it answers (also a
/// null; nothing is left out), so an integrator may rely on each being there, computed ones included. Only schemas
/// that are answers alone: a schema also used as input keeps the <c>required</c> its <c>[Required]</c> fields give.
/// </summary>
public static class AnswerShape
{
    public static void RequireWrittenProperties(OpenApiDocument doc)
    {
        if (doc.Components?.Schemas is not { } schemas) return;
        var answers = new HashSet<string>(StringComparer.Ordinal);
        var inputs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in doc.Paths?.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []) ?? [])
        {
            foreach (var media in operation.RequestBody?.Content?.Values ?? [])
                Collect(media.Schema, schemas, inputs);
            foreach (var response in operation.Responses?.Values.AsEnumerable() ?? [])
                foreach (var media in response.Content?.Values ?? [])
                    Collect(media.Schema, schemas, answers);
        }
        answers.Remove(ApiDocument.ProblemSchema);
        foreach (var name in answers.Except(inputs).Except(LeavingOutEmptyFields.Value))
            if (schemas[name] is OpenApiSchema { Properties.Count: > 0 } schema)
                Require(schema);
    }

    /// <summary>The answers in an outside standard's shape (<see cref="LeavesOutEmptyFieldsAttribute"/>), by schema name.</summary>
    private static readonly Lazy<HashSet<string>> LeavingOutEmptyFields = new(() => typeof(AnswerShape).Assembly.GetTypes()
        .Where(t => t.IsDefined(typeof(LeavesOutEmptyFieldsAttribute), false)).Select(t => t.Name).ToHashSet(StringComparer.Ordinal));

    private static void Require(OpenApiSchema schema)
    {
        schema.Required = new HashSet<string>(schema.Properties!.Keys, StringComparer.Ordinal);
        // Inline objects (not named) inside an answer are written whole too.
        foreach (var property in schema.Properties.Values)
            foreach (var inline in Inline(property))
                if (inline.Properties is { Count: > 0 }) Require(inline);
    }

    private static IEnumerable<OpenApiSchema> Inline(IOpenApiSchema? schema)
    {
        if (schema is not OpenApiSchema s) yield break;
        yield return s;
        if (s.Items is OpenApiSchema items) yield return items;
    }

    /// <summary>The named schemas a schema uses, followed through properties, items, maps and combinations.</summary>
    private static void Collect(IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema> schemas, HashSet<string> into)
    {
        switch (schema)
        {
            case null:
                return;
            case OpenApiSchemaReference reference:
                if (reference.Reference.Id is { } id && into.Add(id) && schemas.TryGetValue(id, out var target))
                    Collect(target, schemas, into);
                return;
            case OpenApiSchema s:
                foreach (var child in (s.Properties?.Values ?? []).Concat([s.Items, s.AdditionalProperties])
                    .Concat(s.AllOf ?? []).Concat(s.AnyOf ?? []).Concat(s.OneOf ?? []))
                    Collect(child, schemas, into);
                return;
        }
    }
}
