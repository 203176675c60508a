using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Coordination;
using Regie.Domain.Decisions;
using Regie.Web.Data;
using Regie.Web.Features.Api;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Decisions;

public sealed class ProductInput
{
    /// <summary>WMO020 (Wmo) or JZ020 (Jeugdwet) code.</summary>
    [Description("Wmo: een code uit WMO020, Jeugdwet: uit JZ020 (GET /api/v1/code-lists); voor de andere kaders leeg, met een omschrijving.")]
    public string? Categorie { get; set; }
    [Description("Verplicht voor Participatiewet en Wgs (geen codelijst).")]
    public string? Omschrijving { get; set; }
    [Required] public int? Omvang { get; set; }
    /// <summary>WJ756 code, e.g. 04 (uur).</summary>
    [Required, OneOf(typeof(ProductInput), nameof(Units))] public string? Eenheid { get; set; }
    /// <summary>WMO757 code, e.g. 2 (per week).</summary>
    [Required, OneOf(typeof(ProductInput), nameof(Frequencies))] public string? Frequentie { get; set; }
    [Required, Description(Dates.Format)] public string? Van { get; set; }
    [Required, Description("Op of na 'van'; " + Dates.Format)] public string? Tot { get; set; }
    public Guid? AanbiederId { get; set; }
    /// <summary>Estimated cost of the whole period in euros, as text ("3.300,00" or "3300.00").</summary>
    [Description("De geschatte kosten van de hele periode in euro, als tekst: \"3300.00\" of \"3.300,00\".")]
    public string? GeschatteKosten { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => string.IsNullOrWhiteSpace(Categorie) && string.IsNullOrWhiteSpace(Omschrijving) && Omvang is null
        && string.IsNullOrWhiteSpace(Van) && string.IsNullOrWhiteSpace(Tot) && AanbiederId is null && string.IsNullOrWhiteSpace(GeschatteKosten);

    /// <summary>The codes <see cref="DecisionRules.CheckProduct"/> accepts as unit and as frequency.</summary>
    private static IEnumerable<string> Units => CodeLists.Wj756.Entries.Select(e => e.Code);
    private static IEnumerable<string> Frequencies => CodeLists.Wmo757.Entries.Select(e => e.Code);
}

public sealed class DecisionInput
{
    [Required, OneOf(typeof(DecisionOutcome))] public string? Uitkomst { get; set; }
    [Description("jjjj-mm-dd (of dd-mm-jjjj); leeg: vandaag.")]
    public string? Besluitdatum { get; set; }
    [Required, Description("Minstens 20 tekens: waarom deze uitkomst, met de feiten uit het onderzoek.")]
    public string? Motivering { get; set; }
    [Description("Bij een (deels) toekenning minstens één, hoogstens tien; bij een afwijzing geen.")]
    public List<ProductInput> Producten { get; set; } = [];
    [Description(Dates.Version)] public int Versie { get; set; }
}

/// <summary>The beschikking on an application: outcome, reasoning and the provisions granted, shaped like iWmo/iJw assignments.</summary>
public sealed class DecideApplicationHandler(RegieDbContext db, CurrentUser user, ApplicationChanges changes, AuditLog audit, TimelineWriter timeline,
    Toewijzingen.AssignmentOutbox outbox)
{
    public const string ProviderUnknownCode = "product-provider-unknown";

    public async Task<CommandResult<Guid>> HandleAsync(Guid id, DecisionInput input, CancellationToken ct)
    {
        var (app, failure) = await changes.LoadAsync<Guid>(id, ct);
        if (app is null) return failure!;
        var today = changes.Today;
        var errors = new ErrorList();
        var outcome = DecisionRules.ParseOutcome(input.Uitkomst);
        errors.Add(outcome.Error);
        var decidedOn = changes.ParseDate(input.Besluitdatum, "Besluitdatum", "de besluitdatum", errors, DateKind.Happened)
            ?? (string.IsNullOrWhiteSpace(input.Besluitdatum) ? today : (DateOnly?)null);
        var reasoning = errors.Take(TextRules.Optional(input.Motivering, "Motivering", "de motivering", Decision.ReasoningMaxLength));
        var entered = input.Producten.Where(p => !p.IsEmpty).ToList();
        errors.Add(DecisionRules.CheckProductCount(entered.Count));
        if (outcome.IsValid && decidedOn is { } dOn)
            errors.AddRange(app.CheckDecision(outcome.Value, dOn, reasoning, entered.Count, today));
        var products = await ProductsAsync(app, input.Producten, errors, ct);
        if (input.Versie != 0 && input.Versie != app.Version) return CommandResult<Guid>.Conflict();
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);

        var decision = app.Decide(outcome.Value, decidedOn!.Value, reasoning!, products, user.ActorId, user.ActorName, today, changes.Now);
        db.Decisions.Add(decision);
        // The decision travels: assignments and their 301s are saved with it, and a provider's request it answers is answered.
        await outbox.AssignAsync(decision, ct);
        await outbox.AnswerRequestsAsync(app.Id, ct);
        app.MarkSaved(changes.Now);
        app.Version++;
        if (await changes.HouseholdAsync(app.HouseholdId, ct) is { } household)
            timeline.Record(household, EventTypes.DecisionTaken,
                $"Beschikking {LegalFrameworks.Label(app.Framework)}: {DecisionOutcomes.Label(decision.Outcome).ToLowerInvariant()} ({ApplicationChanges.Short(app.Requested)})",
                decision.DecidedOn, app.PersonId, new
                {
                    aanvraag = app.Id, beschikking = decision.Id, kader = app.Framework.ToString(), uitkomst = DecisionOutcomes.EventValue(decision.Outcome),
                    productcategorie = products.Select(p => p.Category).FirstOrDefault(c => c is not null),
                    specialistisch = DecisionOutcomes.GrantsSomething(decision.Outcome) && products.Any(p => SpecialistCare.IsSpecialist(app.Framework, p.Category)),
                    geschatteKosten = decision.EstimatedCost, eigenWerkgever = decision.OwnEmployer,
                });
        return await audit.AfterAsync(await db.SaveOrConflictAsync(decision.Id, ct), AuditResources.Application, app.HouseholdId, app.PersonId,
            $"beschikking {DecisionOutcomes.Label(decision.Outcome).ToLowerInvariant()}", ct, AuditActions.Create);
    }

