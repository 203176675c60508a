using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Decisions;

namespace Regie.Web.Data;

/// <summary>
/// A request for a custom provision (aanvraag) by one resident under one legal framework, from the
/// Wmo report (melding) that starts the investigation to the beschikking. Deadlines are stored as
/// computed on receipt: the terms that applied then keep applying when the municipality changes them.
/// Its status only moves through <see cref="Receive"/>, <see cref="Extend"/>, <see cref="Withdraw"/> and
/// <see cref="Decide"/>; each refuses with the rule's own error what the status does not allow.
/// </summary>
public sealed class ProvisionApplication : IMunicipalityOwned
{
    public const int RequestedMaxLength = 1000;
    public const int ExtensionReasonMaxLength = 1000;
    public const int WithdrawnReasonMaxLength = 1000;
    public const int UserIdMaxLength = RegieUser.IdMaxLength;

    private ProvisionApplication() { }

    public Guid Id { get; private set; }
    public string Gemeentecode { get; private set; } = "";
    public Guid PersonId { get; private set; }
    /// <summary>The person's household when the application was registered; where the timeline event goes.</summary>
    public Guid? HouseholdId { get; private set; }
    public LegalFramework Framework { get; private set; }
    /// <summary>The plan goal the provision serves, when the team applies from the plan.</summary>
    public Guid? GoalId { get; private set; }
    public string Requested { get; private set; } = "";
    public DateOnly? ReportedOn { get; private set; }
    public DateOnly? InvestigationDueOn { get; private set; }
    public DateOnly? InvestigationDoneOn { get; private set; }
    public DateOnly? AppliedOn { get; private set; }
    public DateOnly? DecisionDueOn { get; private set; }
    public int ExtensionWeeks { get; private set; }
    public string? ExtensionReason { get; private set; }
    public DateOnly? ExtendedOn { get; private set; }
    public ApplicationStatus Status { get; private set; }
    /// <summary>Who handles it: the consulent of the municipal desk or the team's professional.</summary>
    public string? HandlerUserId { get; private set; }
    public DateOnly? WithdrawnOn { get; private set; }
    public string? WithdrawnReason { get; private set; }
    /// <summary>Set with the decision: whether it came within the (extended) term. Kept for reporting.</summary>
    public bool? DecidedInTime { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    /// <summary>When the last change was saved; moved by <see cref="MarkSaved"/>.</summary>
    public DateTime UpdatedAt { get; private set; }
    /// <summary>Concurrency token: the use case presents the version the user saw and counts it up with each save.</summary>
    public int Version { get; set; }

    /// <summary>A Wmo report without an application date is a melding; with one the decision term runs from it.</summary>
    public static ProvisionApplication Register(string gemeentecode, Guid personId, Guid? householdId, LegalFramework framework, Guid? goalId,
        string requested, DateOnly? reportedOn, DateOnly? appliedOn, string? handlerUserId, string createdBy, DecisionTerms terms, DateOnly today, DateTime now)
    {
        Guard(DecisionRules.CheckRegistration(framework, reportedOn, appliedOn, unreadableDate: false, today));
        return new ProvisionApplication
        {
            Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, PersonId = personId, HouseholdId = householdId, Framework = framework,
            GoalId = goalId, Requested = requested, ReportedOn = reportedOn, AppliedOn = appliedOn,
            InvestigationDueOn = Deadlines.InvestigationDue(framework, reportedOn, terms),
            DecisionDueOn = appliedOn is { } a ? Deadlines.DecisionDue(framework, a, 0, terms) : null,
            Status = appliedOn is null ? ApplicationStatus.Melding : ApplicationStatus.InBehandeling,
            HandlerUserId = handlerUserId, CreatedBy = Text.Fit(createdBy, UserIdMaxLength), CreatedAt = now, UpdatedAt = now, Version = 1,
        };
    }

    /// <summary>Null when the status allows a receipt; otherwise why not.</summary>
    public DomainError? RefuseReceipt() => DecisionRules.CheckReceivable(Status);

    public IReadOnlyList<DomainError> CheckReceipt(DateOnly? appliedOn, DateOnly? investigationDoneOn, DateOnly today) =>
        RefuseReceipt() is { } refused ? [refused] : DecisionRules.CheckReceiptDates(Framework, ReportedOn, appliedOn, investigationDoneOn, today);

    /// <summary>The report becomes an application: the decision term starts on the day it was received.</summary>
    public void Receive(DateOnly appliedOn, DateOnly? investigationDoneOn, DateOnly today, DecisionTerms terms)
    {
        Guard(CheckReceipt(appliedOn, investigationDoneOn, today));
        AppliedOn = appliedOn;
        InvestigationDoneOn = investigationDoneOn;
        DecisionDueOn = Deadlines.DecisionDue(Framework, appliedOn, 0, terms);
        Status = ApplicationStatus.InBehandeling;
    }

    public IReadOnlyList<DomainError> CheckExtension(int weeks, string? reason, DateOnly today, DecisionTerms terms) =>
        DecisionRules.CheckExtension(Status, ExtensionWeeks, DecisionDueOn ?? today, today, weeks, reason, terms);

    public void Extend(int weeks, string? reason, DateOnly today, DecisionTerms terms)
    {
        Guard(CheckExtension(weeks, reason, today, terms));
        ExtensionWeeks = weeks;
        ExtensionReason = reason;
        ExtendedOn = today;
        DecisionDueOn = Deadlines.DecisionDue(Framework, AppliedOn!.Value, weeks, terms);
    }

    public DomainError? RefuseWithdrawal() => DecisionRules.CheckWithdrawable(Status);

    public void Withdraw(string reason, DateOnly today)
    {
        Guard([RefuseWithdrawal()]);
        Status = ApplicationStatus.Ingetrokken;
        WithdrawnOn = today;
        WithdrawnReason = reason;
    }

    public IReadOnlyList<DomainError> CheckDecision(DecisionOutcome outcome, DateOnly decidedOn, string? reasoning, int productCount, DateOnly today) =>
        DecisionRules.CheckDecision(Status, AppliedOn, decidedOn, today, outcome, reasoning, productCount);

    /// <summary>The beschikking: the application is decided, in time or not, and the decision carries its products.</summary>
    public Decision Decide(DecisionOutcome outcome, DateOnly decidedOn, string reasoning, IReadOnlyList<DecisionProduct> products,
        string decidedById, string decidedByName, DateOnly today, DateTime now)
    {
        Guard([DecisionRules.CheckProductCount(products.Count), .. CheckDecision(outcome, decidedOn, reasoning, products.Count, today)]);
        var decision = Decision.For(this, outcome, decidedOn, reasoning, products, decidedById, decidedByName, now);
        Status = ApplicationStatus.Beslist;
        DecidedInTime = DecisionDueOn is not { } due || decidedOn <= due;
        return decision;
    }


    /// <summary>A saved change: the use case that saves it stamps the time.</summary>
    public void MarkSaved(DateTime at) => UpdatedAt = at;

    /// <summary>The command checked these rules before; reaching here with a broken one is a bug, not a user error.</summary>
    private static void Guard(IEnumerable<DomainError?> errors)
    {
        if (errors.FirstOrDefault(e => e is not null) is { } error) throw new DomainException(error);
    }
}

/// <summary>The beschikking on an application. One per application: the database refuses a second. Made by <see cref="ProvisionApplication.Decide"/>.</summary>
public sealed class Decision : IMunicipalityOwned
{
    public const int ReasoningMaxLength = 4000;
    public const int DecidedByNameMaxLength = 200;

