using Microsoft.OpenApi;
using System.Text.Json.Nodes;

namespace Regie.Web.Features.Api;

/// <summary>Example request bodies for the operations an integrator starts with, by operation name.</summary>
public static class ApiExamples
{
    private static readonly Dictionary<string, string> Bodies = new(StringComparer.Ordinal)
    {
        ["CreateHousehold"] = """
            {"adres": {"straat": "Kerkstraat", "huisnummer": "5", "postcode": "9912 AB", "woonplaats": "Voorbeeld"},
             "leden": [{"rol": "ouder", "voornamen": "Sanne", "achternaam": "de Vries", "geboortedatum": "1985-07-03", "bsn": "111222333"}]}
            """,
        ["RegisterRequest"] = """
            {"huishoudenId": "3f2b8c1e-5d4a-4e2b-9c1d-7a6e5f4b3c2d", "bron": "Huisarts", "omschrijving": "Somber, schulden",
             "maatwerk": false, "personen": ["8d7c6b5a-4f3e-4d2c-8b1a-0f9e8d7c6b5a"]}
            """,
        ["RecordIntake"] = """
            {"scores": {"8d7c6b5a-4f3e-4d2c-8b1a-0f9e8d7c6b5a:Financien": "2", "8d7c6b5a-4f3e-4d2c-8b1a-0f9e8d7c6b5a:GeestelijkeGezondheid": "2"},
             "veiligheid": {"geweld": "Nee", "kind": "Nee", "basiszorg": "Nee", "afhankelijk": "Nee", "dreiging": "Nee"}, "veiligheidOordeel": "Veilig", "versie": 0}
            """,
        ["RecordMeldcodeSignals"] = """
            {"wat": "Blauwe plekken op de armen van de jongste; moeder zegt dat hij viel.", "doorWie": "De regisseur, bij het huisbezoek", "datum": "2026-03-02"}
            """,
        ["RecordMeldcodeWeighing"] = """
            {"afweging": {"1": "Ja", "2": "Nee", "3": "Ja", "4": "Ja", "5": "Ja"},
             "onderbouwing": {"1": "Signalen en gesprek bevestigen het vermoeden.", "2": "Geen acuut gevaar; geen herhaald patroon.", "3": "Gezinsbegeleiding is beschikbaar.", "4": "Moeder wil meewerken.", "5": "De afspraken geven voldoende veiligheid."}, "versie": 4}
            """,
        ["DecideRoute"] = """
            {"route": "Wijkteam", "versie": 1}
            """,
        ["AddGoal"] = """
            {"leefgebied": "Financien", "wat": "Schulden in beeld", "meetbaarResultaat": "Alle schuldeisers bekend", "streefdatum": "2026-09-01", "wie": "Sanne", "versie": 2}
            """,
        ["UpdateReferralStatus"] = """
            {"status": "accepted", "versie": 1}
            """,
        ["UpdateHouseholdReferralStatus"] = """
            {"status": "withdrawn", "reden": "Inwoner wil het zelf regelen", "versie": 1}
            """,
        ["LookupInvolvementByPost"] = """
            {"bsn": "111222333", "doel": "aanvraag bijzondere bijstand"}
            """,
    };

    public static void Apply(string operationName, OpenApiOperation operation)
    {
        if (!Bodies.TryGetValue(operationName, out var body)) return;
        if (operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true && media is OpenApiMediaType m)
            m.Example = JsonNode.Parse(body);
    }
}
