using Regie.Domain.Care;
using Regie.Web.Features.Api;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.Network;

/// <summary>Someone from the household's network as filled in: who, their relation, how to reach them, their part in the plan and the household's consent.</summary>
public sealed class NetworkMemberInput
{
    [Required, Description("De naam, zoals het huishouden hem of haar noemt (bijvoorbeeld 'Oma Bakker').")] public string? Naam { get; set; }
    [Required, OneOf(typeof(NetworkRelation))] public string? Relatie { get; set; }
    [Description("Optioneel: 10 cijfers, bijvoorbeeld 06 12345678.")] public string? Telefoon { get; set; }
    [Description("Optioneel.")] public string? Email { get; set; }
    [Required, Description("Wat deze persoon doet in het plan, in een paar woorden.")] public string? RolInPlan { get; set; }
    [Required, Description("De datum waarop het huishouden toestemming gaf: jjjj-mm-dd (of dd-mm-jjjj), niet in de toekomst en niet langer dan een jaar geleden.")]
    public string? ToestemmingOp { get; set; }
    [Required, Description("Het id van het lid van het huishouden dat toestemming gaf.")] public Guid? ToestemmingDoor { get; set; }
    /// <summary>The version the worker saw, when changing; a save against a newer one is refused.</summary>
    [Description("Bij wijzigen: de versie die u las (409 als iemand anders intussen wijzigde).")] public int Versie { get; set; }

    public NetworkMemberFields ToFields() => new(Naam, Relatie, Telefoon, Email, RolInPlan, ToestemmingOp, ToestemmingDoor);
}

public sealed class EndNetworkMemberInput
{
    [Description("jjjj-mm-dd (of dd-mm-jjjj); leeg is vandaag. Niet in de toekomst.")] public string? Datum { get; set; }
    [Description("De versie die u las (409 als iemand anders intussen wijzigde).")] public int Versie { get; set; }
}

/// <summary>One person in the household's network, as shown and as the API answers.</summary>
public sealed record NetworkMemberView(Guid Id, string Naam, NetworkRelation Relatie, string? Telefoon, string? Email, string RolInPlan, DateOnly ToestemmingOp,
    Guid ToestemmingDoor, string ToestemmingDoorNaam, DateOnly Sinds, DateOnly? Tot, int Versie);

/// <summary>The household's network: who takes part now, and who did before.</summary>
public sealed record NetworkView(Guid HouseholdId, string HouseholdNaam, IReadOnlyList<NetworkMemberView> Huidig, IReadOnlyList<NetworkMemberView> Beeindigd);
