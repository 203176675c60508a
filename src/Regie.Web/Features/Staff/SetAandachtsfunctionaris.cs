using Microsoft.AspNetCore.Identity;
using Regie.Domain.Access;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Staff;

public sealed class StaffAandachtsfunctionarisInput
{
    /// <summary>"Ja" names the member aandachtsfunctionaris of the Meldcode, "Nee" takes it away.</summary>
    public string? Aandachtsfunctionaris { get; set; }
}

/// <summary>
/// Names a team member aandachtsfunctionaris of the Meldcode huiselijk geweld en kindermishandeling, or takes it away:
/// the flag lets the member read and work the tracks of the own team, and it works at once (it is read on each request).
/// </summary>
public sealed class SetAandachtsfunctionarisHandler(RegieDbContext db, UserManager<RegieUser> users, AuditLog audit, CurrentUser current)
{
    public async Task<CommandResult<string>> HandleAsync(string id, StaffAandachtsfunctionarisInput input, CancellationToken ct)
    {
        var user = await StaffQueries.AccountToChangeAsync(db, current, id, ct);
        if (user is null) return CommandResult<string>.NotFound("De medewerker");
        if (StaffRules.ReadAandachtsfunctionaris(input.Aandachtsfunctionaris, out var on) is { } invalid) return CommandResult<string>.Invalid(invalid);
        var roles = await users.GetRolesAsync(user);
        if (MeldcodeAccess.CheckAandachtsfunctionaris(on, roles.Order().FirstOrDefault(), user.TeamId is not null) is { } refused)
            return CommandResult<string>.Invalid(refused);
        if (user.IsAandachtsfunctionaris == on) return CommandResult<string>.Ok(user.Id);

        user.IsAandachtsfunctionaris = on;
        if (!(await users.UpdateAsync(user)).Succeeded) return CommandResult<string>.Conflict();
        await audit.RecordAsync(AuditActions.Update, AuditResources.Staff,
            detail: $"aandachtsfunctionaris meldcode: {user.DisplayName} ({user.Email}) {(on ? "aangewezen" : "niet meer")}", ct: ct);
        return CommandResult<string>.Ok(user.Id);
    }
}
