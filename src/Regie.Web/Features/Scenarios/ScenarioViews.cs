using Regie.Domain.Models;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Regie.Web.Features.Scenarios;

/// <summary>One assumption as the page, the exports and the API show it.</summary>
public sealed record ScenarioParameterView(string Sleutel, string Naam, string Eenheid, double Basis, double Laag, double Hoog, string Bron, bool Aangepast);

/// <summary>One output of one model: the answer at the base values, the mean and median over the runs and the 80 % interval.</summary>
public sealed record ScenarioOutputView(string Sleutel, string Naam, string Eenheid, double Basis, double Gemiddelde, double Mediaan, double P10, double P90);

public sealed record ScenarioModelView(string Model, string Naam, IReadOnlyList<ScenarioOutputView> Uitkomsten);

/// <summary>A bar of the tornado: the output with one assumption at its low and at its high value.</summary>
public sealed record SensitivityBarView(string Sleutel, string Naam, double BijLaag, double BijHoog, double Uitslag);

/// <param name="VergelekenMet">The tornado shows model − this model, when set.</param>
public sealed record SensitivityView(string Model, string? VergelekenMet, string Uitkomst, string Eenheid, double Basis, IReadOnlyList<SensitivityBarView> Balken);

/// <summary>A saved scenario in a list.</summary>
public sealed record ScenarioListItem(Guid Id, string Naam, string? Omschrijving, IReadOnlyList<string> Modellen, int Seed, int Rekenrondes, DateOnly StandVan, DateTime GemaaktOp);

/// <summary>A saved scenario whole: assumptions, seed, runs, data date, the comparison with its intervals and the sensitivity.</summary>
/// <param name="Modelversie">The version of the model the stored figures were computed with (the current one is <see cref="MonteCarlo.ModelVersion"/>).</param>
public sealed record ScenarioDetail(Guid Id, string Naam, string? Omschrijving, int Seed, int Rekenrondes, int Modelversie, DateOnly StandVan, DateTime GemaaktOp, string GemaaktDoor,
    IReadOnlyList<ScenarioParameterView> Parameters, IReadOnlyList<ScenarioModelView> Uitkomsten, SensitivityView Gevoeligheid, string Methode);

/// <summary>What is stored next to the parameters: the Monte Carlo result and the sensitivity.</summary>
public sealed record StoredScenarioResult(ScenarioResult Result, SensitivityResult Sensitivity);

