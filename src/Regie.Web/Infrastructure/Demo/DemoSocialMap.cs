using Microsoft.EntityFrameworkCore;
using Regie.Domain.Assessment;
using Regie.Domain.SocialMap;
using Regie.Web.Data;
using Regie.Web.Features.SocialMap;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Regie.Web.Infrastructure.Demo;

/// <summary>
/// Gemeente Voorbeeld's social map: volunteers (nulde lijn), free provisions (algemeen) and custom support by
/// partner providers (maatwerk), each with a location, phone, contact and opening hours, marked with kind and
/// life domains; and the centres of the municipality's postcode areas. Addresses and numbers are made up.
/// It goes in through the same HSDS store an import uses.
/// </summary>
public sealed class DemoSocialMap(RegieDbContext db, string gemeentecode)
{
    private sealed record Org(string Key, string Name, string Description, string? Website, string? RegieName = null);

    private sealed record Svc(string Org, string Name, string Description, ServiceKind Kind, ZrmDomain[] Domains, string Street, string Postcode,
        string Phone, string Email, string Hours, int? MinAge = null, int? MaxAge = null, string? Application = null, bool AtHome = false);

    /// <summary>Wijk centres; the fourth digit of a PC4 moves east or west within the wijk.</summary>
    private static readonly (string Prefix, string Wijk, double Lat, double Lon)[] Wijken =
        [("991", "Noord", 53.3200, 6.8000), ("992", "Centrum", 53.3000, 6.8000), ("993", "Zuid", 53.2800, 6.8000), ("994", "Oost", 53.3000, 6.8400)];

    public static IEnumerable<PostcodeArea> PostcodeAreas(string gemeentecode) =>
        from w in Wijken
        from d in Enumerable.Range(1, 9)
        select new PostcodeArea
        {
            Gemeentecode = gemeentecode, Pc4 = w.Prefix + d, Latitude = Math.Round(w.Lat + (d % 3 - 1) * 0.003, 4),
            Longitude = Math.Round(w.Lon + (d - 5) * 0.004, 4), Naam = $"{w.Wijk} {d}",
        };

    private static readonly Org[] Orgs =
    [
        new("voedselbank", "Stichting Voedselbank Voorbeeld", "Vrijwilligers verstrekken wekelijks voedselpakketten aan huishoudens die tijdelijk niet rondkomen.", "https://voedselbank.voorbeeld.nl"),
        new("welzijn", "Welzijn Voorbeeld", "De welzijnsorganisatie van de gemeente: buurthuizen, algemeen maatschappelijk werk, formulierenhulp en mantelzorgondersteuning.", "https://welzijn.voorbeeld.nl"),
        new("schuldhulpmaatje", "SchuldHulpMaatje Voorbeeld", "Getrainde vrijwilligers helpen mensen met geldzorgen hun administratie en schulden op orde te krijgen.", "https://schuldhulpmaatje.voorbeeld.nl"),
        new("humanitas", "Humanitas afdeling Voorbeeld", "Vrijwilligers van Humanitas helpen thuis met de administratie en bieden een maatje.", "https://humanitas.voorbeeld.nl"),
        new("samen", "Stichting Samen", "Maatjesprojecten: een vrijwilliger die samen met u op stap gaat.", "https://samen.voorbeeld.nl"),
        new("klimop", "Basisschool De Klimop", "Basisschool in Noord met huiswerkbegeleiding na schooltijd, ook voor kinderen van andere scholen.", null, "Basisschool De Klimop"),
        new("zorgzamehand", "Thuiszorg De Zorgzame Hand", "Zorgaanbieder voor hulp bij het huishouden en begeleiding thuis (Wmo 2015).", "https://zorgzamehand.voorbeeld.nl", "Thuiszorg De Zorgzame Hand"),
        new("opkoers", "Jeugdhulp Op Koers", "Jeugdhulpaanbieder voor ambulante jeugd- en gezinshulp (Jeugdwet).", "https://opkoers.voorbeeld.nl", "Jeugdhulp Op Koers"),
        new("debrug", "Zorgaanbieder De Brug", "Aanbieder van jeugd- en gezinshulp; detacheert ook medewerkers bij Wijkteam Zuid.", "https://debrug.voorbeeld.nl", "Zorgaanbieder De Brug"),
        new("gemeente", "Gemeente Voorbeeld, Schuldhulpverlening", "De gemeentelijke schuldhulpverlening (Wet gemeentelijke schuldhulpverlening).", "https://www.voorbeeld.nl/schulden", "Schuldhulpverlening"),
    ];

