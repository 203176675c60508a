using Regie.Domain.Assessment;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Households;
using Regie.Web.Infrastructure.Pdf;
using System.Globalization;

namespace Regie.Web.Features.Assessments;

/// <summary>The household's ZRM summary and assessments as a PDF, for a case meeting or the file on paper.</summary>
public sealed class ZrmPdf(HouseholdQueries households, ZrmQueries assessments, AuditLog audit, TimeProvider clock)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public sealed record Result(byte[] Content, string FileName);

    /// <summary>Null when the household does not exist or the user may not see its ZRM (the same rules as the ZRM page).</summary>
    public async Task<Result?> CreateAsync(Guid householdId, string municipality, CancellationToken ct)
    {
        if (await households.GetAsync(householdId, ct, "ZRM-overzicht als PDF") is not { } h) return null;
        // One entry for the whole export, which names the scores it contains.
        if (await assessments.OverviewAsync(householdId, ct, audited: false) is not { } overview) return null;
        await audit.RecordAsync(AuditActions.Export, AuditResources.Assessment, householdId,
            detail: $"ZRM-overzicht als PDF ({overview.Assessments.Count} metingen)", ct: ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var pdf = new PdfDocumentBuilder($"ZRM-overzicht van {h.Naam}", $"{municipality} · ZRM-overzicht van {h.Naam}", now)
            .Title($"ZRM-overzicht: {h.Naam}", "Zelfredzaamheid per leefgebied volgens de Zelfredzaamheid-Matrix")
            .KeyValues([
                ("Huishouden", string.Join(", ", h.Leden.Where(m => m.Tot is null).Select(m => m.Naam))),
                ("Adres", $"{h.Adres.Line1}, {h.Adres.Line2}"),
                ("Regisseur", h.Regisseur is null ? "nog niet bekend" : h.Regisseur + (h.Team is null ? "" : $" ({h.Team})")),
                ("Aantal metingen", overview.Assessments.Count.ToString(Dutch)),
            ]);

        if (overview.Assessments.Count == 0)
        {
            pdf.Paragraph("Er zijn nog geen ZRM-metingen van dit huishouden.");
            return new Result(pdf.Build(), PdfFileName.For("zrm-overzicht", h.Naam, now));
        }

        pdf.Heading("Het huishouden nu")
            .Paragraph("Per leefgebied de laagste score van de leden bij hun laatste meting, naast die bij hun eerste meting.")
            .Table(["Leefgebied", "Nu", "Eerste meting", "Verandering"], [3, 3, 2, 2],
                overview.Summary.Select(s => (IReadOnlyList<string?>)[
                    Zrm.Label(s.Domain),
                    s.Lowest is { } l ? $"{l} {Zrm.ScaleLabel(l)}" : "niet beoordeeld",
                    s.LowestAtFirst?.ToString(Dutch) ?? "—",
                    s.Change is { } c ? (c > 0 ? "+" + c : c.ToString(Dutch)) : "—",
                ]));

        pdf.Heading("Metingen")
            .Table(["Datum", "Lid", "Beoordeeld door", "Scores"], [2, 3, 3, 6],
                overview.Assessments.Select(a => (IReadOnlyList<string?>)[
                    a.Datum.ToString("d MMMM yyyy", Dutch),
                    a.Persoon,
                    a.Beoordelaar,
                    string.Join(", ", a.Scores.Where(s => s.Value is not null).Select(s => $"{Zrm.Label(s.Key)} {s.Value}")),
                ]));

        pdf.Heading("De schaal")
            .Bullets(Enumerable.Range(1, 5).Select(i => $"{i}: {Zrm.ScaleLabel(i)}"));
        return new Result(pdf.Build(), PdfFileName.For("zrm-overzicht", h.Naam, now));
    }
}
