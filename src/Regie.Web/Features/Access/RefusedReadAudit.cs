using Regie.Web.Features.Audit;

namespace Regie.Web.Features.Access;

/// <summary>
/// Records every refused look-up of a file in one place: when a request is answered "not found" and
/// <see cref="FileAccessService"/> refused it a household's file (or a person's data) on the way, that refusal is
/// on record (action <c>denied</c>, the household's or person's id, the route asked for) whichever endpoint or page asked.
/// Refused look-ups are evidence of snooping, and a resident's inspection request (AVG art. 15) shows them.
/// A check that only decides what a page shows (a link, a follow-up) while the answer is not "not found"
/// records nothing. Written before the answer starts, so it is durable before the caller sees the 404.
/// </summary>
public static class RefusedReadAudit
{
    public static IApplicationBuilder UseRefusedReadAudit(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        ctx.Response.OnStarting(() => RecordAsync(ctx));
        await next();
        // A page's "not found" has no body yet: recorded here, before the error page is rendered.
        if (!ctx.Response.HasStarted) await RecordAsync(ctx);
    });

    private static async Task RecordAsync(HttpContext ctx)
    {
        if (ctx.Response.StatusCode != StatusCodes.Status404NotFound) return;
        if (ctx.RequestServices.GetService<FileAccessService>() is not { } access) return;
        var refused = access.TakeRefused();
        if (refused.Count == 0) return;
        // The route's template, never the path or query as typed: those could hold what was searched for.
        var route = (ctx.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "?";
        var detail = $"{ctx.Request.Method} {route}";
        var audit = ctx.RequestServices.GetRequiredService<AuditLog>();
        foreach (var (householdId, personId) in refused)
            if (personId is { } person) await audit.RecordAsync(AuditActions.Denied, AuditResources.Person, personId: person, detail: detail, ct: CancellationToken.None);
            else await audit.RecordAsync(AuditActions.Denied, AuditResources.Household, householdId, detail: detail, ct: CancellationToken.None);
    }
}
