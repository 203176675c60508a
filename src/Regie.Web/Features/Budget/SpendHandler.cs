using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Assessment;
using Regie.Domain.Budget;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Budget;

/// <summary>
/// Spending from the team's integral budget: a professional commits an amount for a plan goal; within
/// their mandate it is approved at once, above it the team lead decides, above the second limit the
/// municipality (the beleid role). Approved money is committed on the ledger, paid or released later.
/// </summary>
public sealed class SpendHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline,
    BudgetSettings settings, TimeProvider clock)
{
    public const string GoalRequiredCode = "spend-goal-required";
    public const string KindInvalidCode = "spend-kind-invalid";
    public const string FrameworksRequiredCode = "spend-frameworks-required";
    public const string NoBudgetCode = "budget-missing";
    public const string NoTeamCode = "spend-no-team";
    public const string NotPendingCode = "spend-not-pending";
    public const string NotApprovedCode = "spend-not-approved";
    public const string NeedsMunicipalityCode = "spend-needs-municipality";
    public const string AboveOwnMandateCode = "spend-above-approver-mandate";
    public const string OwnRequestCode = "spend-own-request";
    public const string PaymentTooHighCode = "payment-exceeds-commitment";
    public const string PaymentDateInvalidCode = "payment-date-invalid";
    public const string CannotCancelCode = "spend-cannot-cancel";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static readonly DomainError NoTeam = new(NoTeamCode, "",
        "Dit huishouden is van geen wijkteam. Alleen het team dat het dossier heeft, geeft uit zijn budget uit; wijs het huishouden eerst toe aan een team.");

    private bool IsSpender => user.IsSystem || user.Role is Roles.Professional or Roles.Teamleider;

    /// <summary>The goals of the household's active plan, with the laws suggested for each.</summary>
    public async Task<IReadOnlyList<(Guid Id, ZrmDomain Domain, string Wat, string? Persoon, IReadOnlyList<LegalFramework> Voorstel)>> GoalsAsync(Guid householdId, CancellationToken ct)
    {
        if (!await access.CanOpenAsync(householdId, ct)) return [];
        var goals = await db.PlanGoals.AsNoTracking()
            .Where(g => g.HouseholdId == householdId && db.Plans.Any(p => p.Id == g.PlanId && p.ClosedOn == null))
            .OrderBy(g => g.Position).ToListAsync(ct);
        var personIds = goals.Select(g => g.PersonId).OfType<Guid>().ToList();
        var children = await db.HouseholdMembers.AsNoTracking().Where(m => m.HouseholdId == householdId && personIds.Contains(m.PersonId) && m.Role == HouseholdRole.Kind)
            .Select(m => m.PersonId).ToListAsync(ct);
        var names = await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Voornamen, ct);
        return goals.Select(g => (g.Id, g.Domain, g.Wat, g.PersonId is { } p ? names.GetValueOrDefault(p) : null,
            FrameworkSuggestion.For(g.Domain, g.PersonId is { } pid && children.Contains(pid)))).ToList();
    }

    /// <summary>
    /// Null when the user may record a spend for this household: a spender whose team holds the file. Someone who
    /// may only read it (emergency access) or was added to it answers 403 with the access rule's code; a file the
    /// user may not open at all, 404. A household no team holds has no budget to spend from (<see cref="NoTeamCode"/>).
    /// </summary>
    public async Task<CommandResult<Guid>?> RefuseSpendAsync(Guid householdId, CancellationToken ct)
    {
        var level = await access.DecideAsync(householdId, ct);
        if (level == FileAccessLevel.Denied) return CommandResult<Guid>.NotFound("Het huishouden");
        if (!IsSpender) return CommandResult<Guid>.Forbidden();
        if (FileAccessRules.CheckWork(level, FileWork.Hold) is { } refusal) return CommandResult<Guid>.Forbidden(refusal);
        return await db.Households.AnyAsync(h => h.Id == householdId && h.ResponsibleTeamId != null, ct) ? null : CommandResult<Guid>.Invalid(NoTeam);
    }

    public async Task<CommandResult<Guid>> CreateAsync(Guid householdId, SpendInput input, CancellationToken ct)
    {
        if (await RefuseSpendAsync(householdId, ct) is { } refused) return refused;
        var household = await db.Households.FirstAsync(h => h.Id == householdId, ct);
        var errors = new ErrorList();
        var goals = await GoalsAsync(householdId, ct);
        var goal = goals.FirstOrDefault(g => g.Id == input.DoelId);
        if (goal.Id == Guid.Empty) errors.Add(new DomainError(GoalRequiredCode, "DoelId", "Kies het doel uit het plan waar deze uitgave bij hoort."));
        var kind = Enums.ParseDefined<InterventionKind>(input.Soort);
        if (kind is null) errors.Add(new DomainError(KindInvalidCode, "Soort", "Kies waarvoor het geld is."));
        var description = errors.Take(TextRules.Required(input.Omschrijving, "Omschrijving", "een korte omschrijving", Spend.DescriptionMaxLength));
        var amount = errors.Take(Mandates.ParseAmount(input.Bedrag, "Bedrag", "het bedrag"));
        var justification = errors.Take(TextRules.Required(input.Onderbouwing, "Onderbouwing", "de onderbouwing", Spend.JustificationMaxLength));
        var frameworks = ParseFrameworks(input.Kaders, errors);
        var comparison = await ComparisonAsync(input, errors, ct);
        // The money is the holding team's: the spend is booked on its budget, whoever of the team records it.
        var teamId = household.ResponsibleTeamId!.Value;
        var year = Today.Year;
        var budget = await db.TeamBudgets.AsNoTracking().FirstOrDefaultAsync(b => b.TeamId == teamId && b.Year == year, ct);
        if (budget is null)
            errors.Add(new DomainError(NoBudgetCode, "", $"Het team heeft geen budget voor {year}. De gemeente kent het budget toe."));
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);

        var ownMandate = user.IsSystem ? BudgetSettings.DefaultFor(Roles.Professional) : await settings.MandateOfAsync(user.ActorId, user.Role, ct);
        var level = Mandates.Required(amount, ownMandate, await settings.TeamLeadLimitAsync(ct));
        var now = clock.GetUtcNow().UtcDateTime;
        var spend = new Spend
        {
            Id = Guid.CreateVersion7(), Gemeentecode = household.Gemeentecode, HouseholdId = householdId, TeamId = teamId, BudgetId = budget!.Id,
            GoalId = goal.Id, Domain = goal.Domain, Kind = kind!.Value, Description = description!, Justification = justification!, Amount = amount,
            Frameworks = LegalFrameworks.ToStored(frameworks)!, SuggestedFrameworks = LegalFrameworks.ToStored(goal.Voorstel)!,
            Status = SpendStatus.Aangevraagd, Level = level, RequestedBy = Cut(user.ActorId, 64), RequestedByName = Cut(user.ActorName, 200), RequestedAt = now,
            Comparison = comparison is null ? null : JsonSerializer.Serialize(ToView(comparison, amount)),
            AvoidedEstimate = comparison?.AvoidedEstimate(amount), Version = 1,
        };
        db.Spends.Add(spend);
        timeline.Record(household, EventTypes.SpendCommitted, $"Uitgave vastgelegd: {description} ({new Money(amount)})", data: Data(spend, amount));
        if (level != ApprovalLevel.Mandaat)
            return await audit.AfterAsync(await db.SaveOrConflictAsync(spend.Id, ct), AuditResources.Spend, householdId, null, $"uitgave {spend.Id} aangevraagd", ct, AuditActions.Create);

        await using var tx = await BudgetLedger.LockAsync(db, [budget.Id], ct);
        if (LedgerRules.CheckCommit(await BudgetLedger.BalanceAsync(db, budget.Id, ct), amount) is { } insufficient)
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return CommandResult<Guid>.Invalid(insufficient);
        }
        Approve(spend, household, "Binnen het eigen mandaat", now);
        if (!await BudgetLedger.CommitAsync(db, tx, ct)) return CommandResult<Guid>.Conflict();
        return await audit.AfterAsync(CommandResult<Guid>.Ok(spend.Id), AuditResources.Spend, householdId, null, $"uitgave {spend.Id} binnen mandaat", ct, AuditActions.Create);
    }

    public async Task<CommandResult<SpendStatus>> ApproveAsync(Guid spendId, DecisionInput input, CancellationToken ct) =>
        await DecideAsync(spendId, input, approve: true, ct);

    public async Task<CommandResult<SpendStatus>> RefuseAsync(Guid spendId, DecisionInput input, CancellationToken ct) =>
        await DecideAsync(spendId, input, approve: false, ct);

    private async Task<CommandResult<SpendStatus>> DecideAsync(Guid spendId, DecisionInput input, bool approve, CancellationToken ct)
    {
        var spend = await db.Spends.FirstOrDefaultAsync(s => s.Id == spendId, ct);
        if (spend is null || !await MaySeeAsync(spend, ct)) return CommandResult<SpendStatus>.NotFound("De uitgave");
        if (!user.IsSystem && user.Role is not (Roles.Teamleider or Roles.Beleid)) return CommandResult<SpendStatus>.Forbidden();
        if (spend.Version != input.Versie) return CommandResult<SpendStatus>.Conflict();
        if (spend.Status != SpendStatus.Aangevraagd)
            return CommandResult<SpendStatus>.Invalid(new DomainError(NotPendingCode, "", $"Over deze uitgave is al besloten ({SpendStatuses.Label(spend.Status).ToLowerInvariant()})."));
        if (user.Role == Roles.Teamleider)
        {
            if (spend.TeamId != user.TeamId) return CommandResult<SpendStatus>.NotFound("De uitgave");
            if (spend.RequestedBy == user.ActorId)
                return CommandResult<SpendStatus>.Invalid(new DomainError(OwnRequestCode, "", "U kunt niet over uw eigen aanvraag besluiten."));
            if (spend.Level == ApprovalLevel.Gemeente)
                return CommandResult<SpendStatus>.Invalid(new DomainError(NeedsMunicipalityCode, "", "Dit bedrag ligt boven de grens van de teamleider: de gemeente besluit."));
            if (approve && spend.Amount > await settings.MandateOfAsync(user.ActorId, user.Role, ct))
                return CommandResult<SpendStatus>.Invalid(new DomainError(AboveOwnMandateCode, "", "Dit bedrag ligt boven uw eigen mandaat: de gemeente besluit."));
        }
        var errors = new ErrorList();
        var reason = approve ? errors.Take(TextRules.Optional(input.Reden, "Reden", "de toelichting", Spend.DecisionReasonMaxLength))
            : errors.Take(TextRules.Required(input.Reden, "Reden", "de reden van de afwijzing", Spend.DecisionReasonMaxLength));
        if (errors.HasErrors) return CommandResult<SpendStatus>.Invalid(errors.Errors);
        var household = await db.Households.FirstAsync(h => h.Id == spend.HouseholdId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!approve)
        {
            spend.Status = SpendStatus.Afgewezen;
            Decided(spend, reason, now);
            timeline.Record(household, EventTypes.SpendRefused, $"Uitgave afgewezen: {spend.Description} ({new Money(spend.Amount)})", data: Data(spend, spend.Amount));
            return await audit.AfterAsync(await db.SaveOrConflictAsync(spend.Status, ct), AuditResources.Spend, spend.HouseholdId, null, $"uitgave {spend.Id} afgewezen", ct);
        }

        await using var tx = await BudgetLedger.LockAsync(db, [spend.BudgetId], ct);
        if (LedgerRules.CheckCommit(await BudgetLedger.BalanceAsync(db, spend.BudgetId, ct), spend.Amount) is { } insufficient)
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return CommandResult<SpendStatus>.Invalid(insufficient);
        }
        Approve(spend, household, reason ?? $"Goedgekeurd door {(user.Role == Roles.Beleid ? "de gemeente" : "de teamleider")}", now);
        if (!await BudgetLedger.CommitAsync(db, tx, ct)) return CommandResult<SpendStatus>.Conflict();
        return await audit.AfterAsync(CommandResult<SpendStatus>.Ok(SpendStatus.Goedgekeurd), AuditResources.Spend, spend.HouseholdId, null, $"uitgave {spend.Id} goedgekeurd", ct);
    }

    /// <summary>Commits the money: one ledger entry per law the spend serves.</summary>
    private void Approve(Spend spend, Household household, string reason, DateTime now)
    {
        spend.Status = SpendStatus.Goedgekeurd;
        Decided(spend, reason, now);
        AddEntries(spend, EntryKind.Verplichting, spend.Amount, reason, now);
        timeline.Record(household, EventTypes.SpendApproved, $"Uitgave goedgekeurd ({SpendStatuses.Label(spend.Level)}): {spend.Description} ({new Money(spend.Amount)})",
            data: Data(spend, spend.Amount));
    }

    private void Decided(Spend spend, string? reason, DateTime now)
    {
        spend.DecidedBy = Cut(user.ActorId, 64);
        spend.DecidedByName = Cut(user.ActorName, 200);
        spend.DecidedAt = now;
        spend.DecisionReason = reason;
    }

    public async Task<CommandResult<SpendStatus>> PayAsync(Guid spendId, PaymentInput input, CancellationToken ct)
    {
        var spend = await db.Spends.FirstOrDefaultAsync(s => s.Id == spendId, ct);
        if (spend is null || !await MayActForTeamAsync(spend, ct)) return CommandResult<SpendStatus>.NotFound("De uitgave");
        if (spend.Version != input.Versie) return CommandResult<SpendStatus>.Conflict();
        if (spend.Status != SpendStatus.Goedgekeurd)
            return CommandResult<SpendStatus>.Invalid(new DomainError(NotApprovedCode, "", "Alleen een goedgekeurde, nog niet betaalde uitgave kan worden betaald."));
        var errors = new ErrorList();
        var amount = errors.Take(Mandates.ParseAmount(input.Bedrag, "Bedrag", "het betaalde bedrag"));
        if (amount > spend.Amount)
            errors.Add(new DomainError(PaymentTooHighCode, "Bedrag", $"Er is {new Money(spend.Amount)} goedgekeurd; meer betalen vraagt een nieuwe uitgave."));
        if (!DutchDate.TryParse(input.Datum, out var paidOn) || paidOn > Today || paidOn < Today.AddYears(-1))
            errors.Add(new DomainError(PaymentDateInvalidCode, "Datum", "Vul de betaaldatum in als dd-mm-jjjj, niet in de toekomst."));
        var payee = errors.Take(TextRules.Required(input.Ontvanger, "Ontvanger", "aan wie is betaald", Spend.PayeeMaxLength));
        if (errors.HasErrors) return CommandResult<SpendStatus>.Invalid(errors.Errors);

        var household = await db.Households.FirstAsync(h => h.Id == spend.HouseholdId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await BudgetLedger.LockAsync(db, [spend.BudgetId], ct);
        spend.Status = SpendStatus.Betaald;
        spend.PaidAmount = amount;
        spend.PaidOn = paidOn;
        spend.Payee = payee;
        AddEntries(spend, EntryKind.Betaling, amount, $"Betaald aan {payee}", now, paidOn);
        // What was committed and not paid goes back to the budget.
        if (amount < spend.Amount) AddEntries(spend, EntryKind.Vrijval, spend.Amount - amount, "Rest van de verplichting vrijgevallen na betaling", now, paidOn);
        timeline.Record(household, EventTypes.SpendPaid, $"Uitgave betaald aan {payee}: {spend.Description} ({new Money(amount)})", paidOn, data: Data(spend, amount));
        if (!await BudgetLedger.CommitAsync(db, tx, ct)) return CommandResult<SpendStatus>.Conflict();
        return await audit.AfterAsync(CommandResult<SpendStatus>.Ok(SpendStatus.Betaald), AuditResources.Spend, spend.HouseholdId, null, $"uitgave {spend.Id} betaald", ct);
    }

    public async Task<CommandResult<SpendStatus>> CancelAsync(Guid spendId, DecisionInput input, CancellationToken ct)
    {
        var spend = await db.Spends.FirstOrDefaultAsync(s => s.Id == spendId, ct);
        if (spend is null || !await MayActForTeamAsync(spend, ct)) return CommandResult<SpendStatus>.NotFound("De uitgave");
        if (spend.Version != input.Versie) return CommandResult<SpendStatus>.Conflict();
        if (spend.Status is not (SpendStatus.Aangevraagd or SpendStatus.Goedgekeurd))
            return CommandResult<SpendStatus>.Invalid(new DomainError(CannotCancelCode, "", "Een betaalde, afgewezen of geannuleerde uitgave kan niet meer worden geannuleerd."));
        var errors = new ErrorList();
        var reason = errors.Take(TextRules.Required(input.Reden, "Reden", "de reden van de annulering", Spend.CancelReasonMaxLength));
        if (errors.HasErrors) return CommandResult<SpendStatus>.Invalid(errors.Errors);
        var household = await db.Households.FirstAsync(h => h.Id == spend.HouseholdId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var committed = spend.Status == SpendStatus.Goedgekeurd;
        await using var tx = await BudgetLedger.LockAsync(db, [spend.BudgetId], ct);
        spend.Status = SpendStatus.Geannuleerd;
        spend.CancelReason = reason;
        if (committed) AddEntries(spend, EntryKind.Vrijval, spend.Amount, $"Geannuleerd: {reason}", now);
        timeline.Record(household, EventTypes.SpendCancelled, $"Uitgave geannuleerd: {spend.Description} ({new Money(spend.Amount)})", data: Data(spend, spend.Amount));
        if (!await BudgetLedger.CommitAsync(db, tx, ct)) return CommandResult<SpendStatus>.Conflict();
        return await audit.AfterAsync(CommandResult<SpendStatus>.Ok(SpendStatus.Geannuleerd), AuditResources.Spend, spend.HouseholdId, null, $"uitgave {spend.Id} geannuleerd", ct);
    }

    private void AddEntries(Spend spend, EntryKind kind, decimal amount, string reason, DateTime now, DateOnly? bookedOn = null)
    {
        foreach (var (framework, part) in Attribution.Split(amount, LegalFrameworks.ParseList(spend.Frameworks)))
            db.BudgetEntries.Add(new BudgetEntry
            {
                Gemeentecode = spend.Gemeentecode, BudgetId = spend.BudgetId, TeamId = spend.TeamId, Year = BookingYear(spend), Kind = kind, Framework = framework,
                Amount = part, SpendId = spend.Id, Domain = spend.Domain, Reason = Cut(reason, 1000), BookedOn = bookedOn ?? DateOnly.FromDateTime(now), OccurredAt = now,
                ActorId = Cut(user.ActorId, 64), ActorName = Cut(user.ActorName, 200),
            });
    }

    private static int BookingYear(Spend spend) => spend.RequestedAt.Year;

    /// <summary>The spend's data for the event log, as the monitor reads it.</summary>
    private static object Data(Spend spend, decimal amount) => new
    {
        uitgave = spend.Id, bedrag = amount, team = spend.TeamId, kaders = LegalFrameworks.ParseList(spend.Frameworks).Select(f => f.ToString()).ToArray(),
    };

    private static IReadOnlyList<LegalFramework> ParseFrameworks(IEnumerable<string> kaders, ErrorList errors)
    {
        var list = LegalFrameworks.ParseChosen(kaders.Where(k => !string.IsNullOrWhiteSpace(k)), "Kaders", errors);
        if (list.Count == 0) errors.Add(new DomainError(FrameworksRequiredCode, "Kaders", "Bevestig onder welke wet(ten) deze uitgave valt."));
        return list.Distinct().Order().ToList();
    }

    /// <summary>The comparison from the worker's quantities, priced with the tariffs valid now; null when no quantity was given.</summary>
    public async Task<CostComparison?> ComparisonAsync(SpendInput input, ErrorList errors, CancellationToken ct)
    {
        var given = input.Aantallen.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToList();
        if (given.Count == 0) return null;
        var tariffs = (await settings.CurrentTariffsAsync(ct)).ToDictionary(t => t.Code);
        var lines = new List<ComparisonLine>();
        foreach (var (code, text) in given)
        {
            if (!tariffs.TryGetValue(code, out var t))
            {
                errors.Add(new DomainError(Tariffs.TariffUnknownCode, $"Aantallen[{code}]", "Dit tarief staat niet (meer) in de tarieventabel."));
                continue;
            }
            var q = errors.Take(CostComparison.ParseQuantity(text, $"Aantallen[{code}]"));
            if (q > 0) lines.Add(new ComparisonLine(t.Id, t.Code, t.Naam, t.Eenheid, t.Bedrag, t.Bron, q));
        }
        var alternative = errors.Take(TextRules.Optional(input.Alternatief, "Alternatief", "het alternatief", 200));
        return lines.Count == 0 ? null : new CostComparison(alternative ?? "Het alternatief", lines);
    }

    public static ComparisonView ToView(CostComparison c, decimal spend) => new(c.Alternative,
        c.Lines.Select(l => new ComparisonLineView(l.TariffId, l.Code, l.Name, l.Unit, l.Tariff, l.Source, l.Quantity, l.Amount)).ToList(),
        c.AlternativeTotal, spend, c.AvoidedEstimate(spend));

    /// <summary>The household's team sees its spends with the file; the team lead and the municipality see what they decide on.</summary>
    private async Task<bool> MaySeeAsync(Spend spend, CancellationToken ct) =>
        user.IsSystem || user.Role == Roles.Beleid || (user.Role == Roles.Teamleider && spend.TeamId == user.TeamId) || await access.CanOpenAsync(spend.HouseholdId, ct);

    private async Task<bool> MayActForTeamAsync(Spend spend, CancellationToken ct) =>
        user.IsSystem || (user.Role is Roles.Professional or Roles.Teamleider && spend.TeamId == user.TeamId && await access.CanOpenAsync(spend.HouseholdId, ct));

    public async Task<SpendView?> GetAsync(Guid spendId, CancellationToken ct)
    {
        var spend = await db.Spends.AsNoTracking().FirstOrDefaultAsync(s => s.Id == spendId, ct);
        if (spend is null || !await MaySeeAsync(spend, ct)) return null;
        await audit.RecordAsync(AuditActions.Read, AuditResources.Spend, spend.HouseholdId, detail: $"uitgave {spend.Id}", ct: ct);
        return (await ViewsAsync([spend], ct))[0];
    }

    public async Task<IReadOnlyList<SpendView>> ForHouseholdAsync(Guid householdId, CancellationToken ct)
    {
        if (!await access.CanOpenAsync(householdId, ct)) return [];
        var spends = await db.Spends.AsNoTracking().Where(s => s.HouseholdId == householdId).OrderByDescending(s => s.RequestedAt).ToListAsync(ct);
        return await ViewsAsync(spends, ct);
    }

    /// <summary>What waits for this user's decision: the team lead's own team below the second limit, for the municipality everything above it.</summary>
    public async Task<IReadOnlyList<SpendView>> PendingAsync(CancellationToken ct)
    {
        var q = db.Spends.AsNoTracking().Where(s => s.Status == SpendStatus.Aangevraagd);
        if (user.Role == Roles.Teamleider) q = q.Where(s => s.TeamId == user.TeamId && s.Level == ApprovalLevel.Teamleider);
        else if (user.Role == Roles.Beleid) q = q.Where(s => s.Level == ApprovalLevel.Gemeente);
        else if (!user.IsSystem) return [];
        return await ViewsAsync(await q.OrderBy(s => s.RequestedAt).ToListAsync(ct), ct);
    }

    /// <summary>Recent decisions, for the same lists.</summary>
    public async Task<IReadOnlyList<SpendView>> DecidedAsync(int take, CancellationToken ct)
    {
        var q = db.Spends.AsNoTracking().Where(s => s.Status != SpendStatus.Aangevraagd && s.Level != ApprovalLevel.Mandaat);
        if (user.Role == Roles.Teamleider) q = q.Where(s => s.TeamId == user.TeamId);
        else if (user.Role != Roles.Beleid && !user.IsSystem) return [];
        return await ViewsAsync(await q.OrderByDescending(s => s.DecidedAt).Take(take).ToListAsync(ct), ct);
    }

    private async Task<IReadOnlyList<SpendView>> ViewsAsync(IReadOnlyList<Spend> spends, CancellationToken ct)
    {
        if (spends.Count == 0) return [];
        var teamIds = spends.Select(s => s.TeamId).Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var goalIds = spends.Select(s => s.GoalId).Distinct().ToList();
        var goals = await db.PlanGoals.AsNoTracking().Where(g => goalIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Wat, ct);
        // Names of households only for those who may open the file: the municipality decides on the amount and the reasons, not on the person.
        var householdIds = spends.Select(s => s.HouseholdId).Distinct().ToList();
        IReadOnlyDictionary<Guid, FileAccessLevel> allowed = user.Role == Roles.Beleid ? new Dictionary<Guid, FileAccessLevel>() : await access.DecideManyAsync(householdIds, ct);
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Naam, ct);
        return spends.Select(s => new SpendView(s.Id, s.HouseholdId,
            allowed.GetValueOrDefault(s.HouseholdId, FileAccessLevel.Denied) != FileAccessLevel.Denied ? households.GetValueOrDefault(s.HouseholdId) : null,
            s.TeamId, teams.GetValueOrDefault(s.TeamId) ?? "", s.GoalId, s.Domain,
            allowed.GetValueOrDefault(s.HouseholdId, FileAccessLevel.Denied) != FileAccessLevel.Denied ? goals.GetValueOrDefault(s.GoalId) : null,
            s.Kind, s.Description, s.Justification, s.Amount, LegalFrameworks.ParseList(s.Frameworks), LegalFrameworks.ParseList(s.SuggestedFrameworks),
            s.Status, s.Level, s.RequestedByName, s.RequestedAt, s.DecidedByName, s.DecidedAt, s.DecisionReason, s.PaidAmount, s.PaidOn, s.Payee, s.CancelReason,
            s.Comparison is null ? null : JsonSerializer.Deserialize<ComparisonView>(s.Comparison), s.Version)).ToList();
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
