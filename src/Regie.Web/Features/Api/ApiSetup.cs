using Microsoft.AspNetCore.Mvc;
using Regie.Domain.Common;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Api;

public static class ApiSetup
{
    public static IServiceCollection AddRegieApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        // Unreadable bodies reach the exception handler, which answers problem+json with code request-invalid.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi("v1", ApiDocument.Configure);
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new UtcDateTimeConverter());
            // A misspelt field ("versei") or a field sent twice is refused (400, the field named), not silently ignored.
            o.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.AllowDuplicateProperties = false;
        });
        return services;
    }

    public static void MapRegieApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        ApiReference.Map(app);
        // Systems authenticate with X-Api-Key, people with their session cookie; the same role rules apply.
        var v1 = app.MapGroup("/api/v1")
            .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { AuthenticationSchemes = ApiKeys.ApiKeyDefaults.ApiScheme })
            .DisableAntiforgery()
            .RefuseMalformedInput();
        v1.MapFeatureApis();
    }
}

/// <summary>Turns a handler's answer into HTTP: 400/404/409 as problem+json carrying the rule codes.</summary>
public static class ApiResults
{
    public static IResult From<T>(CommandResult<T> result, Func<T, IResult> ok) => result.Status switch
    {
        CommandStatus.Ok => ok(result.Value!),
        CommandStatus.NotFound => Problem(StatusCodes.Status404NotFound, "Niet gevonden.", result.Errors),
        CommandStatus.Conflict => Problem(StatusCodes.Status409Conflict, "Iemand anders heeft dit intussen gewijzigd.", result.Errors),
        CommandStatus.Forbidden => Problem(StatusCodes.Status403Forbidden, "Geen toegang.", result.Errors),
        _ => Problem(StatusCodes.Status400BadRequest, "De gegevens zijn niet geldig.", result.Errors),
    };

    public static IResult Problem(int status, string title, IReadOnlyList<DomainError> errors, string? traceId = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Type = "urn:regie:problem:" + (errors.FirstOrDefault()?.Code ?? "error"),
            Detail = errors.FirstOrDefault()?.Message,
        };
        problem.Extensions["code"] = errors.FirstOrDefault()?.Code;
        problem.Extensions["errors"] = errors.Select(e => new { e.Code, field = JsonField(e.Field), e.Message }).ToList();
        if (traceId is not null) problem.Extensions["traceId"] = traceId;
        return Results.Problem(problem);
    }

    /// <summary>
    /// A rule's field (as the pages bind it: <c>Leden[0].Bsn</c>, <c>Scores[Financien]</c>) in the form the body has it,
    /// the same as a parse error names it: <c>leden[0].bsn</c>, <c>scores.Financien</c>.
    /// </summary>
    public static string JsonField(string? field)
    {
        if (string.IsNullOrEmpty(field)) return "";
        var parts = new List<string>();
        foreach (var segment in field.Split('.'))
        {
            var bracket = segment.IndexOf('[');
            var name = bracket < 0 ? segment : segment[..bracket];
            var text = name.Length > 0 ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name) : "";
            for (var rest = bracket < 0 ? "" : segment[bracket..]; rest.StartsWith('[') && rest.IndexOf(']') is var close and > 0; rest = rest[(close + 1)..])
            {
                var key = rest[1..close];
                text += key.All(char.IsAsciiDigit) ? $"[{key}]" : (text.Length > 0 ? "." : "") + key;
            }
            parts.Add(text);
        }
        return string.Join('.', parts.Where(p => p.Length > 0));
    }

    public static IResult NotFound(string what) => From(CommandResult<object>.NotFound(what), _ => Results.Ok());

    public static IResult Invalid(DomainError error) => Problem(StatusCodes.Status400BadRequest, "De gegevens zijn niet geldig.", [error]);
}
