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
    public const string ContactRequiredCode = "involvement-contact-required";
    public const string StartDateInvalidCode = "involvement-start-invalid";
    public const string DomainInvalidCode = "involvement-domain-invalid";
    public const string ReasonRequiredCode = "involvement-reason-required";

    public async Task<CommandResult<Guid>> HandleAsync(InvolvementInput input, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var organisation = await caller.FindOrAddAsync(ct);
        var errors = new ErrorList();
        var bsn = errors.Take(Bsn.Parse(input.Bsn, "Bsn"));
        if (organisation is null) errors.Add(new DomainError(OrganisationUnknownCode, "", "Uw account of API-sleutel hoort niet bij een organisatie: registreren kan alleen namens een organisatie."));
        ZrmDomain? domain = null;
        if (!string.IsNullOrWhiteSpace(input.Leefgebied))
        {
            if (Enums.ParseDefined<ZrmDomain>(input.Leefgebied) is { } d) domain = d;
            else errors.Add(new DomainError(DomainInvalidCode, "Leefgebied", "Kies een leefgebied uit de lijst, of laat het leeg."));
        }
        var contact = errors.Take(TextRules.Optional(input.Contactpersoon, "Contactpersoon", "de contactpersoon", Involvement.ContactNameMaxLength));
        var phone = errors.Take(TextRules.Optional(input.Telefoon, "Telefoon", "het telefoonnummer", Involvement.ContactPhoneMaxLength));
        var email = errors.Take(TextRules.Optional(input.Email, "Email", "het e-mailadres", Involvement.ContactEmailMaxLength));
        if (contact is null || (phone is null && email is null))
            errors.Add(new DomainError(ContactRequiredCode, "Contactpersoon", "Vul een contactpersoon in met een telefoonnummer of e-mailadres: daarvoor is het register."));
        var start = today;
        if (!string.IsNullOrWhiteSpace(input.Startdatum) && (!DutchDate.TryParse(input.Startdatum, out start) || start > today))
            errors.Add(new DomainError(StartDateInvalidCode, "Startdatum", "Vul de startdatum in als dd-mm-jjjj, niet in de toekomst."));
        else errors.Add(DateRules.Check(start, DateKind.Happened, today, "Startdatum", "de startdatum"));
        // Registering shows who else is involved: it is as much a question as a look-up, and needs its reason on record.
        var reason = errors.Take(TextRules.Optional(input.Reden, "Reden", "de reden", Involvement.ReasonMaxLength));
        if (reason is null && !errors.Errors.Any(e => e.Field == "Reden"))
            errors.Add(new DomainError(ReasonRequiredCode, "Reden", "Vul in waarom uw organisatie betrokken is (bijvoorbeeld: lopend schuldhulptraject)."));
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);

        // Not yet recorded as ended is enough: a registration past its term is renewed rather than registered twice.
        var existing = await db.Involvements.Where(Involvement.Open()).FirstOrDefaultAsync(i => i.Bsn == bsn.Value && i.OrganisationId == organisation!.Id, ct);
        if (existing is not null)
        {
            // The contact may have changed, and the term starts again.
            (existing.ContactName, existing.ContactPhone, existing.ContactEmail, existing.Domain, existing.Reason) = (contact!, phone, email, domain ?? existing.Domain, reason);
            existing.Renew(today, options.MaxYears);
            var renewed = await db.SaveOrConflictAsync(existing.Id, ct);
            if (renewed.IsOk) await audit.RecordAsync(AuditActions.Update, AuditResources.Involvement, purpose: reason,
                detail: $"betrokkenheid opnieuw geregistreerd door {organisation!.Name}", ct: ct, subjectBsn: existing.Bsn);
            return renewed;
        }
        var involvement = new Involvement
        {
            Id = Guid.CreateVersion7(), Gemeentecode = organisation!.Gemeentecode, Bsn = bsn.Value, OrganisationId = organisation.Id, Domain = domain,
            ContactName = contact!, ContactPhone = phone, ContactEmail = email, StartedOn = start, ExpiresOn = Involvement.TermFrom(today, options.MaxYears),
            Reason = reason, RegisteredBy = user.ActorName, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Involvements.Add(involvement);
        await matches.AddAsync(involvement, organisation.Name, ct);
        var result = await db.SaveOrConflictAsync(involvement.Id, ct);
        // Who registered which BSN and why: the privacy officer finds it under the BSN, the resident in their export.
        if (result.IsOk) await audit.RecordAsync(AuditActions.Create, AuditResources.Involvement, purpose: reason,
            detail: $"betrokkenheid geregistreerd door {organisation.Name}", ct: ct, subjectBsn: involvement.Bsn);
        return result;
    }
}
