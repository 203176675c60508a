using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Coordination;
using Regie.Domain.Safety;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Staff;

public sealed record StaffRow(string Id, string Name, string Email, string? Role, string? Team, string? Organisation,
    EmployerKind? EmployerKind, string? Employer, bool TwoFactorEnabled = false, bool IsAandachtsfunctionaris = false);

public sealed class StaffTwoFactorResetInput
{
    public string? Reden { get; set; }
}

public sealed class StaffAandachtsfunctionarisInput
{
    /// <summary>"Ja" names the member aandachtsfunctionaris of the Meldcode, "Nee" takes it away.</summary>
    public string? Aandachtsfunctionaris { get; set; }
}

public sealed record StaffEmployment(EmployerKind? Werkgever, Guid? WerkgeverOrganisatieId);

public sealed class StaffEmploymentInput
{
    public string? Werkgever { get; set; }
    public Guid? WerkgeverOrganisatieId { get; set; }
}

/// <summary>
/// The municipality records who pays each team member, so referrals and decisions towards a
/// professional's own employer can be marked and counted (issue: conflict-of-interest transparency).
/// </summary>
public sealed class StaffHandler(RegieDbContext db, UserManager<RegieUser> users, AuditLog audit, CurrentUser current)
{
    public const string EmployerKindInvalidCode = "employer-kind-invalid";
    public const string EmployerOrganisationUnknownCode = "employer-organisation-unknown";
    public const string TwoFactorResetReasonCode = "two-factor-reset-reason-required";
    public const string TwoFactorResetOwnCode = "two-factor-reset-own-account";
    public const string TwoFactorNotEnabledCode = "two-factor-not-enabled";
    public const string AandachtsfunctionarisChoiceCode = "aandachtsfunctionaris-choice-invalid";
    public const int TwoFactorResetReasonMinLength = 10;

