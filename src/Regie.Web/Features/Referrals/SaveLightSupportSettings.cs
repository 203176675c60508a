using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Referrals;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Referrals;

public sealed class LightSupportSettingsInput
{
    public bool Toegestaan { get; set; }
    public int MaxWeken { get; set; }
    public List<string> Soorten { get; set; } = [];
    public int Opvolgdagen { get; set; }
    public int Versie { get; set; }
}

/// <summary>The municipality sets whether light support may start without a decision, for how long and which kinds, and the referrals' follow-up term.</summary>
public sealed class SaveLightSupportSettingsHandler(RegieDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult<int>> HandleAsync(LightSupportSettingsInput input, CancellationToken ct)
    {
        if (user.Gemeentecode is not { } gemeente) return CommandResult<int>.Forbidden();
        var errors = new ErrorList();
        var settings = LightSupportRules.ReadSettings(input.Toegestaan, input.MaxWeken, input.Soorten, errors);
        ReferralRules.CheckFollowUpDays(input.Opvolgdagen, errors);
        if (errors.HasErrors) return CommandResult<int>.Invalid(errors.Errors);
        var row = await db.LightSupportConfigurations.FirstOrDefaultAsync(ct);
        if (row is null)
        {
            if (input.Versie != 0) return CommandResult<int>.Conflict();
            row = LightSupportConfiguration.For(gemeente);
            db.LightSupportConfigurations.Add(row);
        }
        else
        {
            if (row.Version != input.Versie) return CommandResult<int>.Conflict();
            db.Entry(row).Property(r => r.Version).OriginalValue = input.Versie;
        }
        row.Change(settings!, input.Opvolgdagen, user.ActorName, clock.GetUtcNow().UtcDateTime);
        var result = await db.SaveOrConflictAsync(input.Versie + 1, ct);
        return await audit.AfterAsync(result, AuditResources.LightSupport, null, null,
            $"instellingen: {(input.Toegestaan ? "toegestaan" : "niet toegestaan")}, max {input.MaxWeken} weken, opvolging {input.Opvolgdagen} dagen", ct);
    }
}