public static class ScenarioFormat
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    public const string Method =
        "Per werkwijze rekent het model de verwachte stromen van één jaar uit: huishoudens met een hulpvraag (huishoudens × instroom), verdeeld over de soorten vraag"
        + " uit de ZRM-screening; de route per soort vraag volgt de triagetabel van de werkwijze (met en zonder vraag om maatwerk); de kans op maatwerk of"
        + " specialistische zorg binnen 12 maanden is de kans via het loket voor die soort vraag maal de factor van de route (wijkteam, algemene voorziening;"
        + " partners en lichte ondersteuning veranderen de factor van het team). De formatie is het aantal uren per route gedeeld door de productieve uren per fte;"
        + " de kosten zijn formatie × volledige kosten per fte × (1 + overhead) + maatwerk × het gemiddelde tarief + lichte ondersteuning + algemene voorzieningen."
        + " De wachttijd gaat uit van de huidige formatie: bij bezetting ρ (benodigde ÷ huidige formatie) is zij de wachttijd bij halve bezetting × ρ ÷ (1 − ρ),"
        + " hoogstens 26 weken. Elke rekenronde trekt alle aannames uit een driehoeksverdeling (laag, basis, hoog) en rekent alle werkwijzen met dezelfde trekking;"
        + " het 80 %-interval loopt van het 10e tot het 90e percentiel van de rondes. Hetzelfde startgetal geeft precies dezelfde uitkomst. De gevoeligheid zet"
        + " telkens één aanname op haar onder- en bovengrens, de rest op de basiswaarde. Het model voorspelt geen gedrag van één huishouden en bewijst geen oorzaak:"
        + " het maakt zichtbaar wat de aannames samen betekenen, en welke aanname het antwoord het meest bepaalt.";

    public static string Number(double v, int decimals = 0) => v.ToString("N" + decimals, Nl);

    /// <summary>A value as the cockpit shows it in its fields: Dutch decimal comma, no thousands separator.</summary>
    public static string Field(double v) => v.ToString("0.######", Nl);

    public static string Value(double v, string unit) => unit switch
    {
        "euro" => "€ " + Number(v),
        "fte" => Number(v, 1) + " fte",
        "weken" => Number(v, 1) + " weken",
        "huishoudens" => Number(v),
        _ => Number(v, 2),
    };

    /// <summary>A number as a Dutch user types it: "0,08", "68.500", "68500" or "0.08"; dots followed by groups of three digits are thousands.</summary>
    public static bool TryParse(string? text, out double value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("€", "", StringComparison.Ordinal);
        if (t.Contains(',', StringComparison.Ordinal)) t = t.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        else if (System.Text.RegularExpressions.Regex.IsMatch(t, @"^-?\d{1,3}(\.\d{3})+$")) t = t.Replace(".", "", StringComparison.Ordinal);
        return double.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    public static IReadOnlyList<ScenarioParameterView> Views(ScenarioParameters p) =>
        p.Items.Select(x => new ScenarioParameterView(x.Key, x.Label, x.Unit, x.Base, x.Low, x.High, x.Source, x.Changed)).ToList();

    public static IReadOnlyList<ScenarioModelView> Views(ScenarioResult r) => r.Models.Select(m => new ScenarioModelView(m.Model.ToString(), ScenarioModels.Label(m.Model),
        ScenarioOutputs.All.Select(o => new ScenarioOutputView(ScenarioOutputs.Key(o), ScenarioOutputs.Label(o), ScenarioOutputs.Unit(o),
            Round(m[o].Base, o), Round(m[o].Mean, o), Round(m[o].Median, o), Round(m[o].P10, o), Round(m[o].P90, o))).ToList())).ToList();

    public static SensitivityView View(SensitivityResult s) => new(s.Model.ToString(), s.ComparedTo?.ToString(), ScenarioOutputs.Key(s.Output), ScenarioOutputs.Unit(s.Output),
        Round(s.Base, s.Output), s.Bars.Select(b => new SensitivityBarView(b.Key, b.Label, Round(b.AtLow, s.Output), Round(b.AtHigh, s.Output), Round(b.Swing, s.Output))).ToList());

    /// <summary>Money to whole euros, counts to one decimal, waiting and staff to two: rounding happens here, at the edge.</summary>
    public static double Round(double v, ScenarioOutput o) => o switch
    {
        ScenarioOutput.TotaleKosten or ScenarioOutput.KostenPerHuishouden => Math.Round(v, 0, MidpointRounding.AwayFromZero),
        ScenarioOutput.Maatwerk => Math.Round(v, 1, MidpointRounding.AwayFromZero),
        _ => Math.Round(v, 2, MidpointRounding.AwayFromZero),
    };

    public static string SensitivityCaption(SensitivityView s) =>
        $"Gevoeligheid: {ScenarioOutputs.Label(Enum.Parse<ScenarioOutput>(OutputName(s.Uitkomst))).ToLowerInvariant()} van "
        + (s.VergelekenMet is { } other ? $"{ScenarioModels.Label(Enum.Parse<ScenarioModel>(s.Model))} min {ScenarioModels.Label(Enum.Parse<ScenarioModel>(other))}"
            : ScenarioModels.Label(Enum.Parse<ScenarioModel>(s.Model)));

    private static string OutputName(string key) => ScenarioOutputs.All.First(o => ScenarioOutputs.Key(o) == key).ToString();
}

/// <summary>What the result partial shows: the comparison and the sensitivity.</summary>
public sealed record ScenarioResultModel(IReadOnlyList<ScenarioModelView> Uitkomsten, SensitivityView Gevoeligheid);