    private readonly List<DecisionProduct> _products = [];

    private Decision() { }

    public Guid Id { get; private set; }
    public string Gemeentecode { get; private set; } = "";
    public Guid ApplicationId { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid? HouseholdId { get; private set; }
    public LegalFramework Framework { get; private set; }
    public DecisionOutcome Outcome { get; private set; }
    public DateOnly DecidedOn { get; private set; }
    public string Reasoning { get; private set; } = "";
    public string DecidedById { get; private set; } = "";
    public string DecidedByName { get; private set; } = "";
    /// <summary>A granted product goes to the decider's own employer (see Employment.IsOwnEmployer).</summary>
    public bool OwnEmployer { get; private set; }
    /// <summary>Sum of the products' estimates; null when none was estimated.</summary>
    public decimal? EstimatedCost { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public IReadOnlyList<DecisionProduct> Products => _products;

    internal static Decision For(ProvisionApplication app, DecisionOutcome outcome, DateOnly decidedOn, string reasoning,
        IReadOnlyList<DecisionProduct> products, string decidedById, string decidedByName, DateTime now)
    {
        var decision = new Decision
        {
            Id = Guid.CreateVersion7(), Gemeentecode = app.Gemeentecode, ApplicationId = app.Id, PersonId = app.PersonId, HouseholdId = app.HouseholdId,
            Framework = app.Framework, Outcome = outcome, DecidedOn = decidedOn, Reasoning = reasoning,
            DecidedById = Text.Fit(decidedById, ProvisionApplication.UserIdMaxLength), DecidedByName = Text.Truncate(decidedByName, DecidedByNameMaxLength),
            OwnEmployer = products.Any(p => p.OwnEmployer),
            EstimatedCost = products.Any(p => p.EstimatedCost is not null) ? products.Sum(p => p.EstimatedCost ?? 0m) : null,
            CreatedAt = now,
        };
        foreach (var p in products) p.BelongTo(decision);
        decision._products.AddRange(products);
        return decision;
    }
}

/// <summary>
/// A decided provision, shaped like an iWmo/iJw assignment (toewijzing): category, volume, unit, frequency, period, provider.
/// Written once, checked by <see cref="DecisionRules.CheckProduct"/> before, and tied to its decision by <see cref="ProvisionApplication.Decide"/>.
/// </summary>
public sealed class DecisionProduct : IMunicipalityOwned
{
    public const int DescriptionMaxLength = 200;

    public Guid Id { get; init; }
    public required string Gemeentecode { get; init; }
    /// <summary>Set when the decision is made with this product.</summary>
    public Guid DecisionId { get; private set; }
    public int Position { get; init; }
    /// <summary>WMO020 or JZ020 code; null for frameworks without a code list.</summary>
    public string? Category { get; init; }
    public string? Description { get; init; }
    public int Volume { get; init; }
    /// <summary>WJ756 code.</summary>
    public required string Unit { get; init; }
    /// <summary>WMO757 code.</summary>
    public required string Frequency { get; init; }
    public DateOnly From { get; init; }
    public DateOnly To { get; init; }
    public Guid? ProviderOrganisationId { get; init; }
    public bool OwnEmployer { get; init; }
    public decimal? EstimatedCost { get; init; }

    /// <summary>A product belongs to one decision: a second one is refused.</summary>
    internal void BelongTo(Decision decision)
    {
        if (DecisionId != Guid.Empty && DecisionId != decision.Id) throw new InvalidOperationException("A decided product belongs to its decision.");
        DecisionId = decision.Id;
    }
}

/// <summary>The municipality's legal terms; absent means the law's defaults (<see cref="DecisionTerms.Default"/>).</summary>
public sealed class DecisionTermSettings
{
    private string _changedBy = "";

    public required string Gemeentecode { get; init; }
    public int WmoInvestigationWeeks { get; private set; }
    public int WmoDecisionWeeks { get; private set; }
    public int JeugdwetWeeks { get; private set; }
    public int ParticipatiewetWeeks { get; private set; }
    public int WgsWeeks { get; private set; }
    public int MaxExtensionWeeks { get; private set; }
    public int DueSoonDays { get; private set; }
    /// <summary>Set by <see cref="Change"/>, with the terms.</summary>
    public required string ChangedBy { get => _changedBy; init => _changedBy = value; }
    public DateTime ChangedAt { get; private set; }
    /// <summary>Concurrency token; <see cref="Change"/> counts it up.</summary>
    public int Version { get; set; }

    public const int ChangedByMaxLength = 200;

    /// <summary>Terms the law allows (<see cref="DecisionTerms.Check"/>) replace the current ones; each change is a new version.</summary>
    public void Change(DecisionTerms terms, string changedBy, DateTime now)
    {
        if (terms.Check() is [var error, ..]) throw new DomainException(error);
        WmoInvestigationWeeks = terms.WmoInvestigationWeeks;
        WmoDecisionWeeks = terms.WmoDecisionWeeks;
        JeugdwetWeeks = terms.JeugdwetWeeks;
        ParticipatiewetWeeks = terms.ParticipatiewetWeeks;
        WgsWeeks = terms.WgsWeeks;
        MaxExtensionWeeks = terms.MaxExtensionWeeks;
        DueSoonDays = terms.DueSoonDays;
        _changedBy = Text.Fit(changedBy, ChangedByMaxLength);
        ChangedAt = now;
        Version++;
    }

    public DecisionTerms ToTerms() => new(WmoInvestigationWeeks, WmoDecisionWeeks, JeugdwetWeeks, ParticipatiewetWeeks, WgsWeeks, MaxExtensionWeeks, DueSoonDays);
}
