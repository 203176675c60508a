using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Regie.Web.Infrastructure;

public static class ErrorHandling
{
    /// <summary>API callers get problem+json (with a code), people get the Dutch error page; neither sees a stack trace.</summary>
    public static IApplicationBuilder UseRegieErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = async ctx =>
            {
                var error = ctx.Features.Get<IExceptionHandlerFeature>()?.Error;
                var badRequest = error is BadHttpRequestException;
                ctx.Response.StatusCode = badRequest ? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError;
                if (ctx.Request.Path.StartsWithSegments("/api"))
                {
                    var problem = new ProblemDetails
                    {
                        Status = ctx.Response.StatusCode,
                        Title = badRequest ? "Het verzoek is onleesbaar." : "Er ging iets mis in Regie.",
                        Type = "urn:regie:problem:" + (badRequest ? "request-invalid" : "internal-error"),
                    };
                    problem.Extensions["code"] = badRequest ? "request-invalid" : "internal-error";
                    problem.Extensions["traceId"] = ctx.TraceIdentifier;
                    await Results.Problem(problem).ExecuteAsync(ctx);
                    return;
                }
                ctx.Response.Redirect("/fout");
            },
        });
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api") && !ctx.Request.Path.StartsWithSegments("/health"),
            b => b.UseStatusCodePagesWithReExecute("/fout", "?code={0}"));
        return app;
    }
}
