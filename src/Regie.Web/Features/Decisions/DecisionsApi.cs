using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Decisions;
using Regie.Web.Features.Api;
using System.ComponentModel;

namespace Regie.Web.Features.Decisions;

/// <summary>Applications, beschikkingen and their letters for other systems (a municipal case system, the desk's front office).</summary>
public static class DecisionsApi
{
    public static void MapDecisionsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/applications").WithTags("Aanvragen en beschikkingen").RequireAuthorization(Infrastructure.Policies.Care);

        g.MapGet("/", async ([Description("true: alleen de aanvragen die u behandelt.")] bool? mijn, [OneOf(typeof(LegalFramework))] string? kader, DecisionQueries queries, CancellationToken ct) =>
        {
            LegalFramework? framework = null;
            if (!string.IsNullOrEmpty(kader))
            {
                framework = LegalFrameworks.Parse(kader);
                if (framework is null) return ApiResults.Invalid(new DomainError(LegalFrameworks.InvalidCode, "kader", "Onbekend wettelijk kader."));
            }
            var (open, decided) = await queries.WorklistAsync(mijn == true, framework, ct);
            return Results.Ok(new ApplicationWorklist(open, decided));
        })
        .Produces<ApplicationWorklist>()
        .WithName("ListApplications").WithSummary("Open meldingen en aanvragen met hun termijn (te laat, bijna te laat), en wat de afgelopen 30 dagen is beslist.");

        g.MapPost("/", async (ApplicationInput input, RegisterApplicationHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(input, ct), id => Results.Created($"/api/v1/applications/{id}", new CreatedAnswer(id))))
            .Produces<CreatedAnswer>(StatusCodes.Status201Created)
            .WithName("RegisterApplication")
            .WithSummary("Registreer een Wmo-melding (meldingsdatum) of een aanvraag (aanvraagdatum) voor een inwoner (persoonId of BSN) onder een wettelijk kader.");

        g.MapGet("/{id:guid}", async (Guid id, DecisionQueries queries, CancellationToken ct) =>
            await queries.GetAsync(id, ct) is { } a ? Results.Ok(a) : ApiResults.NotFound("De aanvraag"))
            .Produces<ApplicationView>()
            .WithName("GetApplication").WithSummary("De aanvraag met termijnen en, als er is beslist, de beschikking met de toegekende producten.");

        g.MapPost("/{id:guid}/receive", async (Guid id, ReceiveInput input, ReceiveApplicationHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), Version))
            .Produces<VersionAnswer>()
            .WithName("ReceiveApplication").WithSummary("Een Wmo-melding wordt een aanvraag: de beslistermijn begint op de aanvraagdatum.");

        g.MapPost("/{id:guid}/extension", async (Guid id, ExtendInput input, ExtendDecisionTermHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), Version))
            .Produces<VersionAnswer>()
            .WithName("ExtendApplication").WithSummary("Verdaag de beslistermijn (Awb 4:14): één keer, vóór het einde van de termijn, met een reden.");

        g.MapPost("/{id:guid}/withdrawal", async (Guid id, WithdrawInput input, WithdrawApplicationHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), Version))
            .Produces<VersionAnswer>()
            .WithName("WithdrawApplication").WithSummary("De inwoner trekt de melding of aanvraag in, met de reden; daarna wordt er niet meer op beslist.");

        g.MapPost("/{id:guid}/decision", async (Guid id, DecisionInput input, DecideApplicationHandler handler, CancellationToken ct) =>
            ApiResults.From(await handler.HandleAsync(id, input, ct), d => Results.Created($"/api/v1/applications/{id}", new CreatedAnswer(d))))
            .Produces<CreatedAnswer>(StatusCodes.Status201Created)
            .WithName("DecideApplication")
            .WithSummary("Neem de beschikking: uitkomst, motivering en per voorziening productcategorie (WMO020/JZ020), omvang, eenheid (WJ756), frequentie (WMO757), periode, aanbieder. Eén beschikking per aanvraag.")
            .WithDescription("Foutcodes (400), elk bij het veld waar het om gaat: " + DecisionRules.OutcomeInvalidCode + ", " + DecisionRules.NotReceivedCode + ", "
                + DecisionRules.AlreadyDecidedCode + ", " + DecisionRules.WithdrawnCode + ", " + DecisionRules.DateInFutureCode + ", " + DecisionRules.DecisionDateBeforeApplicationCode
                + ", " + DecisionRules.ReasoningRequiredCode + ", " + DecisionRules.ProductsRequiredCode + ", " + DecisionRules.ProductsNotAllowedCode + ", "
                + DecisionRules.TooManyProductsCode + ", " + DecisionRules.CategoryInvalidCode + ", " + DecisionRules.DescriptionRequiredCode + ", " + DecisionRules.VolumeInvalidCode
                + ", " + DecisionRules.UnitInvalidCode + ", " + DecisionRules.FrequencyInvalidCode + ", " + DecisionRules.PeriodInvalidCode + ", " + DecisionRules.CostInvalidCode
                + ", " + DecideApplicationHandler.ProviderUnknownCode + " (de aanbieder is geen partnerorganisatie van de gemeente), "
                + Domain.IStandaarden.ContractRules.ProductNotContractedCode + " (producten[i].aanbiederId: de aanbieder heeft een AGB-code maar geen contractregel voor dit"
                + " kader en deze productcategorie; een aanbieder zonder AGB-code wordt niet gecontroleerd); 409 '" + Shared.ErrorCodes.ConcurrencyConflict + "' als versie"
                + " niet meer de nieuwste is. Bij een fout wordt niets opgeslagen.");

        g.MapGet("/{id:guid}/decision/letter", async (Guid id, DecisionLetter letter, CancellationToken ct) =>
            await letter.CreateAsync(id, ct) is { } pdf ? Results.File(pdf.Content, "application/pdf", pdf.FileName) : ApiResults.NotFound("De beschikking"))
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .WithName("GetDecisionLetter").WithSummary("De beschikking als PDF-brief aan de inwoner.");

        var lists = api.MapGroup("/code-lists").WithTags("Aanvragen en beschikkingen").RequireAuthorization(Infrastructure.Policies.Care);
        lists.MapGet("/", () => Results.Ok(CodeLists.All.Select(l => new CodeListSummary(l.Id, l.Name, l.Standard, l.Source))))
            .Produces<IReadOnlyList<CodeListSummary>>()
            .WithName("ListCodeLists").WithSummary("De codelijsten van de iStandaarden die Regie meelevert.");
        lists.MapGet("/{id}", (string id) => CodeLists.ById(id) is { } l ? Results.Ok(l) : ApiResults.NotFound("De codelijst"))
            .Produces<CodeList>()
            .WithName("GetCodeList").WithSummary("Eén codelijst (WMO020, JZ020, WJ756 of WMO757) met al haar codes en namen.");
    }

    private static IResult Version(int version) => Results.Ok(new VersionAnswer(version));
}

/// <summary>The desk's worklist: open reports and applications, most urgent first, and what was decided in the last 30 days.</summary>
public sealed record ApplicationWorklist(IReadOnlyList<ApplicationRow> Open, IReadOnlyList<ApplicationRow> RecentBeslist);

/// <summary>A code list without its entries (GET /code-lists/{id} has them).</summary>
public sealed record CodeListSummary(string Id, string Name, string Standard, string Source);
