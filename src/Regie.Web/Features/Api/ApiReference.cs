using Scalar.AspNetCore;
using System.Security.Cryptography;

namespace Regie.Web.Features.Api;

/// <summary>
/// The API reference for integrators at /api/docs, rendered in the browser from /openapi/v1.json. Regie serves
/// the page and Scalar's script itself (a server may have no internet), and the page has no inline script, so
/// the strict CSP holds; Scalar's own styles carry the page's nonce.
/// </summary>
public static class ApiReference
{
    public const string Path = "/api/docs";

    public static void Map(WebApplication app)
    {
        // Scalar's endpoints serve its script; its own page starts Scalar with an inline script, which the CSP forbids,
        // so Regie's page takes /api/docs (and /api/docs/) before it.
        app.MapScalarApiReference(Path).AllowAnonymous();
        app.MapGet(Path, (HttpContext ctx) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            Infrastructure.SecurityHeaders.AllowStyleNonce(ctx, nonce);
            return Results.Content(Page(nonce), "text/html; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription().WithOrder(-1);
    }

    private static string Page(string nonce) => $$"""
        <!doctype html>
        <html lang="nl">
        <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta property="csp-nonce" content="{{nonce}}">
            <title>Regie API</title>
        </head>
        <body>
            <div id="app" data-document="/openapi/v1.json"></div>
            <script src="{{Path}}/scalar.js"></script>
            <script src="/js/api-docs.js"></script>
        </body>
        </html>
        """;
}
