using Regie.Domain.Care;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Households;
using Regie.Web.Infrastructure.Pdf;
using System.Globalization;

namespace Regie.Web.Features.VeiligVerder;

/// <summary>
/// The Veilig Verder plan as a PDF section, always on pages of its own: printed after the plan in the plan's PDF, or alone,
/// so it can be handed over without the rest of the plan. Both use <see cref="Section"/>.
/// </summary>
public sealed class VeiligVerderPdf(HouseholdQueries households, VeiligVerderQueries queries, AuditLog audit, TimeProvider clock)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public const string SectionTitle = "Veilig Verder-plan";

    /// <summary>The Veilig Verder plan alone; null when the household has none or the user may not see it.</summary>
    public async Task<(byte[] Content, string FileName)?> CreateAsync(Guid householdId, string municipality, CancellationToken ct)
    {
        if (await queries.CurrentAsync(householdId, ct, audited: false) is not { } vv) return null;
        if (await households.GetAsync(householdId, ct, "Veilig Verder-plan als PDF") is not { } h) return null;
        await Exported(householdId, vv, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var pdf = new PdfDocumentBuilder($"{SectionTitle} van {h.Naam}", $"{municipality} · {SectionTitle} van {h.Naam} · versie {vv.Versie}", now);
        Section(pdf, h, vv);
        return (pdf.Build(), PdfFileName.For("veilig-verder-plan", h.Naam, now));
    }

    /// <summary>Records that the Veilig Verder plan left Regie on paper; the plan's PDF calls it for the section it adds.</summary>
    public Task Exported(Guid householdId, VeiligVerderView vv, CancellationToken ct) =>
        audit.RecordAsync(AuditActions.Export, AuditResources.SafetyPlan, householdId, detail: $"Veilig Verder-plan versie {vv.Versie} als PDF", ct: ct);

    /// <summary>Writes the section on the page the builder is on; the caller starts a new page first when something precedes it.</summary>
    public static void Section(PdfDocumentBuilder pdf, HouseholdView h, VeiligVerderView vv)
    {
        pdf.Title($"{SectionTitle}: {h.Naam}", $"Versie {vv.Versie} · gestart op {Long(vv.Gestart)}" + (vv.IsActive ? "" : " · het plan is afgesloten"));
        pdf.Paragraph("Dit plan hoort bij het plan van het huishouden. Het beschrijft wat veilig moet zijn, wat we afspreken als het weer onveilig wordt, en wie controleert of het veilig is.");
        pdf.Heading("Wat moet veilig zijn");
        if (vv.Doelen.Count == 0) pdf.Paragraph("Er zijn nog geen veiligheidsdoelen afgesproken.");
        foreach (var g in vv.Doelen)
        {
            pdf.Paragraph(g.Wat + (g.Persoon is null ? "" : $" ({g.Persoon})"), bold: true);
            pdf.KeyValues([("Veilig op", Long(g.Streefdatum)), ("Hoe staat het ervoor?", SafetyGoalStatuses.Label(g.Status))]);
        }
        pdf.Heading("Als het weer onveilig wordt");
        if (vv.Afspraken.Count == 0) pdf.Paragraph("Er zijn nog geen afspraken gemaakt.");
        else pdf.Bullets(vv.Afspraken.Select(a => $"Bij {a.Signaal}: {a.Naam} — {a.Wat}"));
        pdf.Heading("Wie houdt toezicht");
        if (vv.Toezicht.Count == 0) pdf.Paragraph("Er is nog geen toezicht afgesproken.");
        else pdf.Bullets(vv.Toezicht.Select(c =>
            $"{c.Wie}: {SafetyVocabulary.Label(c.Hoe).ToLowerInvariant()}, {SafetyVocabulary.Frequency(c.Aantal, c.Eenheid)}; volgende keer {Long(c.VolgendeControle)}"));
        pdf.Heading("Akkoord");
        if (vv.Akkoord is { } a && !vv.AkkoordVerouderd)
            pdf.Paragraph($"{a.Naam} ging op {Long(a.Datum)} akkoord met versie {a.Versie} van dit Veilig Verder-plan ({AgreementWays.Label(a.Wijze).ToLowerInvariant()}).");
        else
        {
            pdf.Paragraph("Met mijn handtekening laat ik weten dat ik het eens ben met dit Veilig Verder-plan en de afspraken erin.");
            pdf.SignatureLines([.. h.Leden.Where(m => m.Rol != Domain.Registry.HouseholdRole.Kind).Select(m => m.Naam), $"{h.Regisseur ?? "Regisseur"}, regisseur"]);
        }
    }

    private static string Long(DateOnly d) => d.ToString("d MMMM yyyy", Dutch);
}
