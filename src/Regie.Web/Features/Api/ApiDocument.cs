using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Regie.Web.Features.Api;

/// <summary>
/// The one place that makes the OpenAPI document say what the API really does: distinct schema names, the
/// problem answers every operation can give, how a caller authenticates, and examples for the main operations.
/// What only one operation answers (201, 204, a file) is declared on that endpoint with <c>.Produces(...)</c>.
/// </summary>
public static class ApiDocument
{
    public const string ProblemSchema = "Problem";
    public const string ProblemContentType = "application/problem+json";
    public const string SessionScheme = "sessie";
    public const string ApiKeyScheme = "apiSleutel";

    public static void Configure(OpenApiOptions o)
    {
        o.CreateSchemaReferenceId = SchemaId;
        o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Regie API";
            doc.Info.Version = "v1";
            doc.Info.Description = "Huishoudens en personen van het sociaal domein. Fouten komen terug als application/problem+json met een vaste 'code' per regel.";
            doc.Info.License = new OpenApiLicense { Name = "EUPL-1.2", Identifier = "EUPL-1.2" };
            doc.Servers = [new OpenApiServer { Url = "/", Description = "Deze Regie-installatie" }];
            doc.Components ??= new OpenApiComponents();
            doc.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            doc.Components.Schemas[ProblemSchema] = Problem();
            doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes[SessionScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = Infrastructure.RegieApp.SessionCookie,
                Description = "De sessiecookie na inloggen in Regie (voor mensen; met tweestapsverificatie waar die geldt).",
            };
            doc.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeys.ApiKeyDefaults.Header,
                Description = "Een API-sleutel die de beheerder uitgeeft (voor systemen). Dezelfde rolregels gelden als voor mensen.",
            };
            return Task.CompletedTask;
        });
        o.AddDocumentTransformer((doc, _, _) =>
        {
            AnswerShape.RequireWrittenProperties(doc);
            return Task.CompletedTask;
        });
        o.AddSchemaTransformer((schema, context, _) =>
        {
            Constrain(schema, context);
            return Task.CompletedTask;
        });
        o.AddOperationTransformer((operation, context, _) =>
        {
            Describe(operation, context);
            return Task.CompletedTask;
        });
    }

    /// <summary>Three inputs are called DecisionInput (an application's, a spend's, a triage's): the short name alone would merge them.</summary>
    private static string? SchemaId(JsonTypeInfo info)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
        var type = info.Type;
        if (id is null || type.IsGenericType || type.Namespace is null || !type.Namespace.StartsWith("Regie.", StringComparison.Ordinal)) return id;
        return AmbiguousNames.Value.Contains(type.Name) ? type.Namespace.Split('.')[^1] + id : id;
    }

    private static readonly Lazy<HashSet<string>> AmbiguousNames = new(() =>
        typeof(ApiDocument).Assembly.GetTypes().Concat(typeof(Domain.Common.DomainError).Assembly.GetTypes())
            .Where(t => t.IsPublic || t.IsNestedPublic)
            .GroupBy(t => t.Name).Where(g => g.Select(t => t.Namespace).Distinct().Count() > 1)
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// <c>[Required]</c> and <c>[OneOf]</c> on an input's property become <c>required</c> and <c>enum</c> in its
    /// schema. They only describe: the rule that refuses a missing or unknown value stays in the handler or the domain,
    /// and a test holds the two together (a documented required field, left out, is named in the 400).
    /// </summary>
    private static void Constrain(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        // An object's own properties, also where the object is itself a property (an address inside a household).
        if (schema.Properties is { Count: > 0 } && context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object)
        {
            foreach (var property in context.JsonTypeInfo.Properties)
            {
                if (property.AttributeProvider?.IsDefined(typeof(System.ComponentModel.DataAnnotations.RequiredAttribute), true) != true) continue;
                schema.Required ??= new HashSet<string>(StringComparer.Ordinal);
                schema.Required.Add(property.Name);
                // Required means a value: null is refused like a missing field.
                if (schema.Properties.TryGetValue(property.Name, out var p) && p is OpenApiSchema { Type: { } t } inline && t.HasFlag(JsonSchemaType.Null))
                {
                    inline.Type = t & ~JsonSchemaType.Null;
                    inline.Enum?.Remove(inline.Enum.FirstOrDefault(e => e is null)!);
                }
            }
        }
        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Dictionary) DescribeKeys(schema, context);
        // A moment is written by UtcDateTimeConverter (a custom converter leaves the schema empty): ISO 8601 in UTC.
        if (context.JsonTypeInfo.Type == typeof(DateTime) || context.JsonTypeInfo.Type == typeof(DateTime?))
        {
            schema.Type = context.JsonTypeInfo.Type == typeof(DateTime) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
            schema.Description ??= "Moment in UTC (ISO 8601, eindigt op Z).";
        }
        // Enums travel as their names (JsonStringEnumConverter): say they are text.
        if ((Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type).IsEnum && schema.Enum is { Count: > 0 } && schema.Type is null)
            schema.Type = schema.Enum.Any(e => e is null) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        if (context.JsonPropertyInfo?.Name == VersionField && context.JsonTypeInfo.Type == typeof(int) && string.IsNullOrEmpty(schema.Description))
            schema.Description = VersionText;
        var oneOf = context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(OneOfAttribute), true).OfType<OneOfAttribute>().FirstOrDefault()
            // A query parameter: the attribute sits on the handler's parameter.
            ?? (context.JsonPropertyInfo is null && context.ParameterDescription?.ParameterDescriptor is Microsoft.AspNetCore.Mvc.Infrastructure.IParameterInfoParameterDescriptor parameter
                ? parameter.ParameterInfo.GetCustomAttributes(typeof(OneOfAttribute), true).OfType<OneOfAttribute>().FirstOrDefault() : null);
        if (oneOf is null) return;
        // On a list, each item takes one of the values; on a map, each value.
        var target = schema.Type?.HasFlag(JsonSchemaType.Array) == true && schema.Items is OpenApiSchema items ? items
            : context.JsonTypeInfo.Kind == JsonTypeInfoKind.Dictionary && schema.AdditionalProperties is OpenApiSchema values ? values : schema;
        target.Enum = oneOf.Values().Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        // A field that may be left out may also be null.
        if (target.Type?.HasFlag(JsonSchemaType.Null) == true) target.Enum.Add(null!);
    }

    /// <summary>The keys of a map: the names of its enum key type, or the pattern its <see cref="MapKeysAttribute"/> gives.</summary>
    private static void DescribeKeys(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        var keys = context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(MapKeysAttribute), true).OfType<MapKeysAttribute>().FirstOrDefault();
        if (keys is not null)
            schema.PropertyNames = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = keys.Pattern() };
        else if (context.JsonTypeInfo.KeyType is { IsEnum: true } keyType)
            schema.PropertyNames = new OpenApiSchema { Type = JsonSchemaType.String, Enum = Enum.GetNames(keyType).Select(n => (JsonNode)JsonValue.Create(n)).ToList() };
    }

    private const string VersionField = "versie";
    private const string VersionText = "De versie van wat u wijzigt, zoals u die las (het veld 'versie' in het antwoord van de GET of van de vorige wijziging). "
        + "Is het intussen door iemand anders gewijzigd, dan volgt 409 met code '" + Shared.ErrorCodes.ConcurrencyConflict + "' en verandert er niets: lees opnieuw en probeer het nog eens.";

    private static void Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var description = context.Description;
        if (description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) != true) return;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = description.HttpMethod ?? "GET";
        var writes = method is "POST" or "PUT" or "PATCH" or "DELETE";
        // A form the endpoint reads itself (a file upload) is a body as much as a bound one.
        var multipart = metadata.OfType<MultipartBody>().FirstOrDefault();
        if (multipart is not null) operation.RequestBody = multipart.Describe();
        var xml = metadata.OfType<XmlBody>().FirstOrDefault();
        if (xml is not null) operation.RequestBody = xml.Describe();
        var hasBody = description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body) || multipart is not null || xml is not null;
        var hasPathId = description.RelativePath.Contains('{');
        var hasQuery = description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Query);

        operation.Responses ??= new OpenApiResponses();
        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(SessionScheme, context.Document)] = [],
            }, new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [],
            }];
            AddProblem(operation, context, StatusCodes.Status401Unauthorized, "Niet ingelogd of geen geldige API-sleutel.");
            AddProblem(operation, context, StatusCodes.Status403Forbidden, "Uw rol of organisatie mag dit niet.");
        }
        if (hasBody || hasQuery || writes)
            AddProblem(operation, context, StatusCodes.Status400BadRequest,
                "De gegevens zijn niet geldig, of de toestand staat de wijziging niet toe (bijvoorbeeld een verwijzing die al is afgerond); 'errors' noemt per veld de regel ('code').");
        // A body names other things too (a household, a person): they may not exist.
        if (hasPathId || hasBody) AddProblem(operation, context, StatusCodes.Status404NotFound, "Niet gevonden, of niet zichtbaar voor u.");
        if (writes) AddProblem(operation, context, StatusCodes.Status409Conflict,
            "Iemand anders heeft het intussen gewijzigd (een andere 'versie'), of een unieke waarde is net door een ander vastgelegd: lees opnieuw en probeer het nog eens.");
        if (hasBody)
        {
            AddProblem(operation, context, StatusCodes.Status413PayloadTooLarge, "De body is groter dan de server aanneemt.");
            AddProblem(operation, context, StatusCodes.Status415UnsupportedMediaType, xml is not null ? "De body is geen application/xml." : multipart is null ? "De body is geen application/json." : "De body is geen multipart/form-data.");
        }
        AddProblem(operation, context, StatusCodes.Status429TooManyRequests, "Te veel verzoeken van deze sleutel (of dit adres) in een minuut; probeer het na 'Retry-After' seconden opnieuw.");

        if (description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName is { } name)
            ApiExamples.Apply(name, operation);
    }

    private static void AddProblem(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var existing) && existing.Content?.ContainsKey(ProblemContentType) == true
            && existing.Content[ProblemContentType].Schema is OpenApiSchemaReference) return;
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemContentType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, context.Document) },
            },
        };
    }

    /// <summary>The shape of <see cref="ApiResults.Problem"/>: RFC 9457 plus Regie's rule code and the errors per field.</summary>
    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "Een fout (RFC 9457). 'code' is de regel die het eerst faalde; 'errors' noemt ze allemaal.",
        Required = new HashSet<string> { "type", "title", "status" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Examples = [JsonValue.Create("urn:regie:problem:bsn-invalid")] },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Examples = [JsonValue.Create("De gegevens zijn niet geldig.")] },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "De vaste code van de regel, bijvoorbeeld bsn-invalid of conflict." },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "code", "message" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["code"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["field"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "Het veld in de body of de parameter waar de regel over gaat." },
                        ["message"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Voor mensen, in het Nederlands." },
                    },
                },
            },
        },
    };
}
