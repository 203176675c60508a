using Microsoft.EntityFrameworkCore;
using Regie.Domain.Decisions;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Decisions;

/// <summary>The legal terms in weeks (due-soon in days), as <see cref="Regie.Domain.Decisions.DecisionTerms"/> names them.</summary>
public sealed class TermsInput
{
    public int WmoInvestigationWeeks { get; set; }
    public int WmoDecisionWeeks { get; set; }
    public int JeugdwetWeeks { get; set; }
    public int ParticipatiewetWeeks { get; set; }
    public int WgsWeeks { get; set; }
    public int MaxExtensionWeeks { get; set; }
    public int DueSoonDays { get; set; }
    public int Versie { get; set; }
}

/// <summary>The administrator sets the municipality's legal terms; applications received afterwards get them.</summary>
public sealed class SetLegalTermsHandler(RegieDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult<int>> HandleAsync(TermsInput input, CancellationToken ct)
    {
        if (!user.IsSystem && user.Role != Roles.Beheerder) return CommandResult<int>.Forbidden();
        var terms = new DecisionTerms(input.WmoInvestigationWeeks, input.WmoDecisionWeeks, input.JeugdwetWeeks, input.ParticipatiewetWeeks, input.WgsWeeks,
            input.MaxExtensionWeeks, input.DueSoonDays);
        var errors = terms.Check();
        if (errors.Count > 0) return CommandResult<int>.Invalid(errors);
        var row = await db.DecisionTermSettings.FirstOrDefaultAsync(ct);
        if (row is null)
        {
            row = new DecisionTermSettings { Gemeentecode = user.Gemeentecode!, ChangedBy = "", Version = 0 };
            db.DecisionTermSettings.Add(row);
        }
        else if (input.Versie != row.Version) return CommandResult<int>.Conflict();
        row.Change(terms, user.ActorName, clock.GetUtcNow().UtcDateTime);
        return await audit.AfterAsync(await db.SaveOrConflictAsync(row.Version, ct), AuditResources.Application, null, null, "wettelijke termijnen gewijzigd", ct);
    }
}
