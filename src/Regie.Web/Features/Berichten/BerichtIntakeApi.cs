using Microsoft.AspNetCore.Http.Features;
using Regie.Domain.Common;
using Regie.Domain.IStandaarden;
using Regie.Web.Features.Api;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Berichten;

/// <summary>The receipt of an accepted message: retourcode 0200 (WJ001: geaccepteerd).</summary>
public sealed record BerichtOntvangst(Guid Id, string Soort, BerichtStatus Status, string Retourcode);

/// <summary>
/// A refused message as problem+json (RFC 9457): the usual fields plus the id under which the refusal is kept, the kind of
/// message, and every violation with its WJ001 retour code, the element it is about, and what was wrong.
/// </summary>
public sealed record BerichtAfwijzing(string Type, string Title, int Status, string Code, string Detail, Guid Id, string Soort,
    IReadOnlyList<Retourmelding> Retourmeldingen);

/// <summary>Care providers send their 305, 307, 315 and 317 with their partner API key; the same handler as the file import.</summary>
public static class BerichtIntakeApi
{
    public static void MapBerichtIntakeApi(this RouteGroupBuilder api)
    {
        var providers = api.MapGroup("/berichten").WithTags("Berichten").RequireAuthorization(Infrastructure.Policies.Partner);
        providers.MapPost("", async (HttpContext ctx, ReceiveBerichtHandler handler, CancellationToken ct) =>
            {
                // The content type is a header; then access: nothing of the body is read for an organisation that sends no messages.
                var type = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(ctx.Request.ContentType, out var media) ? media.MediaType.Value ?? "" : "";
                if (!type.Equals(XmlBody.ContentType, StringComparison.OrdinalIgnoreCase) && !type.Equals("text/xml", StringComparison.OrdinalIgnoreCase))
                    return ApiResults.Problem(StatusCodes.Status415UnsupportedMediaType, "Stuur het bericht als application/xml.",
                        [new DomainError(ErrorCodes.UnsupportedMediaType, "", "Stuur het iWmo- of iJw-bericht als XML met Content-Type application/xml.")]);
                if (await handler.RefuseAsync(ct) is { } refused) return ApiResults.From(refused, _ => Results.Ok());
                if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = ReceiveBerichtHandler.MaxBytes;
                if (ctx.Request.ContentLength > ReceiveBerichtHandler.MaxBytes) return Infrastructure.ErrorHandling.StatusProblem(StatusCodes.Status413PayloadTooLarge);
                string xml;
                try
                {
                    using var reader = new StreamReader(ctx.Request.Body, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                    xml = await reader.ReadToEndAsync(ct);
                }
                catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
                {
                    return Infrastructure.ErrorHandling.StatusProblem(StatusCodes.Status413PayloadTooLarge);
                }
                return ApiResults.From(await handler.HandleAsync(xml, ct), outcome => outcome.Geaccepteerd
                    ? Results.Created($"/api/v1/berichten/{outcome.Id}", new BerichtOntvangst(outcome.Id, outcome.Soort, BerichtStatus.Ontvangen, ReceiveBerichtHandler.Geaccepteerd))
                    : Results.Json(Refusal(outcome), statusCode: StatusCodes.Status422UnprocessableEntity, contentType: ApiDocument.ProblemContentType));
            })
            .WithMetadata(new XmlBody("Een iWmo- of iJw-bericht van release 3.2: WMO305/JW305 (start zorg), WMO307/JW307 (stop zorg), WMO315/JW315 (verzoek om toewijzing)"
                + " of WMO317/JW317 (verzoek om wijziging), zoals het XSD van het bericht het beschrijft. Hoogstens 1 MB."))
            .Produces<BerichtOntvangst>(StatusCodes.Status201Created)
            .Produces<BerichtAfwijzing>(StatusCodes.Status422UnprocessableEntity, ApiDocument.ProblemContentType)
            .WithName("SendBericht").WithSummary("Stuur een start- of stopbericht of een verzoek om toewijzing of wijziging (iWmo/iJw 3.2). 201 als het is geaccepteerd (retourcode 0200), 422 met de retourcodes als het is afgewezen.")
            .WithDescription("Voor een API-sleutel met de rol partner van een organisatie waarvan de gemeente de AGB-code heeft vastgelegd; een andere organisatie krijgt 403 '"
                + ReceiveBerichtHandler.NotAProviderCode + "' en er wordt niets opgeslagen. Het bericht wordt gecontroleerd tegen zijn XSD en tegen de regels die het XSD"
                + " niet kan uitdrukken; elke overtreding staat in 'retourmeldingen' met de retourcode uit WJ001, het element en een toelichting, en het antwoord is dan"
                + $" 422 '{ReceiveBerichtHandler.RefusedCode}'. Retourcodes: {Retourcodes.Technisch} (geen XML, een onbekend bericht, niet geldig volgens het XSD,"
                + $" de Afzender is niet uw AGB-code, of de cliënt van een verzoek is geen inwoner), {Retourcodes.GemeentecodeOngeldig} (Ontvanger is niet deze gemeente),"
                + $" {Retourcodes.DagtekeningInToekomst} (dagtekening na vandaag), {Retourcodes.IdentificatieNietUniek} (identificatie al eerder geaccepteerd),"
                + $" {Retourcodes.NietGekoppeld} (geen toewijzing met dit nummer aan u voor deze cliënt, of de datum valt buiten de toewijzing),"
                + $" {Retourcodes.SleutelAlOntvangen} (deze start of stop is al ontvangen), {Retourcodes.NogNietGestopt} (de vorige levering is nog niet gestopt),"
                + $" {Retourcodes.GeenStart} (stop zonder start), {Retourcodes.ReferentieNietUniek} (ReferentieAanbieder al gebruikt),"
                + $" {Retourcodes.TeWijzigenOnbekend} (geen lopende toewijzing met dit nummer), {Retourcodes.VerzoekOnderhanden} (er loopt al een verzoek voor deze cliënt)."
                + " Van een afgewezen bericht bewaart de gemeente alleen dat u het stuurde en waarom het is afgewezen, niets van de inhoud; er verandert niets."
                + " Een geaccepteerde start of stop komt bij de toewijzing en in de tijdlijn van het huishouden; een verzoek wordt een aanvraag met beslistermijn."
                + $" 415 '{ErrorCodes.UnsupportedMediaType}' als de body geen application/xml is; 413 boven 1 MB; 409 '{ErrorCodes.ConcurrencyConflict}' als"
                + $" na {ReceiveBerichtHandler.Attempts} pogingen andere berichten over dezelfde toewijzing steeds voorgingen: stuur het opnieuw.");
    }

    private static BerichtAfwijzing Refusal(BerichtUitkomst outcome) => new("urn:regie:problem:" + ReceiveBerichtHandler.RefusedCode,
        "Het bericht is afgewezen.", StatusCodes.Status422UnprocessableEntity, ReceiveBerichtHandler.RefusedCode,
        string.Join(" ", outcome.Retourmeldingen.Select(m => $"{m.Retourcode}: {m.Toelichting}")), outcome.Id, outcome.Soort, outcome.Retourmeldingen);
}
