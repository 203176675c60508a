using Regie.Domain.Common;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Infrastructure;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Persons;

public sealed class RegisterPersonInput : PersonInput
{
    // A person on their own is always a new one: the name and birth date are needed (a household member may name a known person instead).
    [Required] public override string? Voornamen { get; set; }
    [Required] public override string? Achternaam { get; set; }
    [Required, Description(GeboortedatumFormat)] public override string? Geboortedatum { get; set; }
    public bool BevestigMogelijkDubbel { get; set; }
}

/// <summary>Registers a person who does not (yet) belong to a household, e.g. before the household is known.</summary>
public sealed class RegisterPersonHandler(RegieDbContext db, ICurrentMunicipality municipality, Access.FileAccessService access, Audit.AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult<Guid>> HandleAsync(RegisterPersonInput input, CancellationToken ct)
    {
        if (!access.IsCareRole) return CommandResult<Guid>.Forbidden();
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ErrorList();
        var valid = PersonRules.Validate(input, DateOnly.FromDateTime(now), errors);
        if (valid is not null) await PersonRules.CheckDuplicatesAsync(db, valid, input.BevestigMogelijkDubbel, errors, "", ct);
        if (valid is null || errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);
        var person = PersonRules.ToEntity(valid, municipality.Gemeentecode!, now);
        db.Persons.Add(person);
        return await audit.AfterAsync(await db.SaveOrConflictAsync(person.Id, ct), Audit.AuditResources.Person, null, person.Id, "persoon geregistreerd", ct, Audit.AuditActions.Create);
    }
}
