using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Decisions;
using Regie.Domain.Monitor;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Monitor;

public sealed class CostInput
{
    /// <summary>Personeel, Overhead or Advies.</summary>
    public string? Soort { get; set; }
    public Guid? TeamId { get; set; }
    /// <summary>For staff: Gemeente, EigenOrganisatie or Aanbieder.</summary>
    public string? BetaaldDoor { get; set; }
    public string? Omschrijving { get; set; }
    public string? Fte { get; set; }
    public string? KostenPerFte { get; set; }
    public string? Bedrag { get; set; }
    public string? Van { get; set; }
    public string? Tot { get; set; }
}

/// <summary>The policy officer adds a cost entry for the monitor's full cost; entries are never edited, a wrong one is withdrawn.</summary>
public sealed class RecordCostEntryHandler(RegieDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public const string KindInvalidCode = "cost-kind-invalid";
    public const string TeamUnknownCode = "cost-team-unknown";

    /// <summary>Who keeps the cost entries: the policy officer (beleid), and the system.</summary>
    public static bool MayKeepCosts(CurrentUser user) => user.IsSystem || user.Role == Roles.Beleid;

    public async Task<CommandResult<Guid>> HandleAsync(CostInput input, CancellationToken ct)
    {
        if (!MayKeepCosts(user)) return CommandResult<Guid>.Forbidden();
        var errors = new ErrorList();
        var kind = Enums.ParseDefined<CostKind>(input.Soort);
        if (kind is null) errors.Add(new DomainError(KindInvalidCode, "Soort", "Kies personeel, overhead of inhuur en advies."));
        var payer = kind == CostKind.Personeel ? Enums.ParseDefined<StaffPayer>(input.BetaaldDoor) : null;
        if (kind == CostKind.Personeel && payer is null) errors.Add(new DomainError(KindInvalidCode, "BetaaldDoor", "Kies wie deze medewerkers betaalt."));
        var description = errors.Take(TextRules.Required(input.Omschrijving, "Omschrijving", "een omschrijving", MonitorCostEntry.DescriptionMaxLength));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = Date(input.Van, "Van", "de begindatum", today, errors);
        var to = Date(input.Tot, "Tot", "de einddatum", today, errors);
        decimal? fte = Amount(input.Fte, "Fte", errors), perFte = Amount(input.KostenPerFte, "KostenPerFte", errors), amount = Amount(input.Bedrag, "Bedrag", errors);
        if (input.TeamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, ct))
            errors.Add(new DomainError(TeamUnknownCode, "TeamId", "Kies een team uit de lijst."));
        if (kind is { } k && from is { } f && to is { } t)
            errors.AddRange(SystemCost.Check(new CostEntry(k, k == CostKind.Personeel ? input.TeamId : null, f, t, fte, perFte, amount)));
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);
        var entry = new MonitorCostEntry
        {
            Id = Guid.CreateVersion7(), Gemeentecode = user.Gemeentecode!, Kind = kind!.Value, TeamId = kind == CostKind.Personeel ? input.TeamId : null, Payer = payer,
            Description = description!, Fte = kind == CostKind.Personeel ? fte : null, CostPerFte = kind == CostKind.Personeel ? perFte : null,
            Amount = kind == CostKind.Personeel ? null : amount, From = from!.Value, To = to!.Value, RecordedBy = user.ActorName, RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.MonitorCostEntries.Add(entry);
        return await audit.AfterAsync(await db.SaveOrConflictAsync(entry.Id, ct), AuditResources.MonitorCost, null, null,
            $"kostenpost {entry.Id} toegevoegd: {entry.Kind}, {entry.Description}, {DutchDate.Format(entry.From)} t/m {DutchDate.Format(entry.To)}", ct, AuditActions.Create);
    }

    /// <summary>A cost entry's period is budgeted like a granted one: it may lie in the past and run for years (<see cref="DateKind.Granted"/>).</summary>
    private static DateOnly? Date(string? text, string field, string label, DateOnly today, ErrorList errors)
    {
        if (DutchDate.TryParse(text, out var d)) return DateRules.Plausible(d, DateKind.Granted, today, field, label, errors);
        errors.Add(new DomainError(DutchDate.InvalidCode, field, "Vul de datum in als dd-mm-jjjj."));
        return null;
    }

    private static decimal? Amount(string? text, string field, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DecisionRules.TryParseAmount(text, out var v)) return v;
        errors.Add(new DomainError(SystemCost.AmountInvalidCode, field, "Vul een getal in, bijvoorbeeld 70.000,00 of 4,5."));
        return null;
    }
}
