using Microsoft.AspNetCore.Identity;
using Regie.Domain.Access;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Staff;

public sealed class StaffTwoFactorResetInput
{
    public string? Reden { get; set; }
}

/// <summary>
/// For someone who lost the phone and the recovery codes: two-factor sign-in off, authenticator key and recovery
/// codes void, other sessions ended at their next check; the person sets up a new app after signing in with the
/// password (a functional admin is sent there at once). Never one's own (<see cref="StaffRules.CheckTwoFactorReset"/>).
/// With the reason in the audit trail.
/// </summary>
public sealed class ResetTwoFactorHandler(RegieDbContext db, UserManager<RegieUser> users, AuditLog audit, CurrentUser current)
{
    public async Task<CommandResult<string>> HandleAsync(string id, StaffTwoFactorResetInput input, CancellationToken ct)
    {
        var user = await StaffQueries.AccountToChangeAsync(db, current, id, ct);
        if (user is null) return CommandResult<string>.NotFound("De medewerker");
        if (StaffRules.CheckTwoFactorReset(user.Id == current.ActorId, user.TwoFactorEnabled, user.DisplayName, input.Reden) is { } refused)
            return CommandResult<string>.Invalid(refused);
        var reason = input.Reden!.Trim();

        if (!(await users.SetTwoFactorEnabledAsync(user, false)).Succeeded) return CommandResult<string>.Conflict();
        // A new random key (the old app's codes stop working) and a new security stamp.
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await audit.RecordAsync(AuditActions.Update, AuditResources.TwoFactor,
            detail: $"tweestapsverificatie van {user.DisplayName} ({user.Email}) hersteld: {reason}", ct: ct);
        return CommandResult<string>.Ok(user.Id);
    }
}
