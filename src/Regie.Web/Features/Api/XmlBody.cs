using Microsoft.OpenApi;

namespace Regie.Web.Features.Api;

/// <summary>
/// Marks an endpoint that reads an XML document as its body itself, after its own access check (as <see cref="MultipartBody"/> does
/// for a form). <see cref="ApiDocument"/> describes the body as application/xml with the document the endpoint expects.
/// </summary>
public sealed class XmlBody(string description)
{
    public const string ContentType = "application/xml";

    public OpenApiRequestBody Describe() => new()
    {
        Required = true,
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { [ContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
    };
}
