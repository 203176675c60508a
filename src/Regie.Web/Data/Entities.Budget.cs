using Regie.Domain.Assessment;
using Regie.Domain.Budget;
using Regie.Domain.Care;
using Regie.Domain.Common;

namespace Regie.Web.Data;

/// <summary>
/// A team's integral budget for one year. Its figures are never stored here: they are the sum of its
/// <see cref="BudgetEntry"/> rows. The row is the serialisation point for spending: every write to the
/// ledger first bumps <see cref="Version"/>, which locks the row until the transaction ends.
/// </summary>
public sealed class TeamBudget : IMunicipalityOwned
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid TeamId { get; set; }
    public int Year { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>The municipality's allocation (negative: a correction), earmarked for one law or, with none, integral.</summary>
    public BudgetEntry Allocate(decimal amount, LegalFramework? earmark, string reason, BudgetActor by, DateTime at) =>
        Entry(EntryKind.Toekenning, amount, earmark, reason, null, by, at);

    /// <summary>Money moved between teams: the amount off one budget and onto the other, each entry naming the other team.</summary>
    public static (BudgetEntry Outgoing, BudgetEntry Incoming) Transfer(TeamBudget from, string fromTeam, TeamBudget to, string toTeam, decimal amount, string reason,
        BudgetActor by, DateTime at) =>
        (from.Entry(EntryKind.Overboeking, -amount, null, $"Naar {toTeam}: {reason}", to.TeamId, by, at),
            to.Entry(EntryKind.Overboeking, amount, null, $"Van {fromTeam}: {reason}", from.TeamId, by, at));

    private BudgetEntry Entry(EntryKind kind, decimal amount, LegalFramework? framework, string reason, Guid? counterpart, BudgetActor by, DateTime at) => new()
    {
        Gemeentecode = Gemeentecode, BudgetId = Id, TeamId = TeamId, Year = Year, Kind = kind, Framework = framework, Amount = amount, CounterpartTeamId = counterpart,
        Reason = Text.Truncate(reason, BudgetEntry.ReasonMaxLength), BookedOn = DateOnly.FromDateTime(at), OccurredAt = at,
        ActorId = Text.Fit(by.Id, BudgetEntry.ActorIdMaxLength), ActorName = Text.Truncate(by.Name, BudgetEntry.ActorNameMaxLength),
    };
}

/// <summary>
/// One movement of money. Never changed or deleted (database triggers refuse it): a correction is a new
/// entry. A spend that serves several laws has one entry per law, so every figure per law adds up.
/// </summary>
public sealed class BudgetEntry : IMunicipalityOwned
{
    public const int ReasonMaxLength = 1000;
    public const int ActorIdMaxLength = RegieUser.IdMaxLength;
    public const int ActorNameMaxLength = 200;

    public long Id { get; set; }
    public required string Gemeentecode { get; set; }
    public Guid BudgetId { get; set; }
    public Guid TeamId { get; set; }
    public int Year { get; set; }
    public EntryKind Kind { get; set; }
    /// <summary>Allocations: the earmark (null is the free, integral part). Spending: the law it is attributed to.</summary>
    public LegalFramework? Framework { get; set; }
    /// <summary>Positive, except allocation corrections and the giving side of a transfer.</summary>
    public decimal Amount { get; set; }
    public Guid? SpendId { get; set; }
    /// <summary>The goal's life domain, for the municipality's report per domain.</summary>
    public ZrmDomain? Domain { get; set; }
    /// <summary>For a transfer: the other team.</summary>
    public Guid? CounterpartTeamId { get; set; }
    public required string Reason { get; set; }
    public DateOnly BookedOn { get; set; }
    public DateTime OccurredAt { get; set; }
    public required string ActorId { get; set; }
    public required string ActorName { get; set; }
}

/// <summary>
/// Money a professional commits to an intervention for a plan goal, and what became of it. A new spend is
/// <see cref="SpendStatus.Aangevraagd"/>; its status changes only through the steps below, along <see cref="SpendRules.Next"/>.
/// </summary>
public sealed class Spend : IMunicipalityOwned
{
    public const int DescriptionMaxLength = 200;
    public const int JustificationMaxLength = 2000;
    public const int DecisionReasonMaxLength = 1000;
    public const int PayeeMaxLength = 200;
    public const int CancelReasonMaxLength = 1000;
    public const int ActorIdMaxLength = RegieUser.IdMaxLength;
    public const int ActorNameMaxLength = 200;