    public async Task<IReadOnlyList<StaffRow>> ListAsync(CancellationToken ct)
    {
        var gemeente = current.Gemeentecode;
        var teams = await db.Teams.ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.Name!).Order().First());
        var staff = await db.Users.Where(u => u.Gemeentecode == gemeente).OrderBy(u => u.DisplayName).ToListAsync(ct);
        return staff.Select(u => new StaffRow(u.Id, u.DisplayName, u.Email ?? "", roleOf.GetValueOrDefault(u.Id),
            u.TeamId is { } t ? teams.GetValueOrDefault(t) : null,
            u.OrganisationId is { } o ? organisations.GetValueOrDefault(o) : u.Organisation,
            u.EmployerKind, u.EmployerOrganisationId is { } e ? organisations.GetValueOrDefault(e) : null, u.TwoFactorEnabled,
            u.IsAandachtsfunctionaris)).ToList();
    }

    public async Task<StaffRow?> FindAsync(string id, CancellationToken ct) =>
        (await ListAsync(ct)).FirstOrDefault(s => s.Id == id);

    public async Task<StaffEmployment?> EmploymentAsync(string id, CancellationToken ct)
    {
        var gemeente = current.Gemeentecode;
        return await db.Users.Where(u => u.Id == id && u.Gemeentecode == gemeente)
            .Select(u => new StaffEmployment(u.EmployerKind, u.EmployerOrganisationId)).SingleOrDefaultAsync(ct);
    }

    public async Task<CommandResult<string>> SetEmploymentAsync(string id, StaffEmploymentInput input, CancellationToken ct)
    {
        var gemeente = current.Gemeentecode;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id && u.Gemeentecode == gemeente, ct);
        if (user is null) return CommandResult<string>.NotFound("De medewerker");

        var errors = new List<DomainError>();
        EmployerKind? kind = null;
        if (!string.IsNullOrWhiteSpace(input.Werkgever))
        {
            if (Enum.TryParse<EmployerKind>(input.Werkgever, out var parsed) && Enum.IsDefined(parsed)) kind = parsed;
            else errors.Add(new DomainError(EmployerKindInvalidCode, "Werkgever", "Kies een van de soorten werkgever."));
        }
        // The municipality itself is the employer of its own staff: an organisation is only kept for the other kinds.
        var organisationId = kind is EmployerKind.Gemeente or null ? null : input.WerkgeverOrganisatieId;
        if (organisationId is { } org && !await db.Organisations.AnyAsync(o => o.Id == org, ct))
            errors.Add(new DomainError(EmployerOrganisationUnknownCode, "WerkgeverOrganisatieId", "Deze organisatie bestaat niet (meer)."));
        if (errors.Count == 0 && Employment.Check(kind, organisationId) is { } rule)
            errors.Add(rule with { Field = "WerkgeverOrganisatieId" });
        if (errors.Count > 0) return CommandResult<string>.Invalid(errors);

        var before = $"{user.EmployerKind?.ToString() ?? "onbekend"} {user.EmployerOrganisationId}".Trim();
        user.EmployerKind = kind;
        user.EmployerOrganisationId = organisationId;
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded) return CommandResult<string>.Conflict();
        await audit.RecordAsync(AuditActions.Update, AuditResources.Staff,
            detail: $"werkgever van {user.DisplayName}: {before} → {kind?.ToString() ?? "onbekend"} {organisationId}".Trim(), ct: ct);
        return CommandResult<string>.Ok(user.Id);
    }

    /// <summary>
    /// Names a team member aandachtsfunctionaris of the Meldcode huiselijk geweld en kindermishandeling, or takes it away:
    /// the flag lets the member read and work the tracks of the own team, and it works at once (it is read on each request).
    /// </summary>
    public async Task<CommandResult<string>> SetAandachtsfunctionarisAsync(string id, StaffAandachtsfunctionarisInput input, CancellationToken ct)
    {
        var gemeente = current.Gemeentecode;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id && u.Gemeentecode == gemeente, ct);
        if (user is null) return CommandResult<string>.NotFound("De medewerker");
        if (input.Aandachtsfunctionaris?.Trim() is not ("Ja" or "Nee"))
            return CommandResult<string>.Invalid(new DomainError(AandachtsfunctionarisChoiceCode, nameof(input.Aandachtsfunctionaris), "Kies ja of nee."));
        var on = input.Aandachtsfunctionaris.Trim() == "Ja";
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

    /// <summary>
    /// For someone who lost the phone and the recovery codes: two-factor sign-in off, authenticator key and recovery
    /// codes void, other sessions ended at their next check; the person sets up a new app after signing in with the
    /// password (a functional admin is sent there at once). Never one's own: that would let a stolen admin session
    /// replace its second factor without the current code. With the reason in the audit trail.
    /// </summary>
    public async Task<CommandResult<string>> ResetTwoFactorAsync(string id, StaffTwoFactorResetInput input, CancellationToken ct)
    {
        var gemeente = current.Gemeentecode;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id && u.Gemeentecode == gemeente, ct);
        if (user is null) return CommandResult<string>.NotFound("De medewerker");
        if (user.Id == current.ActorId)
            return CommandResult<string>.Invalid(new DomainError(TwoFactorResetOwnCode, "",
                "Uw eigen tweestapsverificatie herstelt u niet zelf: wijzig uw app op de pagina Tweestapsverificatie, of vraag een andere functioneel beheerder."));
        if (!user.TwoFactorEnabled)
            return CommandResult<string>.Invalid(new DomainError(TwoFactorNotEnabledCode, "", $"Tweestapsverificatie staat niet aan voor {user.DisplayName}: er is niets te herstellen."));
        var reason = input.Reden?.Trim() ?? "";
        if (reason.Length < TwoFactorResetReasonMinLength)
            return CommandResult<string>.Invalid(new DomainError(TwoFactorResetReasonCode, nameof(input.Reden),
                $"Schrijf op waarom (ten minste {TwoFactorResetReasonMinLength} tekens), bijvoorbeeld hoe u heeft vastgesteld dat de medewerker het zelf vraagt."));

        if (!(await users.SetTwoFactorEnabledAsync(user, false)).Succeeded) return CommandResult<string>.Conflict();
        // A new random key (the old app's codes stop working) and a new security stamp.
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await audit.RecordAsync(AuditActions.Update, AuditResources.TwoFactor,
            detail: $"tweestapsverificatie van {user.DisplayName} ({user.Email}) hersteld: {reason}", ct: ct);
        return CommandResult<string>.Ok(user.Id);
    }
}
