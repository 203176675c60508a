namespace Regie.Web.Infrastructure;

public static class SecurityHeaders
{
    /// <summary>Regie's content security policy; <paramref name="styleNonce"/> lets one response's own style elements through.</summary>
    private static string Policy(string? styleNonce = null) =>
        $"default-src 'self'; script-src 'self'; style-src 'self'{(styleNonce is null ? "" : $" 'nonce-{styleNonce}'")}; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private static readonly string DefaultPolicy = Policy();

    /// <summary>
    /// A page whose script builds its own style elements (the API reference) may give them this response's nonce;
    /// scripts stay as strict as everywhere else.
    /// </summary>
    public static void AllowStyleNonce(HttpContext ctx, string nonce) => ctx.Response.Headers.ContentSecurityPolicy = Policy(nonce);

    /// <summary>
    /// No inline script anywhere, so the CSP can forbid it; Regie is never framed. HSTS is
    /// added by the reverse proxy or when Regie itself serves HTTPS.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var h = ctx.Response.Headers;
        h.ContentSecurityPolicy = DefaultPolicy;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "same-origin";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (ctx.Request.IsHttps) h.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
        await next();
    });
}
