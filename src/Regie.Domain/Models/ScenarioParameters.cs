using Regie.Domain.Common;

namespace Regie.Domain.Models;

/// <summary>
/// One assumption of the scenario model: its value and the range the policy officer believes it lies in, with where it comes
/// from. <see cref="Changed"/> says the policy officer set it by hand instead of taking the estimate or the default.
/// </summary>
public sealed record ScenarioParameter(string Key, string Label, string Unit, double Base, double Low, double High, string Source, bool Changed = false);

/// <summary>
/// The full set of assumptions, always in the order of <see cref="ScenarioParameters.Keys"/>. Shares are fractions (0–1),
/// money is euro per year. Every default names its source; a figure that is an assumption says so.
/// </summary>
public sealed record ScenarioParameters(IReadOnlyList<ScenarioParameter> Items)
{
    public const string ValueInvalidCode = "scenario-parameter-invalid";
    public const string RangeInvalidCode = "scenario-range-invalid";
    public const string MissingCode = "scenario-parameter-missing";
    public const string SharesInvalidCode = "scenario-shares-invalid";

    // Positions in every parameter array; the hot loop reads by these.
    public const int Huishoudens = 0, Instroom = 1, KlasseGeenZorg = 2, KlasseEnkelvoudig = 3, KlasseMeervoudig = 4, KlasseAcuut = 5,
        Maatwerkvraag = 6, KansGeenZorg = 7, KansEnkelvoudig = 8, KansMeervoudig = 9, KansAcuut = 10, FactorWijkteam = 11,
        FactorAlgemeen = 12, FactorPartners = 13, EffectLichteSteun = 14, AandeelLichteSteun = 15, UrenWijkteam = 16, UrenLoket = 17,
        UrenAlgemeen = 18, UrenPerFte = 19, KostenPerFte = 20, Overhead = 21, TariefWmo = 22, TariefJeugdAmbulant = 23,
        TariefJeugdVerblijf = 24, AandeelJeugd = 25, AandeelVerblijf = 26, KostenLichteSteun = 27, KostenAlgemeen = 28, FteNu = 29,
        WachttijdHalf = 30;
    public const int Count = 31;

    public static readonly IReadOnlyList<string> Keys =
    [
        "huishoudens", "instroom", "klasse-geen-zorg", "klasse-enkelvoudig", "klasse-meervoudig", "klasse-acuut",
        "maatwerkvraag", "kans-geen-zorg", "kans-enkelvoudig", "kans-meervoudig", "kans-acuut", "factor-wijkteam",
        "factor-algemeen", "factor-partners", "effect-lichte-steun", "aandeel-lichte-steun", "uren-wijkteam", "uren-loket",
        "uren-algemeen", "uren-per-fte", "kosten-per-fte", "overhead", "tarief-wmo", "tarief-jeugd-ambulant",
        "tarief-jeugd-verblijf", "aandeel-jeugd", "aandeel-verblijf", "kosten-lichte-steun", "kosten-algemeen", "fte-nu",
        "wachttijd-half",
    ];

    private const string Assumption = "Aanname (schatting), te vervangen door eigen gegevens";

