using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
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
    /// <summary>Who keeps the cost entries: the policy officer (beleid), and the system.</summary>
    public static bool MayKeepCosts(CurrentUser user) => user.IsSystem || user.Role == Roles.Beleid;

    public async Task<CommandResult<Guid>> HandleAsync(CostInput input, CancellationToken ct)
    {
        if (!MayKeepCosts(user)) return CommandResult<Guid>.Forbidden();
        var errors = new ErrorList();
        var kind = SystemCost.ReadKind(input.Soort, errors);
        var payer = SystemCost.ReadPayer(kind, input.BetaaldDoor, errors);
        var description = errors.Take(TextRules.Required(input.Omschrijving, "Omschrijving", "een omschrijving", MonitorCostEntry.DescriptionMaxLength));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = SystemCost.ReadDate(input.Van, "Van", "de begindatum", today, errors);
        var to = SystemCost.ReadDate(input.Tot, "Tot", "de einddatum", today, errors);
        decimal? fte = SystemCost.ReadAmount(input.Fte, "Fte", errors), perFte = SystemCost.ReadAmount(input.KostenPerFte, "KostenPerFte", errors),
            amount = SystemCost.ReadAmount(input.Bedrag, "Bedrag", errors);
        if (input.TeamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, ct))
            errors.Add(SystemCost.TeamUnknown());
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
}
