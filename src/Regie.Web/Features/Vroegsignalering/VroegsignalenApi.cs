using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Features.Api;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Vroegsignalering;

/// <summary>
/// Signals in: a signal partner's system sends its signals and reads back their receipt; the vroegsignalering workers match by
/// hand what the registry could not match. The same handlers, rules and audit as the CSV import and the pages.
/// </summary>
public static class VroegsignalenApi
{
    private static readonly string PartnerKinds = string.Join(", ", DdasCodes.PartnerSoorten.Select(DdasCodes.Label));

    public static void MapVroegsignalenApi(this RouteGroupBuilder api)
    {
        var partners = api.MapGroup("/vroegsignalen").WithTags("Vroegsignalering").RequireAuthorization(Infrastructure.Policies.Partner);
        partners.MapPost("", async (SignalInput input, ReceiveSignalHandler handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(input, ct),
                    receipt => receipt.Nieuw ? Results.Created($"/api/v1/vroegsignalen/{receipt.Id}", receipt) : Results.Ok(receipt)))
            .Produces<SignalReceipt>(StatusCodes.Status201Created)
            .Produces<SignalReceipt>(StatusCodes.Status200OK)
            .WithName("SendVroegsignaal").WithSummary("Stuur een signaal van betalingsachterstand (Wgs art. 2.2.1). 201 met de ontvangstbevestiging; 200 als u dit kenmerk al eerder stuurde.")
            .WithDescription("Voor een API-sleutel met de rol partner van een organisatie die de gemeente als signaalpartner heeft vastgelegd (soort: " + PartnerKinds
                + "); een andere organisatie krijgt 403 '" + SignalRules.NotASignalPartnerCode + "'. Het antwoord zegt alleen dat het signaal is ontvangen, nooit of de"
                + " gemeente de inwoner kent of wat er met het signaal gebeurt. Hetzelfde kenmerk opnieuw sturen slaat niets nieuws op (200, nieuw: false, het id van"
                + " het eerste signaal). Foutcodes (400, er wordt dan niets opgeslagen): "
                + $"{SignalRules.KenmerkRequiredCode} (kenmerk), {TextRules.TooLongCode} (een tekst te lang), {Bsn.InvalidCode} (bsn),"
                + $" {SignalRules.IdentificationMissingCode} (geen bsn en niet alle vier: achternaam, geboortedatum, postcode, huisnummer),"
                + $" {BirthDate.InvalidCode}/{BirthDate.FutureCode}/{BirthDate.ImplausibleCode} (geboortedatum), {Postcode.InvalidCode} (postcode),"
                + $" {Address.HuisnummerCode} (huisnummer), {ContactDetails.PhoneInvalidCode} (telefoon), {ContactDetails.EmailInvalidCode} (email),"
                + $" {SignalRules.AmountInvalidCode} (bedrag), {SignalRules.MonthsInvalidCode} (maanden), {SignalRules.DateInvalidCode} (signaaldatum, ontstaansdatum)."
                + $" 409 '{ErrorCodes.ConcurrencyConflict}' als andere signalen over hetzelfde huishouden op hetzelfde moment binnenkwamen en het na"
                + $" {ReceiveSignalHandler.Attempts} pogingen niet lukte: stuur het signaal opnieuw (hetzelfde kenmerk maakt niets dubbel).");

        partners.MapGet("/{id:guid}", async (Guid id, ReceiveSignalHandler handler, CancellationToken ct) => ApiResults.From(await handler.ReceiptAsync(id, ct), Results.Ok))
            .Produces<SignalReceipt>(StatusCodes.Status200OK)
            .WithName("GetVroegsignaalOntvangst").WithSummary("De ontvangstbevestiging van een van uw eigen signalen.")
            .WithDescription("Alleen uw eigen signalen: het signaal van een andere signaalpartner of een onbekend id geeft 404 ('" + DomainError.NotFoundCode + "').");

        var workers = api.MapGroup("/vroegsignalering/signalen").WithTags("Vroegsignalering").RequireAuthorization(Infrastructure.Policies.Vroegsignalering);
        workers.MapGet("/ongekoppeld", async (VroegsignaleringQueries queries, CancellationToken ct) => Results.Ok(await queries.UnmatchedAsync(ct)))
            .Produces<UnmatchedView>(StatusCodes.Status200OK)
            .WithName("GetOngekoppeldeVroegsignalen").WithSummary("De signalen die niet automatisch aan een persoon zijn gekoppeld, oudste eerst, met per signaal de mogelijke personen.")
            .WithDescription($"Hoogstens {VroegsignaleringQueries.UnmatchedPageSize} signalen (totaal telt alle) en per signaal hoogstens {VroegsignaleringQueries.MaxCandidates}"
                + " kandidaten: dezelfde achternaam en geboortedatum, of wonend op het adres van het signaal. Alleen voor de rol vroegsignalering; de lezing staat in de audittrail.");
        workers.MapPost("/{id:guid}/koppeling", async (Guid id, MatchSignalInput input, MatchSignalHandler handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, input, ct), Results.Ok))
            .Produces<MatchSignalAnswer>(StatusCodes.Status200OK)
            .WithName("MatchVroegsignaal").WithSummary("Koppel een signaal met de hand aan de persoon over wie het gaat; het komt in de open vroegsignaalzaak van diens huishouden.")
            .WithDescription("Daarna gaat het als bij automatisch koppelen: de regisseur van het huishouden krijgt bericht als de zaak nieuw is. Foutcodes (400): " + SignalRules.PersonUnknownCode + " (de persoon bestaat niet of woont niet in precies één huishouden), "
                + SignalRules.AlreadyMatchedCode + " (al gekoppeld), " + SignalRules.BsnMismatchCode + " (de persoon heeft een ander BSN dan het signaal); 404 voor een onbekend signaal; 409 '" + ErrorCodes.ConcurrencyConflict + "' als tegelijk een"
                + " andere zaak voor het huishouden werd geopend of een collega het signaal tegelijk koppelde (lees opnieuw). Alleen voor de rol vroegsignalering.");
    }
}