    private static readonly Svc[] Services =
    [
        new("voedselbank", "Voedselbank", "Wekelijks een voedselpakket voor huishoudens onder de bestedingsnorm. Aanmelden via het wijkteam of de schuldhulpverlening.",
            ServiceKind.NuldeLijn, [ZrmDomain.Financien], "Havenstraat 12", "9921 AB", "0999 200100", "aanmelden@voedselbank.voorbeeld.nl", "Uitgifte op vrijdag van 13.00 tot 16.00 uur",
            Application: "Aanmelden via een verwijzer (wijkteam, maatschappelijk werk, schuldhulpverlening); de intake toetst het inkomen."),
        new("welzijn", "Formulierenbrigade", "Hulp bij het invullen van formulieren en aanvragen: toeslagen, kwijtschelding, bijzondere bijstand.",
            ServiceKind.Algemeen, [ZrmDomain.Financien, ZrmDomain.InstrumenteleAdl], "Kerkplein 3", "9922 CD", "0999 200200", "formulieren@welzijn.voorbeeld.nl", "Inloop op dinsdag en donderdag van 9.30 tot 12.00 uur"),
        new("schuldhulpmaatje", "SchuldHulpMaatje", "Een vrijwillige maatje helpt een jaar lang met het ordenen van post, het maken van een begroting en contact met schuldeisers.",
            ServiceKind.NuldeLijn, [ZrmDomain.Financien], "Kerkplein 3", "9922 CD", "0999 200300", "info@schuldhulpmaatje.voorbeeld.nl", "Op afspraak, bij u thuis of in het buurthuis", MinAge: 18),
        new("humanitas", "Thuisadministratie Humanitas", "Een vrijwilliger komt elke week of twee weken langs om samen de post en de rekeningen door te nemen.",
            ServiceKind.NuldeLijn, [ZrmDomain.Financien, ZrmDomain.InstrumenteleAdl], "Molenweg 40", "9913 EF", "0999 200400", "thuisadministratie@humanitas.voorbeeld.nl", "Op afspraak", MinAge: 18),
        new("welzijn", "Buurtkamer De Schakel", "Koffieochtend, samen koken en activiteiten in het buurthuis: iedereen is welkom, zonder aanmelding.",
            ServiceKind.Algemeen, [ZrmDomain.SociaalNetwerk, ZrmDomain.Tijdsbesteding, ZrmDomain.MaatschappelijkeParticipatie], "Vogellaan 2", "9915 GH", "0999 200500", "deschakel@welzijn.voorbeeld.nl", "Maandag tot en met vrijdag van 9.00 tot 17.00 uur"),
        new("welzijn", "Taalcafé", "Nederlands oefenen in een ontspannen groep, begeleid door vrijwilligers.",
            ServiceKind.Algemeen, [ZrmDomain.MaatschappelijkeParticipatie, ZrmDomain.WerkOpleiding], "Parkweg 8", "9934 JK", "0999 200600", "taalcafe@welzijn.voorbeeld.nl", "Woensdag van 19.00 tot 21.00 uur", MinAge: 16),
        new("klimop", "Huiswerkbegeleiding De Klimop", "Na schooltijd hulp bij huiswerk en plannen, in een rustige ruimte met begeleiding.",
            ServiceKind.Algemeen, [ZrmDomain.WerkOpleiding], "Schoolstraat 1", "9914 LM", "0999 654321", "huiswerk@deklimop.voorbeeld.nl", "Maandag tot en met donderdag van 15.00 tot 17.00 uur", MinAge: 6, MaxAge: 18),
        new("welzijn", "Mantelzorgsteunpunt", "Informatie, advies en een luisterend oor voor mantelzorgers; respijtzorg regelen en lotgenotengroepen.",
            ServiceKind.Algemeen, [ZrmDomain.SociaalNetwerk, ZrmDomain.HuiselijkeRelaties, ZrmDomain.GeestelijkeGezondheid], "Stationsplein 5", "9925 NP", "0999 200700", "mantelzorg@welzijn.voorbeeld.nl", "Maandag tot en met vrijdag van 9.00 tot 12.30 uur"),
        new("welzijn", "Algemeen maatschappelijk werk", "Kortdurende hulp bij problemen met geld, relaties, opvoeding of verwerking, zonder indicatie.",
            ServiceKind.Algemeen, [ZrmDomain.Financien, ZrmDomain.HuiselijkeRelaties, ZrmDomain.GeestelijkeGezondheid], "Kerkplein 3", "9922 CD", "0999 200800", "amw@welzijn.voorbeeld.nl", "Inloopspreekuur op maandag van 13.00 tot 15.00 uur"),
        new("samen", "Maatje voor ontmoeting", "Een vrijwilliger die om de week samen met u iets onderneemt: wandelen, koffie drinken, naar de buurtkamer.",
            ServiceKind.NuldeLijn, [ZrmDomain.SociaalNetwerk, ZrmDomain.Tijdsbesteding], "Bloemenweg 22", "9943 QR", "0999 200900", "maatje@samen.voorbeeld.nl", "Op afspraak", MinAge: 18),
        new("welzijn", "Buurtsportcoach", "Laagdrempelig bewegen in de wijk: wandelgroep, beweegles voor ouderen en sport voor kinderen.",
            ServiceKind.Algemeen, [ZrmDomain.LichamelijkeGezondheid, ZrmDomain.Tijdsbesteding], "Sportlaan 4", "9936 ST", "0999 201000", "sport@welzijn.voorbeeld.nl", "Wandelgroep op dinsdag 10.00 uur"),
        new("zorgzamehand", "Hulp bij het huishouden", "Schoonmaken en de was voor inwoners die dat zelf of met hun netwerk niet kunnen (Wmo 2015, productcategorie 01).",
            ServiceKind.Maatwerk, [ZrmDomain.InstrumenteleAdl, ZrmDomain.LichamelijkeGezondheid], "Industrieweg 30", "9946 UV", "0999 300100", "planning@zorgzamehand.voorbeeld.nl", "Bij u thuis, op afgesproken tijden",
            MinAge: 18, Application: "Met een beschikking van de gemeente (Wmo-consulent of wijkteam).", AtHome: true),
        new("opkoers", "Ambulante jeugd- en gezinshulp", "Een gezinsbegeleider komt thuis en werkt met ouders en kinderen aan opvoeding, rust en structuur (Jeugdwet, ambulant).",
            ServiceKind.Maatwerk, [ZrmDomain.HuiselijkeRelaties, ZrmDomain.GeestelijkeGezondheid], "Jeugdpad 7", "9937 WX", "0999 300200", "aanmelden@opkoers.voorbeeld.nl", "Bij u thuis, op afgesproken tijden",
            MaxAge: 17, Application: "Met een beschikking van de gemeente of een verwijzing van de huisarts.", AtHome: true),
        new("debrug", "Opvoedspreekuur De Brug", "Vrij inloopspreekuur voor ouders met vragen over opvoeden, ruzie thuis of een kind dat niet naar school wil. Zonder aanmelding of beschikking.",
            ServiceKind.Algemeen, [ZrmDomain.HuiselijkeRelaties, ZrmDomain.GeestelijkeGezondheid], "Brugstraat 5", "9913 AB", "0999 400510", "spreekuur@debrug.voorbeeld.nl", "Woensdag van 13.00 tot 16.00 uur"),
        new("debrug", "Gezinsbegeleiding De Brug", "Intensieve begeleiding thuis voor gezinnen waar het vastloopt (Jeugdwet, ambulant).",
            ServiceKind.Maatwerk, [ZrmDomain.HuiselijkeRelaties], "Brugstraat 5", "9913 AB", "0999 400500", "aanmelden@debrug.voorbeeld.nl", "Bij u thuis, op afgesproken tijden",
            MaxAge: 17, Application: "Met een beschikking van de gemeente.", AtHome: true),
        new("gemeente", "Schuldhulpverlening", "Een schuldhulptraject: stabiliseren, een budgetplan en zo nodig een schuldregeling (Wgs).",
            ServiceKind.Maatwerk, [ZrmDomain.Financien], "Raadhuisplein 1", "9923 YZ", "14 0999", "schulden@voorbeeld.nl", "Maandag tot en met vrijdag van 9.00 tot 17.00 uur", MinAge: 18,
            Application: "Aanmelden bij de gemeente; binnen 3 werkdagen een eerste gesprek bij dreigende uitzetting of afsluiting."),
    ];

