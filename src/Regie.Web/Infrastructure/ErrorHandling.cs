using Microsoft.AspNetCore.Diagnostics;
using Regie.Domain.Common;
using Regie.Web.Features.Api;
using Regie.Web.Features.Shared;

namespace Regie.Web.Infrastructure;

public static partial class ErrorHandling
{
    /// <summary>API callers get problem+json (with a code), people get the Dutch error page; neither sees a stack trace.</summary>
    public static IApplicationBuilder UseRegieErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // An unreadable request is the caller's mistake, not Regie's: no error with a stack trace in the log for it.
            SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException or System.Text.Json.JsonException,
            ExceptionHandler = async ctx =>
            {
                var error = ctx.Features.Get<IExceptionHandlerFeature>()?.Error;
                if (ctx.Request.Path.StartsWithSegments("/api"))
                {
                    var badRequest = error is BadHttpRequestException or System.Text.Json.JsonException;
                    var result = badRequest
                        ? ApiResults.Problem(StatusCodes.Status400BadRequest, "Het verzoek is onleesbaar.",
                            [new DomainError(ErrorCodes.RequestInvalid, FieldOf(error), "Het verzoek is onleesbaar: " + Describe(error))])
                        : ApiResults.Problem(StatusCodes.Status500InternalServerError, "Er ging iets mis in Regie.",
                            [new DomainError(ErrorCodes.InternalError, "", "Er ging iets mis in Regie.")], ctx.TraceIdentifier);
                    // A wrong content type or a body over the limit is its own status: the body was not read at all.
                    if (error is BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType or StatusCodes.Status413PayloadTooLarge } tooMuch)
                        result = StatusProblem(tooMuch.StatusCode);
                    await result.ExecuteAsync(ctx);
                    return;
                }
                ctx.Response.StatusCode = error is BadHttpRequestException ? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError;
                ctx.Response.Redirect("/fout");
            },
        });
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api") && !ctx.Request.Path.StartsWithSegments("/health"),
            b => b.UseStatusCodePagesWithReExecute("/fout", "?code={0}"));
        // An error status without a body (401, 403, 404 of an unknown route, 405, 415, …) still answers problem+json with a code.
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"),
            b => b.UseStatusCodePages(async status => await StatusProblem(status.HttpContext.Response.StatusCode).ExecuteAsync(status.HttpContext)));
        return app;
    }

    /// <summary>The code and Dutch title of an API status that has no rule of its own.</summary>
    public static IResult StatusProblem(int status)
    {
        var (code, title) = status switch
        {
            StatusCodes.Status400BadRequest => (ErrorCodes.RequestInvalid, "Het verzoek is onleesbaar."),
            StatusCodes.Status401Unauthorized => (ErrorCodes.Unauthenticated, "Aanmelden is nodig: een sessie of een geldige API-sleutel."),
            StatusCodes.Status403Forbidden => (ErrorCodes.Forbidden, "Geen toegang."),
            StatusCodes.Status404NotFound => (DomainError.NotFoundCode, "Niet gevonden."),
            StatusCodes.Status405MethodNotAllowed => (ErrorCodes.MethodNotAllowed, "Deze methode kan hier niet."),
            StatusCodes.Status409Conflict => (ErrorCodes.Conflict, "Iemand anders heeft dit intussen gewijzigd."),
            StatusCodes.Status413PayloadTooLarge => (ErrorCodes.RequestTooLarge, "Het verzoek is te groot."),
            StatusCodes.Status415UnsupportedMediaType => (ErrorCodes.UnsupportedMediaType, "Stuur de gegevens als application/json."),
            StatusCodes.Status429TooManyRequests => (ErrorCodes.RateLimited, "Te veel verzoeken; probeer het over een minuut opnieuw."),
            _ => (ErrorCodes.InternalError, "Er ging iets mis in Regie."),
        };
        return ApiResults.Problem(status, title, [new DomainError(code, "", title)]);
    }

    private static string FieldOf(Exception? error)
    {
        // A query or route value that does not convert (?team=abc for a uuid): ASP.NET names the parameter in its message.
        if (error is BadHttpRequestException { Message: var message } && BindFailure().Match(message) is { Success: true } bind)
            return bind.Groups["name"].Value;
        // System.Text.Json names the place as a JSON path ($.leden[0].bsn); the field is that path without "$.".
        for (var e = error; e is not null; e = e.InnerException)
            if (e is System.Text.Json.JsonException { Path: { } path })
                return path.StartsWith("$.") ? path[2..] : path == "$" ? "" : path.TrimStart('$');
        return "";
    }

    private static string Describe(Exception? error) =>
        FieldOf(error) is not { Length: > 0 } field ? "geen geldige JSON."
        : error is BadHttpRequestException && BindFailure().IsMatch(error.Message) ? $"de parameter '{field}' heeft niet de verwachte vorm."
        : $"het veld '{field}' heeft niet de verwachte vorm.";

    [System.Text.RegularExpressions.GeneratedRegex("^Failed to bind parameter \"[^\" ]+ (?<name>[^\" ]+)\" from ")]
    private static partial System.Text.RegularExpressions.Regex BindFailure();
}