    /// <summary>What was asked for is set once, by <see cref="Request"/>; what became of it only by the steps below.</summary>
    public Guid Id { get; private init; }
    public string Gemeentecode { get; private init; } = "";
    public Guid HouseholdId { get; private init; }
    public Guid TeamId { get; private init; }
    public Guid BudgetId { get; private init; }
    public Guid GoalId { get; private init; }
    public ZrmDomain Domain { get; private init; }
    public InterventionKind Kind { get; private init; }
    public string Description { get; private init; } = "";
    public string Justification { get; private init; } = "";
    public decimal Amount { get; private init; }
    /// <summary>Comma-separated <see cref="LegalFramework"/> names, confirmed by the worker.</summary>
    public string Frameworks { get; private init; } = "";
    public string SuggestedFrameworks { get; private init; } = "";
    public SpendStatus Status { get; private set; }
    public ApprovalLevel Level { get; private init; }
    public string RequestedBy { get; private init; } = "";
    public string RequestedByName { get; private init; } = "";
    public DateTime RequestedAt { get; private init; }
    public string? DecidedBy { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecisionReason { get; private set; }
    public decimal? PaidAmount { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    public string? Payee { get; private set; }
    public string? CancelReason { get; private set; }
    /// <summary>The comparison with the alternative as the worker saw it (JSON, tariffs copied in), or null.</summary>
    public string? Comparison { get; private init; }
    /// <summary>The alternative's estimated cost minus this spend; an estimate, shown as such.</summary>
    public decimal? AvoidedEstimate { get; private init; }
    public int Version { get; set; }

    /// <summary>
    /// A new spend, <see cref="SpendStatus.Aangevraagd"/>, at version 1: for <paramref name="goal"/> of <paramref name="household"/>, booked
    /// on the holding team's <paramref name="budget"/>, to be approved at <paramref name="level"/>. The content was checked by
    /// <see cref="SpendRules"/>; the comparison, when there is one, is stored as the worker saw it.
    /// </summary>
    public static Spend Request(Household household, TeamBudget budget, (Guid Id, ZrmDomain Domain) goal, InterventionKind kind, string description,
        string justification, decimal amount, IEnumerable<LegalFramework> frameworks, IEnumerable<LegalFramework> suggestedFrameworks, ApprovalLevel level,
        BudgetActor requestedBy, DateTime at, string? comparison, decimal? avoidedEstimate) => new()
        {
            Id = Guid.CreateVersion7(), Gemeentecode = household.Gemeentecode, HouseholdId = household.Id, TeamId = budget.TeamId, BudgetId = budget.Id,
            GoalId = goal.Id, Domain = goal.Domain, Kind = kind, Description = description, Justification = justification, Amount = amount,
            Frameworks = LegalFrameworks.ToStored(frameworks)!, SuggestedFrameworks = LegalFrameworks.ToStored(suggestedFrameworks)!, Level = level,
            RequestedBy = Text.Fit(requestedBy.Id, ActorIdMaxLength), RequestedByName = Text.Truncate(requestedBy.Name, ActorNameMaxLength), RequestedAt = at,
            Comparison = comparison, AvoidedEstimate = avoidedEstimate, Version = 1,
        };

    /// <summary>Approves, as it is recorded, a spend within the requester's own mandate.</summary>
    public SpendStep ApproveWithinMandate(DateTime at)
    {
        if (Level != ApprovalLevel.Mandaat) throw new InvalidOperationException("Only a spend within the requester's mandate is approved as it is recorded.");
        if (SpendRules.CheckStep(Status, SpendAction.Approve) is { } refused) return SpendStep.Refused([refused]);
        return Commit(new BudgetActor(RequestedBy, RequestedByName), SpendRules.WithinMandateReason, at);
    }

    /// <summary>
    /// The team lead's or the municipality's approval: commits the money, one ledger entry per law. Whether the
    /// budget holds it is checked by the caller, under the budget's lock (<see cref="LedgerRules.CheckCommit"/>).
    /// </summary>
    public SpendStep Approve(SpendDecider by, string? reason, DateTime at)
    {
        if (Refusal(SpendAction.Approve, by) is { } refused) return SpendStep.Refused([refused]);
        var text = TextRules.Optional(reason, "Reden", "de toelichting", DecisionReasonMaxLength);
        if (!text.IsValid) return SpendStep.Refused([text.Error!]);
        return Commit(by.Actor, text.Value ?? SpendRules.DefaultApprovalReason(by.Role), at);
    }

    public SpendStep Refuse(SpendDecider by, string? reason, DateTime at)
    {
        if (Refusal(SpendAction.Refuse, by) is { } refused) return SpendStep.Refused([refused]);
        var text = TextRules.Required(reason, "Reden", "de reden van de afwijzing", DecisionReasonMaxLength);
        if (!text.IsValid) return SpendStep.Refused([text.Error!]);
        Move(SpendAction.Refuse);
        Decided(by.Actor, text.Value, at);
        return SpendStep.Booked([]);
    }

    /// <summary>Records the payment; what was committed and not paid is released on the same day.</summary>
    public SpendStep Pay(string? amount, string? date, string? payee, BudgetActor by, DateOnly today, DateTime at)
    {
        if (SpendRules.CheckStep(Status, SpendAction.Pay) is { } refused) return SpendStep.Refused([refused]);
        var errors = new ErrorList();
        var (paid, paidOn) = SpendRules.CheckPayment(amount, date, Amount, today, errors);
        var to = errors.Take(TextRules.Required(payee, "Ontvanger", "aan wie is betaald", PayeeMaxLength));
        if (errors.HasErrors) return SpendStep.Refused(errors.Errors);
        Move(SpendAction.Pay);
        (PaidAmount, PaidOn, Payee) = (paid, paidOn, to);
        var entries = Book(EntryKind.Betaling, paid, $"Betaald aan {to}", by, at, paidOn).ToList();
        if (SpendRules.Released(Amount, paid) is > 0m and var rest)
            entries.AddRange(Book(EntryKind.Vrijval, rest, "Rest van de verplichting vrijgevallen na betaling", by, at, paidOn));
        return SpendStep.Booked(entries);
    }

    /// <summary>Cancels a spend not yet paid; money already committed is released.</summary>
    public SpendStep Cancel(string? reason, BudgetActor by, DateTime at)
    {
        if (SpendRules.CheckStep(Status, SpendAction.Cancel) is { } refused) return SpendStep.Refused([refused]);
        var text = TextRules.Required(reason, "Reden", "de reden van de annulering", CancelReasonMaxLength);
        if (!text.IsValid) return SpendStep.Refused([text.Error!]);
        var committed = Status == SpendStatus.Goedgekeurd;
        Move(SpendAction.Cancel);
        CancelReason = text.Value;
        return SpendStep.Booked(committed ? Book(EntryKind.Vrijval, Amount, $"Geannuleerd: {text.Value}", by, at) : []);
    }

    private DomainError? Refusal(SpendAction action, SpendDecider by) =>
        SpendRules.CheckStep(Status, action) ?? SpendRules.CheckDecider(by, RequestedBy, Level, Amount, action);

    private SpendStep Commit(BudgetActor by, string reason, DateTime at)
    {
        Move(SpendAction.Approve);
        Decided(by, reason, at);
        return SpendStep.Booked(Book(EntryKind.Verplichting, Amount, reason, by, at));
    }

    private void Move(SpendAction action) =>
        Status = SpendRules.Next(Status, action) ?? throw new DomainException(SpendRules.CheckStep(Status, action)!);

    private void Decided(BudgetActor by, string reason, DateTime at)
    {
        DecidedBy = Text.Fit(by.Id, ActorIdMaxLength);
        DecidedByName = Text.Truncate(by.Name, ActorNameMaxLength);
        DecidedAt = at;
        DecisionReason = reason;
    }

    /// <summary>One ledger entry per law the spend serves, split to the cent, in the year the spend was requested.</summary>
    private IReadOnlyList<BudgetEntry> Book(EntryKind kind, decimal amount, string reason, BudgetActor by, DateTime at, DateOnly? bookedOn = null) =>
        Attribution.Split(amount, LegalFrameworks.ParseList(Frameworks)).Select(part => new BudgetEntry
        {
            Gemeentecode = Gemeentecode, BudgetId = BudgetId, TeamId = TeamId, Year = RequestedAt.Year, Kind = kind, Framework = part.Framework,
            Amount = part.Amount, SpendId = Id, Domain = Domain, Reason = Text.Truncate(reason, BudgetEntry.ReasonMaxLength), BookedOn = bookedOn ?? DateOnly.FromDateTime(at),
            OccurredAt = at, ActorId = Text.Fit(by.Id, BudgetEntry.ActorIdMaxLength), ActorName = Text.Truncate(by.Name, BudgetEntry.ActorNameMaxLength),
        }).ToList();
}

/// <summary>The answer of a step on a <see cref="Spend"/>: the rules that refused it, or the ledger entries it books.</summary>
public sealed record SpendStep(IReadOnlyList<DomainError> Errors, IReadOnlyList<BudgetEntry> Entries)
{
    public bool IsRefused => Errors.Count > 0;
    public static SpendStep Refused(IReadOnlyList<DomainError> errors) => new(errors, []);
    public static SpendStep Booked(IReadOnlyList<BudgetEntry> entries) => new([], entries);
}

/// <summary>
/// A mandate as the municipality set it, for a role or for one person. Never changed: a new row with a
/// later <see cref="ValidFrom"/> replaces it, so it stays known which limit applied to a spend.
/// </summary>
public sealed class SpendMandate
{
    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    /// <summary>A role name, or null for a person's own mandate.</summary>
    public string? Role { get; set; }
    public string? UserId { get; set; }
    /// <summary>Null: the person's own mandate is removed and the role's applies again.</summary>
    public decimal? Limit { get; set; }
    public DateTime ValidFrom { get; set; }
    public required string ChangedBy { get; set; }
}

/// <summary>One version of a tariff. Never changed: an edit is a new row, and a saved comparison keeps the row it used.</summary>
public sealed class Tariff
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 200;
    public const int UnitMaxLength = 100;
    public const int SourceMaxLength = 400;

    public Guid Id { get; set; }
    public required string Gemeentecode { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Unit { get; set; }
    public decimal Amount { get; set; }
    public required string Source { get; set; }
    public DateTime ValidFrom { get; set; }
    public required string ChangedBy { get; set; }
}
