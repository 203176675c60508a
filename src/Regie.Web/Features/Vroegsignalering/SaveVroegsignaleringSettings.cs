using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Domain.Vroegsignalering;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Vroegsignalering;

/// <summary>The vroegsignalering settings as the functional admin fills them in; the names are the form's fields.</summary>
public sealed class VroegsignaleringSettingsInput
{
    public int Contacttermijn { get; set; }
    public int SpoedTermijn { get; set; }
    public int Bewaartermijn { get; set; }
    public Guid? Uitvoerder { get; set; }
    public string? LeverancierCode { get; set; }
    public string? LeverancierNaam { get; set; }
    public string? KvkNummer { get; set; }
    public string? ContactNaam { get; set; }
    public string? ContactTelefoon { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactFunctie { get; set; }
    public int Versie { get; set; }

    public static VroegsignaleringSettingsInput From(VroegsignaleringSettings s) => new()
    {
        Contacttermijn = s.TermDays, SpoedTermijn = s.UrgentWorkingDays, Bewaartermijn = s.RetentionMonths, Uitvoerder = s.UitvoerderOrganisationId,
        LeverancierCode = s.CodeGegevensleverancier, LeverancierNaam = s.LeverancierNaam, KvkNummer = s.KvkNummer, ContactNaam = s.ContactNaam,
        ContactTelefoon = s.ContactTelefoon, ContactEmail = s.ContactEmail, ContactFunctie = s.ContactFunctie, Versie = s.Version,
    };
}

/// <summary>
/// The functional admin sets the municipality's contact term, the retention of signal data, the organisation whose workers handle
/// the signals, and who delivers the DDAS report to CBS. All fields are checked together, nothing is saved while one is wrong, and a
/// form that someone else saved in between is a conflict.
/// </summary>
public sealed class SaveVroegsignaleringSettingsHandler(RegieDbContext db, CurrentUser user, AuditLog audit)
{
    public async Task<CommandResult<int>> HandleAsync(VroegsignaleringSettingsInput input, CancellationToken ct)
    {
        if (user.Gemeentecode is not { } gemeente) return CommandResult<int>.Forbidden();
        var errors = new ErrorList();
        errors.AddRange(ContactTerm.Check(input.Contacttermijn, input.SpoedTermijn).Errors);
        errors.Add(VroegsignaleringSettings.CheckRetention(input.Bewaartermijn));
        if (input.Uitvoerder is { } org && !await db.Organisations.AnyAsync(o => o.Id == org && o.SignaalpartnerSoort == null, ct))
            errors.Add(new DomainError(VroegsignaleringSettings.UitvoerderUnknownCode, nameof(input.Uitvoerder), "Kies een organisatie van de gemeente uit de lijst."));
        const int max = VroegsignaleringSettings.TextMaxLength;
        var code = errors.Take(TextRules.Optional(input.LeverancierCode, nameof(input.LeverancierCode), "de code van de gegevensleverancier", max));
        var naam = errors.Take(TextRules.Optional(input.LeverancierNaam, nameof(input.LeverancierNaam), "de naam van de aanleverende organisatie", max));
        var kvk = DdasDelivery.Kvk(input.KvkNummer, nameof(input.KvkNummer), errors);
        var contact = errors.Take(TextRules.Optional(input.ContactNaam, nameof(input.ContactNaam), "de naam van de contactpersoon", max));
        // DDAS takes the phone number as free text (AN200): a municipality's 14-number is as good as a mobile one.
        var phone = errors.Take(TextRules.Optional(input.ContactTelefoon, nameof(input.ContactTelefoon), "het telefoonnummer", ContactDetails.PhoneMaxLength));
        var email = ContactDetails.Email(input.ContactEmail, nameof(input.ContactEmail), errors);
        var function = errors.Take(TextRules.Optional(input.ContactFunctie, nameof(input.ContactFunctie), "de functie van de contactpersoon", max));
        if (errors.HasErrors) return CommandResult<int>.Invalid(errors.Errors);

        var row = await db.VroegsignaleringSettings.FirstOrDefaultAsync(ct);
        if (row is null)
        {
            if (input.Versie != 0) return CommandResult<int>.Conflict();
            row = new VroegsignaleringSettings { Gemeentecode = gemeente };
            db.VroegsignaleringSettings.Add(row);
        }
        else
        {
            if (row.Version != input.Versie) return CommandResult<int>.Conflict();
            db.Entry(row).Property(r => r.Version).OriginalValue = input.Versie;
        }
        row.TermDays = input.Contacttermijn;
        row.UrgentWorkingDays = input.SpoedTermijn;
        row.RetentionMonths = input.Bewaartermijn;
        row.UitvoerderOrganisationId = input.Uitvoerder;
        row.CodeGegevensleverancier = code;
        row.LeverancierNaam = naam;
        row.KvkNummer = kvk;
        row.ContactNaam = contact;
        row.ContactTelefoon = phone;
        row.ContactEmail = email;
        row.ContactFunctie = function;
        row.Version = input.Versie + 1;
        var result = await db.SaveOrConflictAsync(row.Version, ct);
        return await audit.AfterAsync(result, AuditResources.DdasReport, null, null,
            $"instellingen vroegsignalering: contacttermijn {input.Contacttermijn} dagen, spoed {input.SpoedTermijn} werkdagen, bewaartermijn {input.Bewaartermijn} maanden,"
            + $" DDAS-leverancier {code ?? "(leeg)"}, contactpersoon {contact ?? "(leeg)"}", ct);
    }
}
