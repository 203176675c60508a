using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Decisions;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure.Pdf;
using System.Globalization;

namespace Regie.Web.Features.Decisions;

/// <summary>
/// The beschikking as the letter the resident receives: letterhead, addressee, the decision per
/// provision, the reasoning, the legal basis and how to object. The same decision always gives the
/// same text, so a copy printed later says what the original said.
/// </summary>
public sealed class DecisionLetter(DecisionQueries applications, RegieDbContext db, AuditLog audit)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public sealed record Result(byte[] Content, string FileName);

    public async Task<Result?> CreateAsync(Guid applicationId, CancellationToken ct)
    {
        if (await applications.GetAsync(applicationId, ct, audited: false) is not { Beschikking: { } d } a) return null;
        var municipality = await db.Municipalities.Where(m => m.Code == db.Gemeentecode).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "Gemeente";
        await audit.RecordAsync(AuditActions.Export, AuditResources.Application, a.HuishoudenId, a.PersoonId, detail: "beschikking als PDF", ct: ct);
        // The decision date, not the moment of printing: a reprint must be the same letter.
        var dated = d.Besluitdatum.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var reference = $"{a.Kader switch { LegalFramework.Wmo2015 => "WMO", LegalFramework.Jeugdwet => "JW", LegalFramework.Participatiewet => "PW", _ => "WGS" }}-{a.Id.ToString("N")[..8].ToUpperInvariant()}";
        var pdf = new PdfDocumentBuilder($"Beschikking {reference}", $"{municipality} · Beschikking {LegalFrameworks.Label(a.Kader)} · kenmerk {reference}", dated);

        pdf.Paragraph(municipality, bold: true);
        pdf.Paragraph("College van burgemeester en wethouders");
        pdf.Paragraph(string.Join("\n", new[] { a.Persoon, a.AdresRegel1, a.AdresRegel2 }.Where(s => !string.IsNullOrWhiteSpace(s))));
        pdf.KeyValues([
            ("Datum", Long(d.Besluitdatum)),
            ("Kenmerk", reference),
            ("Onderwerp", $"Besluit op uw aanvraag {LegalFrameworks.Label(a.Kader)}: {a.Gevraagd}"),
        ]);
        pdf.Title($"Beschikking: {DecisionOutcomes.Label(d.Uitkomst).ToLowerInvariant()}");
        pdf.Paragraph($"Beste {a.Persoon},");
        pdf.Paragraph(a.Aanvraagdatum is { } applied
            ? $"Op {Long(applied)} heeft u bij ons een aanvraag gedaan op grond van de {LegalFrameworks.Label(a.Kader)}. U vroeg om: {a.Gevraagd}. In deze brief leest u ons besluit."
            : $"U heeft bij ons een aanvraag gedaan op grond van de {LegalFrameworks.Label(a.Kader)}. In deze brief leest u ons besluit.");

        pdf.Heading("Ons besluit");
        pdf.Paragraph(d.Uitkomst switch
        {
            DecisionOutcome.Toegekend => "Wij kennen uw aanvraag toe. U krijgt de volgende voorziening(en):",
            DecisionOutcome.DeelsToegekend => "Wij kennen uw aanvraag voor een deel toe. U krijgt de volgende voorziening(en); het andere deel wijzen wij af:",
            _ => "Wij wijzen uw aanvraag af.",
        });
        if (d.Producten.Count > 0)
            pdf.Table(["Voorziening", "Omvang", "Periode", "Aanbieder"], [0.34, 0.18, 0.2, 0.28],
                d.Producten.Select(p => (IReadOnlyList<string?>)[p.Product, p.OmvangTekst, $"{Short(p.Van)} t/m {Short(p.Tot)}", p.Aanbieder ?? "U kiest zelf een aanbieder"]));

        pdf.Heading("Waarom wij zo besluiten");
        pdf.Paragraph(d.Motivering);
        pdf.Heading("Wettelijke grondslag");
        pdf.Paragraph(LegalBasis(a.Kader));
        if (a.OpTijd == false)
            pdf.Paragraph("Wij hebben niet binnen de wettelijke termijn beslist. Onze excuses daarvoor. Heeft u ons in gebreke gesteld, dan kunt u recht hebben op een dwangsom (artikel 4:17 Algemene wet bestuursrecht).");

        pdf.Heading("Bent u het niet eens met dit besluit?");
        pdf.Paragraph($"Dan kunt u binnen 6 weken na de datum van deze brief bezwaar maken (artikel 6:7 Algemene wet bestuursrecht). Stuur uw bezwaarschrift, ondertekend, aan het college van burgemeester en wethouders van {municipality}, onder vermelding van kenmerk {reference}. Schrijf erin wie u bent, welk besluit u bedoelt en waarom u het er niet mee eens is. Wilt u eerst met ons praten? Bel of mail uw contactpersoon; een gesprek schort de bezwaartermijn niet op.");

        pdf.Paragraph("Met vriendelijke groet,");
        pdf.Paragraph($"namens het college van burgemeester en wethouders van {municipality},");
        pdf.SignatureLines($"{d.BesluitDoor}, {RoleLabel(a.Kader)}");
        return new Result(pdf.Build(), PdfFileName.For("beschikking", a.Persoon, dated));
    }

    private static string LegalBasis(LegalFramework f) => f switch
    {
        LegalFramework.Wmo2015 => "Wet maatschappelijke ondersteuning 2015, artikelen 2.3.2 (onderzoek), 2.3.5 (beslissing op de aanvraag) en 2.3.6 (maatwerkvoorziening), en de Verordening maatschappelijke ondersteuning van de gemeente.",
        LegalFramework.Jeugdwet => "Jeugdwet, artikelen 2.3 (individuele voorziening) en 2.9 (verordening), en de Verordening jeugdhulp van de gemeente.",
        LegalFramework.Participatiewet => "Participatiewet en de verordening van de gemeente die op deze voorziening van toepassing is.",
        _ => "Wet gemeentelijke schuldhulpverlening, artikelen 3 en 4a, en het beleidsplan schuldhulpverlening van de gemeente.",
    };

    private static string RoleLabel(LegalFramework f) => f switch
    {
        LegalFramework.Wmo2015 => "Wmo-consulent",
        LegalFramework.Jeugdwet => "jeugdconsulent",
        LegalFramework.Wgs => "schuldhulpverlener",
        _ => "consulent",
    };

    private static string Long(DateOnly d) => d.ToString("d MMMM yyyy", Dutch);
    private static string Short(DateOnly d) => DutchDate.Format(d);
}
