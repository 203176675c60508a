using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Decisions;

/// <summary>What the use cases that change an application share: loading it for a user who may change it, the household its events go to, saving with its version.</summary>
public sealed class ApplicationChanges(RegieDbContext db, FileAccessService access, DecisionQueries queries, AuditLog audit, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>Not found for whoever may not see it (an application they may not see reads the same as none); forbidden for a non-care role.</summary>
    public async Task<(ProvisionApplication? App, CommandResult<T>? Failure)> LoadAsync<T>(Guid id, CancellationToken ct)
    {
        var app = await db.ProvisionApplications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (app is null || !await queries.MaySeeAsync(app, ct)) return (null, CommandResult<T>.NotFound("De aanvraag"));
        if (!access.IsCareRole) return (null, CommandResult<T>.Forbidden());
        return (app, null);
    }

    /// <summary>Version 0 saves without the concurrency check, as the API documents.</summary>
    public async Task<CommandResult<int>> SaveAsync(ProvisionApplication app, int version, string detail, CancellationToken ct)
    {
        if (version != 0 && version != app.Version) return CommandResult<int>.Conflict();
        app.Version++;
        app.MarkSaved(Now);
        return await audit.AfterAsync(await db.SaveOrConflictAsync(app.Version, ct), AuditResources.Application, app.HouseholdId, app.PersonId, detail, ct);
    }

    public async Task<Household?> HouseholdAsync(Guid? id, CancellationToken ct) =>
        id is { } hid ? await db.Households.FirstOrDefaultAsync(h => h.Id == hid, ct) : null;

    /// <summary>
    /// A date of what happened must be plausible (<see cref="DateRules"/>); one in the future is left to
    /// <see cref="Domain.Decisions.DecisionRules"/>, which names it for what it is. A product's period is <see cref="DateKind.Granted"/>: it may run for years.
    /// </summary>
    public DateOnly? ParseDate(string? text, string field, string label, ErrorList errors, DateKind? kind = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DutchDate.TryParse(text, out var d))
            return kind is { } k && !(k == DateKind.Happened && d > Today) ? DateRules.Plausible(d, k, Today, field, label, errors) : d;
        errors.Add(new DomainError(DutchDate.InvalidCode, field, $"Vul {label} in als dd-mm-jjjj."));
        return null;
    }

    /// <summary>What was asked, short enough for a timeline line.</summary>
    public static string Short(string s) => Text.Short(s);
}