    /// <summary>A stable id per name, so the demo's records keep their ids between installations.</summary>
    private static Guid IdOf(string kind, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"regie-demo/{kind}/{name}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!await db.PostcodeAreas.AnyAsync(ct))
        {
            db.PostcodeAreas.AddRange(PostcodeAreas(gemeentecode));
            await db.SaveChangesAsync(ct);
        }
        if (await db.HsdsServices.AnyAsync(ct)) return;

        // The providers of custom support are Regie partners, so referrals reach their accounts.
        foreach (var org in Orgs.Where(o => o.RegieName is not null))
            if (!await db.Organisations.AnyAsync(o => o.Name == org.RegieName, ct))
                db.Organisations.Add(new Organisation { Id = Guid.CreateVersion7(), Gemeentecode = gemeentecode, Name = org.RegieName!, Kind = OrganisationKinds.Partner, Telefoon = "0999 300000" });
        await db.SaveChangesAsync(ct);

        var data = new HsdsDataset();
        data.Set(HsdsCatalog.Taxonomy, RegieTaxonomy.TaxonomyId, new JsonObject
        {
            ["id"] = HsdsValues.Uuid(RegieTaxonomy.TaxonomyId), ["name"] = RegieTaxonomy.TaxonomyName, ["description"] = RegieTaxonomy.TaxonomyDescription,
            ["uri"] = RegieTaxonomy.TaxonomyUri, ["version"] = RegieTaxonomy.TaxonomyVersion,
        });
        foreach (var t in RegieTaxonomy.Terms)
            data.Set(HsdsCatalog.TaxonomyTerm, t.Id, new JsonObject
            {
                ["id"] = HsdsValues.Uuid(t.Id), ["code"] = t.Code, ["name"] = t.Name, ["description"] = t.Description,
                ["taxonomy"] = RegieTaxonomy.TaxonomyName, ["language"] = "nl", ["taxonomy_id"] = HsdsValues.Uuid(RegieTaxonomy.TaxonomyId),
            });
        foreach (var o in Orgs)
        {
            var row = new JsonObject { ["id"] = HsdsValues.Uuid(IdOf("organization", o.Key)), ["name"] = o.Name, ["description"] = o.Description };
            if (o.Website is not null) row["website"] = o.Website;
            data.Set(HsdsCatalog.Organization, IdOf("organization", o.Key), row);
        }
        var areas = PostcodeAreas(gemeentecode).ToDictionary(a => a.Pc4);
        var modified = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        foreach (var s in Services)
        {
            var id = IdOf("service", s.Name);
            var orgId = IdOf("organization", s.Org);
            var service = new JsonObject
            {
                ["id"] = HsdsValues.Uuid(id), ["organization_id"] = HsdsValues.Uuid(orgId), ["name"] = s.Name, ["description"] = s.Description,
                ["email"] = s.Email, ["status"] = "active", ["last_modified"] = modified,
            };
            if (s.Application is not null) service["application_process"] = s.Application;
            if (s.MinAge is { } min) service["minimum_age"] = min;
            if (s.MaxAge is { } max) service["maximum_age"] = max;
            data.Set(HsdsCatalog.Service, id, service);

            // The location is where the service is given, or for help at home the provider's office.
            var locationId = IdOf("location", s.Org + "/" + s.Street);
            var area = areas[s.Postcode[..4]];
            data.Set(HsdsCatalog.Location, locationId, new JsonObject
            {
                ["id"] = HsdsValues.Uuid(locationId), ["location_type"] = "physical", ["organization_id"] = HsdsValues.Uuid(orgId),
                ["name"] = s.AtHome ? $"Kantoor {Orgs.First(o => o.Key == s.Org).Name}" : s.Street,
                // A little off the area's centre, as a real building would be.
                ["latitude"] = Math.Round(area.Latitude + 0.0007, 5), ["longitude"] = Math.Round(area.Longitude - 0.0009, 5),
            });
            var addressId = IdOf("address", s.Org + "/" + s.Street);
            data.Set(HsdsCatalog.Address, addressId, new JsonObject
            {
                ["id"] = HsdsValues.Uuid(addressId), ["location_id"] = HsdsValues.Uuid(locationId), ["address_1"] = s.Street, ["city"] = "Voorbeeld",
                ["state_province"] = "Groningen", ["postal_code"] = s.Postcode, ["country"] = "NL", ["address_type"] = "physical",
            });
            var salId = IdOf("service_at_location", s.Name);
            data.Set(HsdsCatalog.ServiceAtLocation, salId, new JsonObject
            {
                ["id"] = HsdsValues.Uuid(salId), ["service_id"] = HsdsValues.Uuid(id), ["location_id"] = HsdsValues.Uuid(locationId),
                ["description"] = s.AtHome ? "Hulp bij de inwoner thuis; het kantoor plant de bezoeken." : $"{s.Name} in {area.Naam}.",
            });
            var phoneId = IdOf("phone", s.Name);
            data.Set(HsdsCatalog.Phone, phoneId, new JsonObject
            {
                ["id"] = HsdsValues.Uuid(phoneId), ["service_id"] = HsdsValues.Uuid(id), ["number"] = s.Phone, ["type"] = "voice",
            });
            var contactId = IdOf("contact", s.Name);
            data.Set(HsdsCatalog.Contact, contactId, new JsonObject
            {
                ["id"] = HsdsValues.Uuid(contactId), ["service_id"] = HsdsValues.Uuid(id), ["name"] = "Aanmelding " + s.Name, ["email"] = s.Email,
            });
            var scheduleId = IdOf("schedule", s.Name);
            data.Set(HsdsCatalog.Schedule, scheduleId, new JsonObject
            {
                ["id"] = HsdsValues.Uuid(scheduleId), ["service_id"] = HsdsValues.Uuid(id), ["description"] = s.Hours,
            });
            foreach (var term in s.Domains.Select(RegieTaxonomy.TermOf).Prepend(RegieTaxonomy.TermOf(s.Kind)))
            {
                var mark = RegieTaxonomyRecords.Attribute(gemeentecode, id, term);
                data.Set(HsdsCatalog.Attribute, mark.Id, new JsonObject
                {
                    ["id"] = HsdsValues.Uuid(mark.Id), ["link_id"] = HsdsValues.Uuid(id), ["taxonomy_term_id"] = HsdsValues.Uuid(term),
                    ["link_type"] = mark.LinkType, ["link_entity"] = mark.LinkEntity,
                });
            }
        }
        await new HsdsStore(db, new HsdsAgbCodes(db)).SaveAsync(data, gemeentecode, ct);
        var partners = await db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id, ct);
        foreach (var org in Orgs.Where(o => o.RegieName is not null))
            if (await db.HsdsOrganizations.FirstOrDefaultAsync(o => o.Id == IdOf("organization", org.Key), ct) is { } stored)
                stored.OrganisationId = partners[org.RegieName!];
        await db.SaveChangesAsync(ct);
    }
}