    /// <summary>The defaults of DOMAIN.md's table for a municipality of <paramref name="households"/> households.</summary>
    public static ScenarioParameters Defaults(double households = 50_000) => new(
    [
        P(Huishoudens, "Huishoudens in de gemeente", "huishoudens", households, households, households, "CBS: een gemeente van ~100.000 inwoners heeft ~50.000 huishoudens"),
        P(Instroom, "Huishoudens met een hulpvraag per jaar", "aandeel van de huishoudens", 0.08, 0.06, 0.10,
            "Schatting uit CBS 83264NED (2023): ~60 Wmo-cliënten met maatwerk per 1.000 inwoners, en CBS (2019): ~2.450 jeugdigen met jeugdhulp per 100.000 inwoners"),
        P(KlasseGeenZorg, "Aandeel vragen zonder leefgebied van zorg (ZRM)", "aandeel", 0.25, 0.20, 0.30, Assumption),
        P(KlasseEnkelvoudig, "Aandeel vragen met één leefgebied van zorg (ZRM)", "aandeel", 0.40, 0.35, 0.45, Assumption),
        P(KlasseMeervoudig, "Aandeel vragen met meerdere leefgebieden van zorg (ZRM)", "aandeel", 0.25, 0.20, 0.30, Assumption),
        P(KlasseAcuut, "Aandeel vragen met acute problematiek (ZRM)", "aandeel", 0.10, 0.05, 0.15, Assumption),
        P(Maatwerkvraag, "Aandeel vragen waarin maatwerk wordt gevraagd", "aandeel", 0.40, 0.30, 0.50, Assumption),
        P(KansGeenZorg, "Kans op maatwerk of specialistische zorg binnen 12 maanden via het loket: geen leefgebied van zorg", "kans", 0.05, 0.02, 0.10, Assumption),
        P(KansEnkelvoudig, "Idem: één leefgebied van zorg", "kans", 0.30, 0.20, 0.40, Assumption),
        P(KansMeervoudig, "Idem: meerdere leefgebieden van zorg", "kans", 0.50, 0.40, 0.65, Assumption),
        P(KansAcuut, "Idem: acute problematiek", "kans", 0.70, 0.55, 0.85, Assumption),
        P(FactorWijkteam, "Factor op die kans als het wijkteam de vraag neemt", "factor", 1.14, 1.00, 1.30,
            "CPB 2019, \"De wijkteambenadering nader bekeken\": 14 % meer Wmo-verwijzingen met wijkteams"),
        P(FactorAlgemeen, "Factor op die kans na een algemene voorziening", "factor", 0.50, 0.30, 0.80, Assumption),
        P(FactorPartners, "Factor op de kans via het team als partners van aanbieders in het team zitten", "factor", 1.23, 0.90, 1.40,
            "CPB 2019: +59 % verwijzingen met aanbiederspersoneel in het team tegen +29 % zonder (1,59 / 1,29 ≈ 1,23); de ondergrens 0,9 is een aanname (seed 004: partners lossen meer zelf op)"),
        P(EffectLichteSteun, "Factor op de kans voor wie lichte ondersteuning zonder indicatie krijgt", "factor", 0.80, 0.60, 1.00,
            "Aanname naar de redenering van seed 004 (lichte steun voorkomt een deel van het maatwerk); geen landelijk gemeten effect"),
        P(AandeelLichteSteun, "Aandeel teamhuishoudens dat lichte ondersteuning krijgt", "aandeel", 0.30, 0.20, 0.40, Assumption),
        P(UrenWijkteam, "Uren per huishouden in het wijkteam", "uren", 40, 30, 60, Assumption),
        P(UrenLoket, "Uren per huishouden aan het loket", "uren", 8, 5, 12, Assumption),
        P(UrenAlgemeen, "Uren per huishouden voor een verwijzing naar een algemene voorziening", "uren", 1, 0.5, 2, Assumption),
        P(UrenPerFte, "Productieve uren per fte per jaar", "uren", 1300, 1200, 1400, "Aanname: 1.872 contracturen min verlof, ziekte, scholing en overleg"),
        P(KostenPerFte, "Volledige kosten per fte per jaar", "euro", 68_500, 65_000, 72_000,
            "CAO Sociaal Werk 2023–25 schaal 8–9 + ~20 % IKB + werkgeverslasten (schatting)"),
        P(Overhead, "Overhead op personeelskosten", "aandeel", 0.15, 0.10, 0.25, Assumption),
        P(TariefWmo, "Tarief maatwerk Wmo per huishouden per jaar", "euro", 3_300, 2_800, 3_800, "Huishoudelijke hulp Wmo: Eemnes, Renswoude (2023)"),
        P(TariefJeugdAmbulant, "Tarief jeugdhulp ambulant per cliënt per jaar", "euro", 8_500, 7_000, 10_000, "Nijmegen (2016), afgeleid"),
        P(TariefJeugdVerblijf, "Tarief jeugdhulp met verblijf per cliënt per jaar", "euro", 32_000, 28_000, 40_000,
            "Nijmegen (2016), afgeleid; bovengrens uithuisplaatsing €40.000 (Stade Advies via NJi, 2012)"),
        P(AandeelJeugd, "Aandeel jeugdhulp in het maatwerk", "aandeel", 0.30, 0.20, 0.40,
            "Schatting: ~2.450 jeugdigen (CBS 2019) tegen ~6.000 Wmo-cliënten (CBS 83264NED, 2023) per 100.000 inwoners"),
        P(AandeelVerblijf, "Aandeel met verblijf in de jeugdhulp", "aandeel", 0.10, 0.05, 0.15, Assumption),
        P(KostenLichteSteun, "Kosten lichte ondersteuning per huishouden", "euro", 1_000, 600, 1_500, Assumption),
        P(KostenAlgemeen, "Kosten algemene voorziening per huishouden", "euro", 400, 200, 800, Assumption),
        P(FteNu, "Huidige formatie wijkteam en loket", "fte", households / 1_250, households / 1_250, households / 1_250,
            "Aanname: 1 fte per 1.250 huishoudens"),
        P(WachttijdHalf, "Wachttijd bij een bezetting van 50 %", "weken", 2, 1, 4, Assumption),
    ]);

