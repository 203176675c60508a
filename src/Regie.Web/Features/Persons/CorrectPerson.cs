using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;

namespace Regie.Web.Features.Persons;

public sealed class CorrectPersonInput : PersonInput
{
    public string? Reden { get; set; }
    public int Versie { get; set; }
}

/// <summary>
/// Correcting identifying data (AVG art. 16): the old and new values and the reason are kept as a
/// timeline fact, so the correction itself can be traced and, if wrong, corrected again.
/// </summary>
public sealed class CorrectPersonHandler(RegieDbContext db, FileAccessService access, AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public const string ReasonRequiredCode = "correction-reason-required";

    public async Task<CommandResult<Guid>> HandleAsync(Guid personId, CorrectPersonInput input, CancellationToken ct)
    {
        if (!access.IsCareRole) return CommandResult<Guid>.NotFound("De persoon");
        if (await access.RefusePersonAsync<Guid>(personId, Domain.Access.FileWork.Change, ct) is { } refused) return refused;
        var person = await db.Persons.FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return CommandResult<Guid>.NotFound("De persoon");
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ErrorList();
        input.Telefoon = person.Telefoon;
        input.Email = person.Email;
        var valid = PersonRules.Validate(input, DateOnly.FromDateTime(now), errors);
        var reason = errors.Take(TextRules.Required(input.Reden, "Reden", "de reden van de correctie", 1000));
        if (valid?.Bsn is { } bsn && bsn != person.Bsn && await db.Persons.AnyAsync(p => p.Bsn == bsn && p.Id != personId, ct))
            errors.Add(new DomainError(ErrorCodes.BsnDuplicate, "Bsn", "Er staat al een andere persoon met dit BSN in Regie."));
        if (errors.HasErrors || valid is null) return CommandResult<Guid>.Invalid(errors.Errors.Select(e => e.Code == TextRules.RequiredCode && e.Field == "Reden" ? e with { Code = ReasonRequiredCode } : e).ToList());
        if (person.Version != input.Versie) return CommandResult<Guid>.Conflict();

        var before = new { bsn = person.Bsn, voornamen = person.Voornamen, voorvoegsel = person.Voorvoegsel, achternaam = person.Achternaam, geboortedatum = DutchDate.Format(person.Geboortedatum) };
        var after = new { bsn = valid.Bsn, voornamen = valid.Name.Voornamen, voorvoegsel = valid.Name.Voorvoegsel, achternaam = valid.Name.Achternaam, geboortedatum = DutchDate.Format(valid.Geboortedatum) };
        if (before.ToString() == after.ToString()) return CommandResult<Guid>.Ok(person.Id);

        db.Entry(person).Property(p => p.Version).OriginalValue = input.Versie;
        var oldName = person.Name.FullName;
        person.Correct(valid.Bsn, valid.Name, valid.Geboortedatum, now);
        var home = await db.HouseholdMembers.Where(m => m.PersonId == personId).OrderBy(m => m.Until != null).ThenByDescending(m => m.From)
            .Select(m => m.Household).FirstOrDefaultAsync(ct);
        if (home is not null)
            timeline.Record(home, EventTypes.PersonCorrected, $"Gegevens van {oldName} gecorrigeerd: {reason}", personId: person.Id,
                data: new { oud = before, nieuw = after, reden = reason });
        return await audit.AfterAsync(await db.SaveOrConflictAsync(person.Id, ct), AuditResources.Person, home?.Id, person.Id, $"gegevens gecorrigeerd: {reason}", ct);
    }
}
