using Microsoft.EntityFrameworkCore;
using Regie.Domain.Access;
using Regie.Domain.Care;
using Regie.Domain.Decisions;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Decisions;

/// <summary>
/// The reads of applications and beschikkingen, with the legal terms. The municipal desk (consulent)
/// handles applications of every resident: deciding is its legal task, and it sees the application,
/// not the file. Team members see the applications of households they may open.
/// </summary>
public sealed class DecisionQueries(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    public bool IsDesk => user.IsSystem || user.Role == Roles.Consulent;

    public async Task<DecisionTerms> TermsAsync(CancellationToken ct) =>
        (await db.DecisionTermSettings.AsNoTracking().FirstOrDefaultAsync(ct))?.ToTerms() ?? DecisionTerms.Default;

    public async Task<int> TermsVersionAsync(CancellationToken ct) =>
        await db.DecisionTermSettings.AsNoTracking().Select(t => t.Version).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The desk's worklist: open reports and applications with the term that runs, the most urgent
    /// first; and what was decided in the last 30 days, with whether it was in time.
    /// </summary>
    public async Task<(IReadOnlyList<ApplicationRow> Open, IReadOnlyList<ApplicationRow> Decided)> WorklistAsync(bool mineOnly, LegalFramework? framework, CancellationToken ct)
    {
        if (!access.IsCareRole) return ([], []);
        var since = Today.AddDays(-30);
        var q = db.ProvisionApplications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Melding || a.Status == ApplicationStatus.InBehandeling
                || (a.Status == ApplicationStatus.Beslist && db.Decisions.Any(d => d.ApplicationId == a.Id && d.DecidedOn >= since)));
        if (mineOnly) q = q.Where(a => a.HandlerUserId == user.ActorId);
        if (framework is { } f) q = q.Where(a => a.Framework == f);
        if (!IsDesk)
        {
            var visible = await VisibleHouseholdsAsync(await q.Where(a => a.HouseholdId != null).Select(a => a.HouseholdId!.Value).Distinct().ToListAsync(ct), ct);
            q = q.Where(a => a.HouseholdId != null && visible.Contains(a.HouseholdId.Value));
        }
        var rows = await RowsAsync(q, ct);
        var open = rows.Where(r => ApplicationStatuses.IsOpen(r.Status))
            .OrderByDescending(r => r.Termijn?.Status.Late == true).ThenBy(r => r.Termijn?.Status.Due ?? DateOnly.MaxValue).ToList();
        var decided = rows.Where(r => r.Status == ApplicationStatus.Beslist).OrderByDescending(r => r.Besluitdatum).ToList();
        // Residents' names and what they asked: an entry for each resident the worklist shows, with what it showed in all.
        await audit.RecordListAsync(AuditResources.Application,
            $"werklijst{(mineOnly ? " (mijn aanvragen)" : "")}{(framework is { } k ? $" ({k})" : "")}: {open.Count} open, {decided.Count} beslist",
            rows.Select(r => (r.HuishoudenId, (Guid?)r.PersoonId)), ct);
        return (open, decided);
    }

    /// <summary>A household's applications for its file, newest first; none when the user may not open the file.</summary>
    public async Task<IReadOnlyList<ApplicationRow>> ForHouseholdAsync(Guid householdId, CancellationToken ct)
    {
        if (!access.IsCareRole || !await access.CanOpenAsync(householdId, ct)) return [];
        var rows = await RowsAsync(db.ProvisionApplications.AsNoTracking().Where(a => a.HouseholdId == householdId), ct);
        return rows.OrderByDescending(r => ApplicationStatuses.IsOpen(r.Status)).ThenByDescending(r => r.Aanvraagdatum).ToList();
    }

    public async Task<ApplicationView?> GetAsync(Guid id, CancellationToken ct, bool audited = true)
    {
        var app = await db.ProvisionApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (app is null || !await MaySeeAsync(app, ct)) return null;
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == app.PersonId)
            .Select(p => new { p.Voornamen, p.Voorvoegsel, p.Achternaam, p.Bsn, p.Geboortedatum }).FirstAsync(ct);
        var household = app.HouseholdId is { } hid ? await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hid, ct) : null;
        var handler = app.HandlerUserId is { } uid ? await db.Users.Where(u => u.Id == uid).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        var terms = await TermsAsync(ct);
        var decisionRow = await db.Decisions.AsNoTracking().Include(d => d.Products).FirstOrDefaultAsync(d => d.ApplicationId == id, ct);
        DecisionView? decision = null;
        if (decisionRow is not null)
        {
            var providerIds = decisionRow.Products.Select(p => p.ProviderOrganisationId).OfType<Guid>().ToList();
            var names = await db.Organisations.AsNoTracking().Where(o => providerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            decision = new DecisionView(decisionRow.Id, decisionRow.Outcome, decisionRow.DecidedOn, decisionRow.Reasoning, decisionRow.DecidedByName,
                decisionRow.OwnEmployer, decisionRow.EstimatedCost,
                decisionRow.Products.OrderBy(p => p.Position).Select(p => new ProductView(p.Position, p.Category, ProductName(app.Framework, p),
                    p.Volume, CodeLists.Wj756.Find(p.Unit)?.Name ?? p.Unit, CodeLists.Wmo757.Find(p.Frequency)?.Name ?? p.Frequency, p.From, p.To,
                    p.ProviderOrganisationId, p.ProviderOrganisationId is { } pid ? names.GetValueOrDefault(pid) : null, p.OwnEmployer, p.EstimatedCost,
                    SpecialistCare.IsSpecialist(app.Framework, p.Category))).ToList());
        }
        if (audited) await audit.RecordAsync(AuditActions.Read, AuditResources.Application, app.HouseholdId, app.PersonId, ct: ct);
        return new ApplicationView(app.Id, app.PersonId, new PersonName(person.Voornamen, person.Voorvoegsel, person.Achternaam).FullName, person.Bsn,
            person.Geboortedatum, app.HouseholdId, household?.Naam, household?.Address.Line1, household?.Address.Line2, app.Framework, app.GoalId, app.Requested,
            app.Status, app.ReportedOn, app.InvestigationDueOn, app.InvestigationDoneOn, app.AppliedOn, app.DecisionDueOn, app.ExtensionWeeks, app.ExtensionReason,
            app.WithdrawnOn, app.WithdrawnReason, Term(app, decisionRow?.DecidedOn, terms), app.DecidedInTime, handler, app.Version, decision);
    }

    /// <summary>The partner organisations a product can be assigned to.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ProvidersAsync(CancellationToken ct) =>
        (await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKinds.Partner).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
        .Select(o => (o.Id, o.Name)).ToList();

    /// <summary>The desk sees every application, a handler their own, others those of households whose file they may open.</summary>
    public async Task<bool> MaySeeAsync(ProvisionApplication app, CancellationToken ct)
    {
        if (!access.IsCareRole) return false;
        if (IsDesk || app.HandlerUserId == user.ActorId) return true;
        return app.HouseholdId is { } hid && await access.CanOpenAsync(hid, ct);
    }

    private async Task<IReadOnlyList<ApplicationRow>> RowsAsync(IQueryable<ProvisionApplication> q, CancellationToken ct)
    {
        var apps = await q.OrderBy(a => a.CreatedAt).Take(2000).ToListAsync(ct);
        if (apps.Count == 0) return [];
        var ids = apps.Select(a => a.Id).ToList();
        var personIds = apps.Select(a => a.PersonId).Distinct().ToList();
        var persons = await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Voornamen, p.Voorvoegsel, p.Achternaam }).ToListAsync(ct);
        var names = persons.ToDictionary(p => p.Id, p => new PersonName(p.Voornamen, p.Voorvoegsel, p.Achternaam).FullName);
        var handlerIds = apps.Select(a => a.HandlerUserId).OfType<string>().Distinct().ToList();
        var handlers = await db.Users.Where(u => handlerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var decisions = await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.ApplicationId))
            .Select(d => new { d.ApplicationId, d.Outcome, d.DecidedOn }).ToDictionaryAsync(d => d.ApplicationId, ct);
        var terms = await TermsAsync(ct);
        return apps.Select(a =>
        {
            var d = decisions.GetValueOrDefault(a.Id);
            return new ApplicationRow(a.Id, a.PersonId, names.GetValueOrDefault(a.PersonId) ?? "onbekend", a.HouseholdId, a.Framework, a.Requested, a.Status,
                Term(a, d?.DecidedOn, terms), a.HandlerUserId is { } h ? handlers.GetValueOrDefault(h) : null, a.AppliedOn ?? a.ReportedOn, a.DecidedInTime,
                d?.Outcome, d?.DecidedOn);
        }).ToList();
    }

    private TermView? Term(ProvisionApplication a, DateOnly? decidedOn, DecisionTerms terms)
    {
        if (a.Status == ApplicationStatus.Ingetrokken) return null;
        if (a.Status == ApplicationStatus.Melding)
            return a.InvestigationDueOn is { } inv ? new TermView("Onderzoek", Deadlines.Evaluate(inv, Today, a.InvestigationDoneOn, terms.DueSoonDays)) : null;
        return a.DecisionDueOn is { } due ? new TermView("Beschikking", Deadlines.Evaluate(due, Today, decidedOn, terms.DueSoonDays)) : null;
    }

    private static string ProductName(LegalFramework framework, DecisionProduct p) =>
        CodeLists.ProductCategories(framework)?.Find(p.Category) is { } e
            ? $"{e.Name} ({e.Code})" + (p.Description is null ? "" : $": {p.Description}")
            : p.Description ?? p.Category ?? "";

    private async Task<HashSet<Guid>> VisibleHouseholdsAsync(IReadOnlyCollection<Guid> householdIds, CancellationToken ct)
    {
        var decided = await access.DecideManyAsync(householdIds, ct);
        return decided.Where(kv => kv.Value != FileAccessLevel.Denied).Select(kv => kv.Key).ToHashSet();
    }
}