    private static ScenarioParameter P(int index, string label, string unit, double b, double low, double high, string source) =>
        new(Keys[index], label, unit, b, low, high, source);

    public ScenarioParameter this[int index] => Items[index];

    public ScenarioParameter? Find(string key) => Items.FirstOrDefault(p => p.Key == key);

    /// <summary>This set with one parameter replaced (the others untouched).</summary>
    public ScenarioParameters With(int index, double b, double low, double high, string? source = null, bool? changed = null)
    {
        var list = Items.ToArray();
        list[index] = list[index] with { Base = b, Low = low, High = high, Source = source ?? list[index].Source, Changed = changed ?? list[index].Changed };
        return new ScenarioParameters(list);
    }

    /// <summary>Every parameter at its base value.</summary>
    public double[] BaseValues() => Items.Select(p => p.Base).ToArray();

    /// <summary>
    /// The rules a set must meet before it is run: all keys present in order, low ≤ base ≤ high, shares and chances within
    /// 0–1, counts, hours and money not negative and below a realistic upper bound (<see cref="Bounds"/>), and a positive number of households, productive hours and current staff.
    /// Field names are <c>Parameters[key].Basis/Laag/Hoog</c>.
    /// </summary>
    public IReadOnlyList<DomainError> Check()
    {
        var errors = new List<DomainError>();
        if (Items.Count != Count || Items.Select(p => p.Key).Where((k, i) => k != Keys[i]).Any())
        {
            errors.Add(new DomainError(MissingCode, "Parameters", "Niet alle aannames zijn ingevuld."));
            return errors;
        }
        for (var i = 0; i < Count; i++)
        {
            var p = Items[i];
            var (min, max) = Bounds(i);
            foreach (var (value, part) in new[] { (p.Base, "Basis"), (p.Low, "Laag"), (p.High, "Hoog") })
                if (!double.IsFinite(value) || value < min || value > max)
                    errors.Add(new DomainError(ValueInvalidCode, $"Parameters[{p.Key}].{part}",
                        $"{p.Label}: vul een getal in tussen {Format(min)} en {Format(max)}."));
            if (errors.Any(e => e.Field.StartsWith($"Parameters[{p.Key}]", StringComparison.Ordinal))) continue;
            if (p.Low > p.Base)
                errors.Add(new DomainError(RangeInvalidCode, $"Parameters[{p.Key}].Laag", $"{p.Label}: de ondergrens ligt boven de basiswaarde."));
            if (p.High < p.Base)
                errors.Add(new DomainError(RangeInvalidCode, $"Parameters[{p.Key}].Hoog", $"{p.Label}: de bovengrens ligt onder de basiswaarde."));
        }
        if (errors.Count == 0 && Items[KlasseGeenZorg].Base + Items[KlasseEnkelvoudig].Base + Items[KlasseMeervoudig].Base + Items[KlasseAcuut].Base <= 0)
            errors.Add(new DomainError(SharesInvalidCode, $"Parameters[{Keys[KlasseGeenZorg]}].Basis", "De aandelen per soort vraag zijn samen nul; vul ze in."));
        return errors;
    }

    private static string Format(double v) => v.ToString("#,##0.##", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));

    /// <summary>The admissible values of a parameter: what a share, a chance, a factor, hours or money can be.</summary>
    public static (double Min, double Max) Bounds(int index) => index switch
    {
        Huishoudens => (1, 10_000_000),
        UrenPerFte => (1, 2_080),
        FteNu => (0.01, 100_000),
        Instroom or KlasseGeenZorg or KlasseEnkelvoudig or KlasseMeervoudig or KlasseAcuut or Maatwerkvraag or KansGeenZorg or KansEnkelvoudig
            or KansMeervoudig or KansAcuut or AandeelLichteSteun or Overhead or AandeelJeugd or AandeelVerblijf => (0, 1),
        FactorWijkteam or FactorAlgemeen or FactorPartners or EffectLichteSteun => (0, 10),
        WachttijdHalf => (0, 520),
        UrenWijkteam or UrenLoket or UrenAlgemeen => (0, 2_080),
        // Money per fte or per household per year: far above any real figure, low enough that no sum can overflow.
        KostenPerFte or TariefWmo or TariefJeugdAmbulant or TariefJeugdVerblijf or KostenLichteSteun or KostenAlgemeen => (0, MaxMoney),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>The most a sum of money per fte or per household per year can be.</summary>
    public const double MaxMoney = 1_000_000;
}
