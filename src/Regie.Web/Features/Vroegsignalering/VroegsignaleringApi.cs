using Regie.Domain.Common;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Features.Api;
using Regie.Web.Features.Shared;
using System.ComponentModel;

namespace Regie.Web.Features.Vroegsignalering;

/// <summary>The worklist and the cases for other systems (a debt-help partner's own case system): the same handlers, rules and audit as the pages.</summary>
public static class VroegsignaleringApi
{
    private const string Access =
        " Alleen voor de rol vroegsignalering (medewerkers van de gemeente of haar schuldhulppartner); andere rollen krijgen 403. Een zaak van een andere"
        + " gemeente of een onbekend id geeft 404 ('" + DomainError.NotFoundCode + "'). Elke lezing en wijziging staat in de audittrail.";

    private const string DateFormat = "Een datum als jjjj-mm-dd (of dd-mm-jjjj).";

    private static readonly string Outcomes = string.Join(", ", DdasCodes.Eindresultaten.Select(r => $"{r} ('{DdasCodes.Label(r)}')"));

    public static void MapVroegsignaleringApi(this RouteGroupBuilder api)
    {
        api.MapGet("/vroegsignalering/ddas", async ([Description(DateFormat)] string? van, [Description(DateFormat)] string? tot, DdasReport report, CancellationToken ct) =>
                ApiResults.From(await report.BuildAsync(van, tot, DdasPurpose.Api, ct), r => Results.Json(r.Levering, DdasReport.ApiJson)))
            .Produces<DdasLevering>(StatusCodes.Status200OK)
            .RequireAuthorization(Infrastructure.Policies.Ddas).WithTags("Vroegsignalering")
            .WithName("GetDdasLevering").WithSummary("De DDAS-levering aan het CBS over een periode (uitwisselmodel v0.9): de signalen ontvangen van van tot en met tot, hun zaken, contactpogingen en resultaten.")
            .WithDescription("van en tot zijn verplicht. gemeentecode is de gemeente van de gebruiker; de aanleverende organisatie, het KvK-nummer, de contactpersoon en"
                + " codeGegevensleverancier komen uit de instellingen voor vroegsignalering. Een zaak noemt haar signalen uit de periode. Signalen waarvan de"
                + " persoonsgegevens na de bewaartermijn zijn verwijderd tellen mee, met een lege client. Foutcodes (400): " + DateRules.PeriodInvalidCode
                + " (datum onleesbaar, buiten de jaren die een rapport kent, of tot vóór van); " + DdasDelivery.SettingsIncompleteCode
                + " (de instellingen missen de code van de gegevensleverancier, de aanleverende organisatie of een contactpersoon met e-mailadres of telefoonnummer)."
                + " Voor de rollen vroegsignalering en beleid; andere rollen krijgen 403. Elke levering staat in de audittrail.");

        var g = api.MapGroup("/vroegsignalering/zaken").WithTags("Vroegsignalering").RequireAuthorization(Infrastructure.Policies.Vroegsignalering);

        g.MapGet("", async (bool? afgesloten, VroegsignaleringQueries queries, CancellationToken ct) => Results.Ok(await queries.WorklistAsync(afgesloten == true, ct)))
            .Produces<WorklistView>(StatusCodes.Status200OK)
            .WithName("GetVroegsignaleringWorklist").WithSummary("De werklijst: open vroegsignaalzaken, dreigende uitzetting of afsluiting eerst, dan de dichtstbijzijnde contacttermijn.")
            .WithDescription($"Per zaak: huishouden en adres, de signaalpartners, het totale bedrag, de termijn en de stand (OpTijd, BijnaTeLaat: termijn over hoogstens"
                + $" {ContactTerm.AlmostLateDays} dagen, TeLaat, Gehaald, TeLaatGehaald), het aantal contactpogingen en of de inwoner is bereikt. Hoogstens"
                + $" {VroegsignaleringQueries.PageSize} zaken; totaal, teLaat en bijnaTeLaat tellen alle open zaken. afgesloten=true: de zaken die in de laatste"
                + $" {VroegsignaleringQueries.ClosedDaysBack} dagen zijn afgesloten, met resultaat." + Access);

        g.MapGet("/{id:guid}", async (Guid id, VroegsignaleringQueries queries, CancellationToken ct) => ApiResults.From(await queries.GetAsync(id, ct), Results.Ok))
            .Produces<CaseView>(StatusCodes.Status200OK)
            .WithName("GetVroegsignaalzaak").WithSummary("Eén vroegsignaalzaak: de signalen, het huishouden, wie al helpt (team en regisseur), de contactpogingen en de afsluiting.")
            .WithDescription("versie is nodig om een contactpoging vast te leggen of de zaak af te sluiten." + Access);

        g.MapPost("/{id:guid}/contactpogingen", async (Guid id, ContactAttemptInput input, RecordContactAttemptHandler handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, input, ct), added => Results.Created($"/api/v1/vroegsignalering/zaken/{id}", added)))
            .Produces<CreatedVersionAnswer>(StatusCodes.Status201Created)
            .WithName("RecordContactpoging").WithSummary("Leg een contactpoging vast (soort, datum, dagdeel, bereikt). Antwoord 201 met het id van de poging en de nieuwe versie van de zaak.")
            .WithDescription("De eerste poging haalt de contacttermijn, ook als de inwoner niet is bereikt: de wet vraagt hulp aanbieden. Foutcodes (400): "
                + $"{CaseRules.AttemptSoortInvalidCode} (soort), {CaseRules.AttemptDateInvalidCode} (datum), {CaseRules.AttemptDagdeelInvalidCode} (dagdeel),"
                + $" {TextRules.TooLongCode} (toelichting langer dan {CaseRules.NoteMaxLength} tekens), {Data.Vroegsignaalzaak.ClosedCode} (de zaak is afgesloten);"
                + $" 409 '{ErrorCodes.ConcurrencyConflict}' als versie niet meer de nieuwste is. Bij een fout wordt niets opgeslagen." + Access);

        g.MapPost("/{id:guid}/afsluiting", async (Guid id, CloseCaseInput input, CloseCaseHandler handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, input, ct), Results.Ok))
            .Produces<CloseCaseAnswer>(StatusCodes.Status200OK)
            .WithName("CloseVroegsignaalzaak").WithSummary("Sluit de zaak af met het DDAS-eindresultaat. Vervolghulp opent een hulpvraag voor het huishouden; het antwoord geeft haar id.")
            .WithDescription("resultaat: " + Outcomes + ". Een resultaat dat zegt dat de inwoner is gesproken (GeenReactieNaContact, GeenHulpNodig, ZelfBetaald,"
                + " BudgetadviesQuickFix, VervolghulpFinancieel, VervolghulpNietFinancieel) vraagt een contactpoging waarbij de inwoner is bereikt ('"
                + CaseRules.ResultNeedsContactCode + "'); GeenContact vraagt minstens één poging ('" + CaseRules.ResultNeedsAttemptCode + "'). Bij Vervolghulp komt er"
                + " een hulpvraag (bron Vroegsignaal) over de gekoppelde leden, met hulpvraag als omschrijving; de regisseur krijgt bericht. Foutcodes (400): "
                + $"{CaseRules.ResultInvalidCode}, {CaseRules.ResultNeedsContactCode}, {CaseRules.ResultNeedsAttemptCode}, {Data.Vroegsignaalzaak.ClosedCode},"
                + $" {TextRules.TooLongCode}; 409 '{ErrorCodes.ConcurrencyConflict}'. Bij een fout wordt niets opgeslagen." + Access);
    }
}
