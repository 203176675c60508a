using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Decisions;
using Regie.Domain.IStandaarden;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Decisions;

namespace Regie.Web.Features.Toewijzingen;

/// <summary>The last 301 about an assignment: ready, sent, or refused with why.</summary>
public sealed record ToewijzingBerichtView(Guid Id, string Soort, string Status, string Identificatie, DateOnly Dagtekening, IReadOnlyList<Retourmelding> Problemen);

/// <summary>One assignment with where it stands at the provider.</summary>
public sealed record ToewijzingView(Guid Id, int Nummer, string Kader, string Categorie, string Product, Guid AanbiederId, string Aanbieder, string? AgbCode,
    DateOnly Ingangsdatum, DateOnly Einddatum, int Omvang, string Eenheid, string Frequentie, string? RedenWijziging, DateOnly? GestartOp, DateOnly? GestoptOp,
    string? RedenBeeindiging, ToewijzingBerichtView? LaatsteBericht, int Versie);

public sealed class ToewijzingQueries(RegieDbContext db, DecisionQueries decisions, AuditLog audit)
{
    /// <summary>
    /// The assignments of an application's decision, for whoever may see the application (null otherwise: not found). The read is
    /// audited, unless the caller's own read of the application already was (<paramref name="audited"/> false: the application's page).
    /// </summary>
    public async Task<IReadOnlyList<ToewijzingView>?> ForApplicationAsync(Guid applicationId, CancellationToken ct, bool audited = true)
    {
        var app = await db.ProvisionApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, ct);
        if (app is null || !await decisions.MaySeeAsync(app, ct)) return null;
        if (audited)
            await audit.RecordAsync(AuditActions.Read, AuditResources.Application, app.HouseholdId, app.PersonId, detail: $"toewijzingen van aanvraag {app.Id}", ct: ct);
        var decisionId = await db.Decisions.Where(d => d.ApplicationId == applicationId).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
        if (decisionId is null) return [];
        var rows = await db.Toewijzingen.AsNoTracking().Where(t => t.DecisionId == decisionId).OrderBy(t => t.Nummer)
            .Join(db.Organisations, t => t.ProviderOrganisationId, o => o.Id, (t, o) => new { t, o.Name, o.AgbCode }).ToListAsync(ct);
        var messages = await db.IstandaardBerichten.AsNoTracking().Where(b => b.DecisionId == decisionId && b.Richting == BerichtRichting.Uit)
            .OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Identificatie).ToListAsync(ct);
        return rows.Select(r =>
        {
            var last = messages.FirstOrDefault(m => m.OrganisationId == r.t.ProviderOrganisationId);
            var categories = CodeLists.ProductCategories(r.t.Framework);
            return new ToewijzingView(r.t.Id, r.t.Nummer, LegalFrameworks.Label(r.t.Framework), r.t.Category, categories?.Label(r.t.Category) ?? r.t.Category,
                r.t.ProviderOrganisationId, r.Name, r.AgbCode, r.t.Ingangsdatum, r.t.Einddatum, r.t.Volume, CodeLists.Wj756.Label(r.t.Unit), CodeLists.Wmo757.Label(r.t.Frequency),
                r.t.RedenWijziging is { } rw ? BerichtCodeLists.RedenWijzigingFor(r.t.Framework).Label(rw) : null, r.t.StartedOn, r.t.StoppedOn,
                r.t.StopReason is { } sr ? BerichtCodeLists.RedenBeeindigingFor(r.t.Framework).Label(sr) : null,
                last is null ? null : new ToewijzingBerichtView(last.Id, last.Soort, last.Status.ToString().ToLowerInvariant(), last.Identificatie, last.Dagtekening,
                    Retourmeldingen.FromJson(last.Problemen)),
                r.t.Version);
        }).ToList();
    }
}
