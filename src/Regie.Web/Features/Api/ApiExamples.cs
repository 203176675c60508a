using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Regie.Web.Features.Api;

/// <summary>Example request bodies for the operations an integrator starts with, by operation name.</summary>
public static class ApiExamples
{
    private static readonly Dictionary<string, string> Bodies = new(StringComparer.Ordinal)
    {
    };

    public static void Apply(string operationName, OpenApiOperation operation)
    {
        if (!Bodies.TryGetValue(operationName, out var body)) return;
        if (operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true && media is OpenApiMediaType m)
            m.Example = JsonNode.Parse(body);
    }
}
