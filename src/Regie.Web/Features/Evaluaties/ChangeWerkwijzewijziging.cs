using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Models;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Evaluaties;

/// <summary>A correction of a recorded change: the recording form's fields and the version the form was filled in on.</summary>
public sealed class WerkwijzewijzigingCorrectionInput : WerkwijzewijzigingInput
{
    public int Versie { get; set; }
}

public sealed class WerkwijzewijzigingWithdrawalInput
{
    public string? Reden { get; set; }
    public int Versie { get; set; }
}

/// <summary>
/// The policy officer corrects a recorded change of working practice (title, description, date, teams) under the same rules as
/// recording it, or withdraws it with a reason. Only the municipality's own changes (another's is not found); a form that saw an
/// older version is refused as a conflict; both are on the audit trail with what was and what became.
/// </summary>
public sealed class ChangeWerkwijzewijzigingHandler(RegieDbContext db, EvaluationData data, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult<int>> CorrectAsync(Guid id, WerkwijzewijzigingCorrectionInput input, CancellationToken ct)
    {
        if (!user.IsSystem && user.Role != Roles.Beleid) return CommandResult<int>.Forbidden();
        if (await db.Werkwijzewijzigingen.FirstOrDefaultAsync(w => w.Id == id, ct) is not { } change) return CommandResult<int>.NotFound("De wijziging");
        var teams = await data.TeamNamesAsync(ct);
        var (read, errors) = RecordWerkwijzewijzigingHandler.Read(input, teams, data.Today);
        if (read is not { } r) return CommandResult<int>.Invalid(errors);
        if (change.Version != input.Versie) return CommandResult<int>.Conflict();
        var before = Describe(change, teams);
        if (change.Correct(r.Date, r.Title, r.Description, r.Teams, user.ActorName, clock.GetUtcNow().UtcDateTime) is { } refused) return CommandResult<int>.Invalid(refused);
        db.Entry(change).Property(w => w.Version).OriginalValue = input.Versie;
        var detail = $"werkwijzewijziging {change.Id} gecorrigeerd: was {before}; nu {Describe(change, teams)}";
        return await audit.AfterAsync(await db.SaveOrConflictAsync(change.Version, ct), AuditResources.PracticeChange, null, null, detail, ct, AuditActions.Update);
    }

    public async Task<CommandResult<int>> WithdrawAsync(Guid id, WerkwijzewijzigingWithdrawalInput input, CancellationToken ct)
    {
        if (!user.IsSystem && user.Role != Roles.Beleid) return CommandResult<int>.Forbidden();
        if (await db.Werkwijzewijzigingen.FirstOrDefaultAsync(w => w.Id == id, ct) is not { } change) return CommandResult<int>.NotFound("De wijziging");
        var errors = new ErrorList();
        var reason = EvaluationRules.ReadWithdrawalReason(input.Reden, errors);
        if (errors.HasErrors) return CommandResult<int>.Invalid(errors.Errors);
        if (change.Version != input.Versie) return CommandResult<int>.Conflict();
        if (change.Withdraw(reason!, user.ActorName, clock.GetUtcNow().UtcDateTime) is { } refused) return CommandResult<int>.Invalid(refused);
        db.Entry(change).Property(w => w.Version).OriginalValue = input.Versie;
        var detail = $"werkwijzewijziging {change.Id} ingetrokken: {change.Title}, {DutchDate.Format(change.Date)}; reden: {reason}";
        return await audit.AfterAsync(await db.SaveOrConflictAsync(change.Version, ct), AuditResources.PracticeChange, null, null, detail, ct, AuditActions.Update);
    }

    private static string Describe(Werkwijzewijziging w, IReadOnlyDictionary<Guid, string> teams) =>
        $"{w.Title}, {DutchDate.Format(w.Date)}, teams {string.Join(", ", w.Teams.Select(t => teams.GetValueOrDefault(t, "onbekend team")).Order())}";
}
