using Regie.Web.Features.Api;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Budget;

/// <summary>
/// Budgets and the ledger (read-only: no route changes or removes an entry), spends with their decisions,
/// payments and cancellations, and the municipality's report.
/// </summary>
public static class BudgetApi
{
    public static void MapBudgetApi(this RouteGroupBuilder api)
    {
        var budgets = api.MapGroup("/budgets").WithTags("Integraal budget").RequireAuthorization(p => p.RequireRole(BudgetRoles.List(BudgetRoles.Overview)));
        budgets.MapGet("/", async (int? jaar, BudgetQueries handler, CancellationToken ct) => handler.AskedYearError(jaar) is { } refused
                ? ApiResults.Invalid(refused) : Results.Ok(await handler.OverviewAsync(jaar ?? handler.CurrentYear, ct)))
            .Produces<IReadOnlyList<TeamBudgetView>>()
            .WithName("GetBudgets").WithSummary("De budgetten per team voor een jaar: toegekend, toegezegd, betaald, vrij, per wettelijk kader en de besteding tegen het verstreken jaar.");
        budgets.MapGet("/{id:guid}/ledger", async (Guid id, BudgetQueries handler, CancellationToken ct) =>
                await handler.LedgerAsync(id, ct) is { } entries ? Results.Ok(entries) : ApiResults.NotFound("Het budget"))
            .Produces<IReadOnlyList<EntryView>>()
            .WithName("GetLedger").WithSummary("Alle boekingen van een budget. Alleen lezen: een boeking wordt nooit gewijzigd; een correctie is een nieuwe boeking.");
        budgets.MapGet("/report", async (int? jaar, BudgetQueries handler, BudgetReport report, CancellationToken ct) =>
                handler.AskedYearError(jaar) is { } refused ? ApiResults.Invalid(refused)
                : await report.BuildAsync(jaar ?? handler.CurrentYear, ct) is { } r ? Results.Ok(r) : Results.Forbid())
            .Produces<BudgetReportView>()
            .WithName("GetBudgetReport").WithSummary("Uitgaven per wet, team, leefgebied en maand (toegezegd netto en betaald), met de geschatte vermeden kosten.");

        var spends = api.MapGroup("/spends").WithTags("Integraal budget");
        spends.MapPost("/", async (NewSpend input, RecordSpendHandler handler, CancellationToken ct) =>
                // Left out, the id reads as the empty id: say which field is missing rather than "not found".
                input.HuishoudenId == Guid.Empty
                    ? ApiResults.Problem(StatusCodes.Status400BadRequest, "Het verzoek is onleesbaar.",
                        [new Regie.Domain.Common.DomainError(Shared.ErrorCodes.RequestInvalid, "huishoudenId", "Het veld 'huishoudenId' ontbreekt, maar is verplicht.")])
                    : ApiResults.From(await handler.HandleAsync(input.HuishoudenId, input.Uitgave, ct), id => Results.Created($"/api/v1/spends/{id}", new CreatedAnswer(id))))
            .RequireAuthorization(p => p.RequireRole(BudgetRoles.List(BudgetRoles.Spenders)))
            .Produces<CreatedAnswer>(StatusCodes.Status201Created)
            .WithName("CreateSpend").WithSummary("Leg een uitgave vast voor een doel uit het plan. Binnen het eigen mandaat is ze meteen goedgekeurd; daarboven besluit de teamleider of de gemeente.");
        spends.MapGet("/tariffs", async (BudgetSettings settings, CancellationToken ct) => Results.Ok(await settings.CurrentTariffsAsync(ct)))
            .RequireAuthorization(p => p.RequireRole(BudgetRoles.List(BudgetRoles.Readers)))
            .Produces<IReadOnlyList<TariffView>>()
            .WithName("GetTariffs").WithSummary("De geldende tarieven: hun 'code' is de sleutel van 'aantallen' in een uitgave (het alternatief dat de uitgave voorkomt).");
        spends.MapGet("/{id:guid}", async (Guid id, SpendQueries queries, CancellationToken ct) =>
                await queries.GetAsync(id, ct) is { } s ? Results.Ok(s) : ApiResults.NotFound("De uitgave"))
            .RequireAuthorization(p => p.RequireRole(BudgetRoles.List(BudgetRoles.Readers)))
            .Produces<SpendView>()
            .WithName("GetSpend").WithSummary("Eén uitgave met haar status, besluit, betaling en de vergelijking met het alternatief.");
        spends.MapPost("/{id:guid}/approve", async (Guid id, DecisionInput input, ApproveSpendHandler handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, input, ct), Status))
            .RequireAuthorization(p => p.RequireRole(BudgetRoles.List(BudgetRoles.Approvers)))
            .Produces<SpendStatusAnswer>()
            .WithName("ApproveSpend").WithSummary("Keur een uitgave boven mandaat goed; het geld wordt vastgelegd. 400 budget-insufficient als het budget niet toereikt.");
        spends.MapPost("/{id:guid}/refuse", async (Guid id, DecisionInput input, RefuseSpendHandler handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, input, ct), Status))
            .RequireAuthorization(p => p.RequireRole(BudgetRoles.List(BudgetRoles.Approvers)))
            .Produces<SpendStatusAnswer>()
            .WithName("RefuseSpend").WithSummary("Wijs een uitgave af, met een reden.");
        spends.MapPost("/{id:guid}/pay", async (Guid id, PaymentInput input, PaySpendHandler handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, input, ct), Status))
            .RequireAuthorization(p => p.RequireRole(BudgetRoles.List(BudgetRoles.Spenders)))
            .Produces<SpendStatusAnswer>()
            .WithName("PaySpend").WithSummary("Leg de betaling vast (bedrag, datum, ontvanger); wat niet is betaald valt vrij.");
        spends.MapPost("/{id:guid}/cancel", async (Guid id, DecisionInput input, CancelSpendHandler handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(id, input, ct), Status))
            .RequireAuthorization(p => p.RequireRole(BudgetRoles.List(BudgetRoles.Spenders)))
            .Produces<SpendStatusAnswer>()
            .WithName("CancelSpend").WithSummary("Annuleer een uitgave die nog niet is betaald; vastgelegd geld valt vrij.");
    }

    private static IResult Status(Domain.Budget.SpendStatus status) => Results.Ok(new SpendStatusAnswer(status));
}

/// <summary>The answer to a decision, payment or cancellation: the spend's status after it (JSON <c>{"status": "Goedgekeurd"}</c>).</summary>
public sealed record SpendStatusAnswer(Domain.Budget.SpendStatus Status);

public sealed class NewSpend
{
    [Required, Description("Het huishouden waarvan het team het budget besteedt; een huishouden dat u niet mag openen geeft 404.")]
    public Guid HuishoudenId { get; set; }
    [Required] public SpendInput Uitgave { get; set; } = null!;
}
