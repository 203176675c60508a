using Microsoft.EntityFrameworkCore;
using Regie.Domain.Assessment;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Api;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Involvements;

public sealed class InvolvementInput
{
    [Required] public string? Bsn { get; set; }
    [OneOf(typeof(ZrmDomain))] public string? Leefgebied { get; set; }
    [Required, Description("Met een telefoonnummer of e-mailadres (minstens één van beide).")] public string? Contactpersoon { get; set; }
    public string? Telefoon { get; set; }
    public string? Email { get; set; }
    [Description("jjjj-mm-dd (of dd-mm-jjjj); leeg is vandaag.")] public string? Startdatum { get; set; }
    /// <summary>Why the organisation is involved (required): on record with the registration and in the audit trail.</summary>
    [Required] public string? Reden { get; set; }
}

/// <summary>Registers the caller's organisation as involved with the person; a second party makes a match. Registering again renews.</summary>
public sealed class RegisterInvolvementHandler(RegieDbContext db, CurrentUser user, AuditLog audit, InvolvementOptions options, TimeProvider clock,
    CallerOrganisation caller, InvolvementMatches matches)
{
    public const string OrganisationUnknownCode = "organisation-unknown";

    public async Task<CommandResult<Guid>> HandleAsync(InvolvementInput input, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var organisation = await caller.FindOrAddAsync(ct);
        var errors = new ErrorList();
        var bsn = errors.Take(Bsn.Parse(input.Bsn, "Bsn"));
        if (organisation is null) errors.Add(new DomainError(OrganisationUnknownCode, "", "Uw account of API-sleutel hoort niet bij een organisatie: registreren kan alleen namens een organisatie."));
        // Registering shows who else is involved: it is as much a question as a look-up, and needs its reason on record.
        var registration = InvolvementRules.CheckRegistration(input.Leefgebied, input.Contactpersoon, input.Telefoon, input.Email, input.Startdatum, input.Reden, today, errors);
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);

        // A running registration is registered again (renewed). One past its term is over, as renewing it says too: it ends on its
        // expiry date, as the expiry job would end it, and a new registration starts. So the gap stays on record, and with it what
        // the gap means for the household's consent (InkijkRules.RegistrationCounts).
        var existing = await db.Involvements.Where(Involvement.Open()).FirstOrDefaultAsync(i => i.Bsn == bsn.Value && i.OrganisationId == organisation!.Id, ct);
        if (existing is not null && !existing.IsActiveOn(today))
        {
            existing.End(existing.ExpiresOn, Involvement.ExpiredReason);
            existing = null;
        }
        if (existing is not null)
        {
            existing.Reregister(registration!, today, options.MaxYears);
            var renewed = await db.SaveOrConflictAsync(existing.Id, ct);
            if (renewed.IsOk) await audit.RecordAsync(AuditActions.Update, AuditResources.Involvement, purpose: registration!.Reason,
                detail: $"betrokkenheid opnieuw geregistreerd door {organisation!.Name}", ct: ct, subjectBsn: existing.Bsn);
            return renewed;
        }
        var involvement = Involvement.Register(organisation!.Gemeentecode, bsn.Value, organisation.Id, registration!, today, options.MaxYears, user.ActorName,
            clock.GetUtcNow().UtcDateTime);
        db.Involvements.Add(involvement);
        await matches.AddAsync(involvement, organisation.Name, ct);
        var result = await db.SaveOrConflictAsync(involvement.Id, ct);
        // Who registered which BSN and why: the privacy officer finds it under the BSN, the resident in their export.
        if (result.IsOk) await audit.RecordAsync(AuditActions.Create, AuditResources.Involvement, purpose: registration!.Reason,
            detail: $"betrokkenheid geregistreerd door {organisation.Name}", ct: ct, subjectBsn: involvement.Bsn);
        return result;
    }
}
