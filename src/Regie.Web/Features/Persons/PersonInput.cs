using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Shared;
using System.ComponentModel;

namespace Regie.Web.Features.Persons;

/// <summary>A person as typed in a form or posted to the API; strings, so nothing is lost before validation.</summary>
public class PersonInput
{
    public string? Bsn { get; set; }
    public virtual string? Voornamen { get; set; }
    public string? Voorvoegsel { get; set; }
    public virtual string? Achternaam { get; set; }
    /// <summary>dd-mm-jjjj (or ISO yyyy-mm-dd from the API).</summary>
    [Description(GeboortedatumFormat)] public virtual string? Geboortedatum { get; set; }

    protected const string GeboortedatumFormat = "jjjj-mm-dd (of dd-mm-jjjj).";
    public string? Telefoon { get; set; }
    public string? Email { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(Bsn) && string.IsNullOrWhiteSpace(Voornamen) && string.IsNullOrWhiteSpace(Achternaam)
        && string.IsNullOrWhiteSpace(Geboortedatum) && string.IsNullOrWhiteSpace(Voorvoegsel);
}

public sealed record ValidPerson(string? Bsn, PersonName Name, DateOnly Geboortedatum, string? Telefoon, string? Email);

public static class PersonRules
{
    /// <summary>Checks the fields on their own; <paramref name="prefix"/> places errors of list rows ("Leden[1].").</summary>
    public static ValidPerson? Validate(PersonInput input, DateOnly today, ErrorList errors, string prefix = "")
    {
        var before = errors.Errors.Count;
        string? bsn = null;
        if (!string.IsNullOrWhiteSpace(input.Bsn))
            bsn = errors.Take(Bsn.Parse(input.Bsn, prefix + "Bsn")).Value;

        var nameErrors = new ErrorList();
        var name = PersonName.Create(input.Voornamen, input.Voorvoegsel, input.Achternaam, nameErrors);
        errors.AddRange(nameErrors.Errors.Select(e => e with { Field = prefix + e.Field }));

        var birth = errors.Take(BirthDate.Parse(input.Geboortedatum, today, prefix + "Geboortedatum"));

        var phone = ContactDetails.Phone(input.Telefoon, prefix + "Telefoon", errors);
        var email = ContactDetails.Email(input.Email, prefix + "Email", errors);

        if (errors.Errors.Count > before || !name.IsValid) return null;
        return new ValidPerson(bsn, name.Value, birth, phone, email);
    }

    /// <summary>
    /// A BSN identifies one person: a second registration is refused. The same name and birth
    /// date may be a different person, so that is a warning the worker can confirm.
    /// </summary>
    public static async Task CheckDuplicatesAsync(RegieDbContext db, ValidPerson person, bool confirmed, ErrorList errors,
        string prefix, CancellationToken ct)
    {
        if (person.Bsn is not null)
        {
            var existing = await db.Persons.AsNoTracking().Where(p => p.Bsn == person.Bsn)
                .Select(p => new { p.Voornamen, p.Voorvoegsel, p.Achternaam }).FirstOrDefaultAsync(ct);
            if (existing is not null)
            {
                var n = new PersonName(existing.Voornamen, existing.Voorvoegsel, existing.Achternaam);
                errors.Add(new DomainError(ErrorCodes.BsnDuplicate, prefix + "Bsn",
                    $"Er staat al een persoon met dit BSN in Regie ({n.FullName}). Zoek die persoon op en voeg hem of haar toe in plaats van opnieuw te registreren."));
                return;
            }
        }

        if (confirmed) return;
        var key = person.Name.SearchKey;
        var sameNameAndBirth = await db.Persons.AsNoTracking()
            .Where(p => p.ZoekNaam == key && p.Geboortedatum == person.Geboortedatum)
            .Select(p => new { p.Voornamen, p.Bsn }).Take(5).ToListAsync(ct);
        var matches = sameNameAndBirth.Where(p => SameFirstInitial(p.Voornamen, person.Name.Voornamen)).ToList();
        if (matches.Count > 0)
            errors.Add(new DomainError(ErrorCodes.PossibleDuplicate, prefix + "Achternaam",
                $"Er staat al iemand met dezelfde naam en geboortedatum ({DutchDate.Format(person.Geboortedatum)}) in Regie. " +
                "Controleer of het om dezelfde persoon gaat. Is het een ander, bevestig dan dat u toch wilt registreren."));
    }

    private static bool SameFirstInitial(string a, string b) =>
        a.Length > 0 && b.Length > 0 && char.ToLowerInvariant(a[0]) == char.ToLowerInvariant(b[0]);

    public static Person ToEntity(ValidPerson v, string gemeentecode, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        Gemeentecode = gemeentecode,
        Bsn = v.Bsn,
        Voornamen = v.Name.Voornamen,
        Voorvoegsel = v.Name.Voorvoegsel,
        Achternaam = v.Name.Achternaam,
        ZoekNaam = v.Name.SearchKey,
        ZoekVoornamen = v.Name.FirstNamesSearchKey,
        Geboortedatum = v.Geboortedatum,
        Telefoon = v.Telefoon,
        Email = v.Email,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
