using Microsoft.OpenApi;

namespace Regie.Web.Features.Api;

/// <summary>
/// Marks an endpoint that reads a multipart form itself (a file upload), after its own access check: declaring the body with
/// Accepts would let routing refuse another content type before authorisation does. <see cref="ApiDocument"/> describes the
/// form from this: one required file field and optional text fields (ids as uuid).
/// </summary>
public sealed class MultipartBody(string fileField, string fileDescription, params string[] fields)
{
    public OpenApiRequestBody Describe()
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string>(StringComparer.Ordinal) { fileField },
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                [fileField] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = fileDescription },
            },
        };
        foreach (var field in fields)
            schema.Properties[field] = field.EndsWith("Id", StringComparison.Ordinal)
                ? new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" }
                : new OpenApiSchema { Type = JsonSchemaType.String };
        return new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["multipart/form-data"] = new() { Schema = schema } },
        };
    }
}
