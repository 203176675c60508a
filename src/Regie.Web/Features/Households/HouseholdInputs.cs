using Regie.Domain.Common;
using Regie.Domain.Registry;
using Regie.Web.Features.Api;
using Regie.Web.Features.Persons;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Households;

public sealed class AddressInput
{
    public string? Straat { get; set; }
    [Required, Description("Alleen cijfers, 1 tot en met 99999; een letter hoort bij huisletter.")] public string? Huisnummer { get; set; }
    public string? Huisletter { get; set; }
    public string? Toevoeging { get; set; }
    [Required, Description("Bijvoorbeeld 1234 AB (met of zonder spatie).")] public string? Postcode { get; set; }
    [Required] public string? Woonplaats { get; set; }
    public string? Wijk { get; set; }
    public string? Buurt { get; set; }

    public Address? Validate(ErrorList errors, string prefix = "Adres.")
    {
        var local = new ErrorList();
        var address = Address.Create(Straat, Huisnummer, Huisletter, Toevoeging, Postcode, Woonplaats, Wijk, Buurt, local);
        errors.AddRange(local.Errors.Select(e => e with { Field = prefix + e.Field }));
        return address;
    }

    public static AddressInput From(Address a) => new()
    {
        Straat = a.Straat,
        Huisnummer = a.Huisnummer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Huisletter = a.Huisletter,
        Toevoeging = a.Toevoeging,
        Postcode = a.Postcode.Display,
        Woonplaats = a.Woonplaats,
        Wijk = a.Wijk,
        Buurt = a.Buurt,
    };
}

/// <summary>A member: either an existing person (<see cref="PersonId"/>) or a new one described by the person fields.</summary>
public sealed class MemberInput : PersonInput
{
    public Guid? PersonId { get; set; }
    [Required, OneOf(typeof(HouseholdRoles), nameof(HouseholdRoles.Names))] public string? Rol { get; set; }

    [System.Text.Json.Serialization.JsonIgnore] public bool IsBlank => PersonId is null && IsEmpty;
}