    /// <summary>The filled-in product rows, each checked as an assignment; empty rows are skipped, so one form serves one product and a combination.</summary>
    private async Task<List<DecisionProduct>> ProductsAsync(ProvisionApplication app, IReadOnlyList<ProductInput> rows, ErrorList errors, CancellationToken ct)
    {
        var providerIds = rows.Where(p => !p.IsEmpty).Select(p => p.AanbiederId).OfType<Guid>().Distinct().ToList();
        var providers = providerIds.Count == 0 ? [] : await db.Organisations.Where(o => providerIds.Contains(o.Id) && o.Kind == OrganisationKinds.Partner).Select(o => o.Id).ToListAsync(ct);
        // A provider with an AGB code takes part in the iWmo/iJw exchange: what it is assigned must be within its contract (framework and category).
        var exchanging = providers.Count == 0 ? [] : await db.Organisations.Where(o => providers.Contains(o.Id) && o.AgbCode != null).Select(o => o.Id).ToListAsync(ct);
        var contracted = exchanging.Count == 0 ? [] : (await db.ProviderContracts.Where(c => exchanging.Contains(c.OrganisationId) && c.Framework == app.Framework)
            .Select(c => new { c.OrganisationId, c.Category }).ToListAsync(ct)).Select(c => (c.OrganisationId, c.Category)).ToHashSet();
        var employer = user.IsSystem ? null : await db.Users.Where(u => u.Id == user.ActorId).Select(u => u.EmployerOrganisationId).FirstOrDefaultAsync(ct);
        var products = new List<DecisionProduct>();
        for (var i = 0; i < rows.Count; i++)
        {
            var p = rows[i];
            if (p.IsEmpty) continue;
            var field = $"Producten[{i}]";
            var before = errors.Errors.Count;
            var from = changes.ParseDate(p.Van, $"{field}.Van", "de begindatum", errors, DateKind.Granted);
            var to = changes.ParseDate(p.Tot, $"{field}.Tot", "de einddatum", errors, DateKind.Granted);
            var datesRefused = errors.Errors.Count > before;
            decimal? cost = null;
            if (!string.IsNullOrWhiteSpace(p.GeschatteKosten))
            {
                if (DecisionRules.TryParseAmount(p.GeschatteKosten, out var c)) cost = c;
                else errors.Add(new DomainError(DecisionRules.CostInvalidCode, $"{field}.GeschatteKosten", "Vul de geschatte kosten in als bedrag in euro's, bijvoorbeeld 3.300,00."));
            }
            var category = string.IsNullOrWhiteSpace(p.Categorie) ? null : p.Categorie.Trim();
            var description = errors.Take(TextRules.Optional(p.Omschrijving, $"{field}.Omschrijving", "de omschrijving", DecisionProduct.DescriptionMaxLength));
            // A refused date has its own message at its field; "fill in a period" on top of it would only repeat it.
            errors.AddRange(DecisionRules.CheckProduct(app.Framework, new ProductFacts(category, description, p.Omvang, p.Eenheid?.Trim(), p.Frequentie?.Trim(), from, to, cost), field)
                .Where(e => !(datesRefused && e.Code == DecisionRules.PeriodInvalidCode)));
            if (p.AanbiederId is { } pid && !providers.Contains(pid))
                errors.Add(new DomainError(ProviderUnknownCode, $"{field}.AanbiederId", "Kies een aanbieder uit de lijst van partnerorganisaties."));
            else if (p.AanbiederId is { } contractor && exchanging.Contains(contractor) && CodeLists.ProductCategories(app.Framework)?.Find(category) is not null
                     && !contracted.Contains((contractor, category!)))
                errors.Add(Domain.IStandaarden.ContractRules.NotContracted(app.Framework, category, $"{field}.AanbiederId"));
            products.Add(new DecisionProduct
            {
                Id = Guid.CreateVersion7(), Gemeentecode = app.Gemeentecode, Position = products.Count + 1, Category = category, Description = description,
                Volume = p.Omvang ?? 0, Unit = p.Eenheid?.Trim() ?? "", Frequency = p.Frequentie?.Trim() ?? "", From = from ?? default, To = to ?? default,
                ProviderOrganisationId = p.AanbiederId, OwnEmployer = Employment.IsOwnEmployer(employer, p.AanbiederId), EstimatedCost = cost,
            });
        }
        return products;
    }
}
