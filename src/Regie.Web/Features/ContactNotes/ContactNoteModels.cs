using Regie.Domain.Care;
using Regie.Web.Features.Api;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Regie.Web.Features.ContactNotes;

/// <summary>A contact with the household as filled in: when, how, with whom, and what was said or agreed.</summary>
public sealed class ContactNoteInput
{
    [Required, Description("De datum van het contact: jjjj-mm-dd (of dd-mm-jjjj), niet in de toekomst en niet langer dan 2 jaar geleden.")]
    public string? Datum { get; set; }
    [Required, OneOf(typeof(ContactKind)), Description("Huisbezoek, Telefonisch, OpKantoor of Digitaal.")] public string? Soort { get; set; }
    [Required, Description("De ids van de leden van dit huishouden met wie het contact was; minstens één.")] public List<Guid>? MetWie { get; set; }
    [Description("Optioneel: wie er verder bij waren, in een paar woorden (maximaal 300 tekens).")] public string? Anderen { get; set; }
    [Required, Description("Wat er besproken of afgesproken is, kort: maximaal 2000 tekens.")] public string? Tekst { get; set; }
    [Description("Bij wijzigen, optioneel: waarom de notitie is gewijzigd (maximaal 500 tekens).")] public string? Reden { get; set; }
    /// <summary>The version the worker saw, when changing; a save against a newer one is refused.</summary>
    [Description("Bij wijzigen: de versie die u las (409 als iemand anders intussen wijzigde).")] public int Versie { get; set; }

    public ContactNoteFields ToFields() => new(Datum, Soort, MetWie, Anderen, Tekst, Reden);
}

/// <summary>Someone of the household a contact was with; their name as the register has it now.</summary>
public sealed record ContactPersonView(Guid Id, string Naam);

/// <summary>A contact note as it stands now: the current version, who made the contact, how many versions there are, and whether it was withdrawn.</summary>
public sealed record ContactNoteView(Guid Id, DateOnly Datum, ContactKind Soort, IReadOnlyList<ContactPersonView> MetWie, string? Anderen, string Tekst,
    string VastgelegdDoor, DateTime VastgelegdOp, int Versie, ContactNoteWithdrawal? Ingetrokken);

/// <summary>Who withdrew a note, when and why.</summary>
public sealed record ContactNoteWithdrawal(DateTime Op, string Door, string Reden);

/// <summary>Withdraws a contact note: the reason is required.</summary>
public sealed class WithdrawContactNoteInput
{
    [Required, Description("Waarom de notitie wordt ingetrokken (maximaal 500 tekens).")] public string? Reden { get; set; }
    [Description("De versie die u las (409 als iemand anders intussen wijzigde).")] public int Versie { get; set; }
}

/// <summary>One version of a contact note, as saved: by whom, when, why, and what it changed against the one before.</summary>
public sealed record ContactNoteVersionView(int Versie, DateOnly Datum, ContactKind Soort, IReadOnlyList<ContactPersonView> MetWie, string? Anderen, string Tekst,
    string Auteur, DateTime OpgeslagenOp, string? Reden, IReadOnlyList<string> Gewijzigd);

/// <summary>A contact note with its whole history, the first version first.</summary>
public sealed record ContactNoteDetailView(Guid HuishoudenId, string HuishoudenNaam, ContactNoteView Huidig, IReadOnlyList<ContactNoteVersionView> Versies);

/// <summary>The household's contact notes, the newest contact first.</summary>
public sealed record ContactNotesView(Guid HuishoudenId, string HuishoudenNaam, IReadOnlyList<ContactNoteView> Contacten);
