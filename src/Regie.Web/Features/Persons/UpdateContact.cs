using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;

namespace Regie.Web.Features.Persons;

public sealed class UpdateContactInput
{
    public string? Telefoon { get; set; }
    public string? Email { get; set; }
    public int Versie { get; set; }
}

/// <summary>Contact details change often; name, BSN and birth date come from the BRP and are corrected elsewhere.</summary>
public sealed class UpdateContactHandler(RegieDbContext db, FileAccessService access, AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public async Task<CommandResult<Guid>> HandleAsync(Guid personId, UpdateContactInput input, CancellationToken ct)
    {
        if (await access.RefusePersonAsync<Guid>(personId, Domain.Access.FileWork.Change, ct) is { } refused) return refused;
        var person = await db.Persons.FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return CommandResult<Guid>.NotFound("De persoon");
        var errors = new ErrorList();
        var phone = ContactDetails.Phone(input.Telefoon, "Telefoon", errors);
        var email = ContactDetails.Email(input.Email, "Email", errors);
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);
        if (person.Version != input.Versie) return CommandResult<Guid>.Conflict();

        db.Entry(person).Property(p => p.Version).OriginalValue = input.Versie;
        if (!person.ChangeContact(phone, email, clock.GetUtcNow().UtcDateTime)) return CommandResult<Guid>.Ok(person.Id);
        var home = await db.HouseholdMembers.Where(HouseholdMember.Current).Where(m => m.PersonId == personId).Select(m => m.Household).FirstOrDefaultAsync(ct);
        if (home is not null)
            timeline.Record(home, EventTypes.PersonUpdated, $"Contactgegevens van {person.Name.FullName} gewijzigd", personId: person.Id);
        return await audit.AfterAsync(await db.SaveOrConflictAsync(person.Id, ct), AuditResources.Person, home?.Id, person.Id, "contactgegevens", ct);
    }
}
