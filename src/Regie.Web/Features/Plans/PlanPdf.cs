using Regie.Domain.Assessment;
using Regie.Domain.Care;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Households;
using Regie.Web.Infrastructure.Pdf;
using System.Globalization;

namespace Regie.Web.Features.Plans;

/// <summary>The plan as a Dutch PDF to hand to the household: in their words, with who does what and by when.</summary>
public sealed class PlanPdf(HouseholdQueries households, PlanQueries plans, AuditLog audit, TimeProvider clock, Referrals.LightSupportQueries lightSupport,
    VeiligVerder.VeiligVerderPdf veiligVerder, VeiligVerder.VeiligVerderQueries veiligVerderPlans)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public sealed record Result(byte[] Content, string FileName);

    public async Task<Result?> CreateAsync(Guid householdId, string municipality, CancellationToken ct)
    {
        if (await households.GetAsync(householdId, ct, "plan als PDF") is not { } h) return null;
        if (await plans.CurrentAsync(householdId, ct, audited: false) is not { } plan) return null;
        await audit.RecordAsync(AuditActions.Export, AuditResources.Plan, householdId, detail: $"plan versie {plan.Versie} als PDF", ct: ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var pdf = new PdfDocumentBuilder($"Plan van {h.Naam}", $"{municipality} · Plan van {h.Naam} · versie {plan.Versie}", now)
            .Title($"Ons plan: {h.Naam}", $"Versie {plan.Versie} · gestart op {Long(plan.Gestart)}" + (plan.IsActive ? "" : $" · afgesloten op {Long(plan.Afgesloten!.Value)}"))
            .KeyValues([
                ("Huishouden", string.Join(", ", h.Leden.Select(m => m.Naam))),
                ("Adres", $"{h.Adres.Line1}, {h.Adres.Line2}"),
                ("Regisseur", h.Regisseur is null ? "nog niet bekend" : h.Regisseur + (h.Team is null ? "" : $" ({h.Team})")),
                ("Volgende evaluatie", plan.VolgendeEvaluatie is { } ev ? Long(ev) : "nog niet gepland"),
                ("Wettelijk kader", plan.Kaders.Count == 0 ? "—" : string.Join(", ", plan.Kaders.Select(LegalFrameworks.Label))),
            ]);

        pdf.Heading("Wat goed gaat");
        pdf.Paragraph(plan.Sterktes ?? "Nog niet ingevuld.");
        pdf.Heading("Onze zorgen");
        if (plan.Zorgen is { Count: > 0 } zorgen) pdf.Bullets(zorgen.Select(z => (z.Belangrijkst ? "Belangrijkst: " : "") + z.Wat));
        else pdf.Paragraph("Nog niet ingevuld.");
        pdf.Heading("Eerdere hulp");
        pdf.Paragraph(plan.EerdereHulp ?? "Nog niet ingevuld.");

        // Part of the export, recorded above.
        var support = await lightSupport.ForHouseholdAsync(householdId, ct, audited: false);
        pdf.Heading("Onze doelen");
        if (plan.Doelen.Count == 0) pdf.Paragraph("Er zijn nog geen doelen afgesproken.");
        foreach (var g in plan.Doelen)
        {
            pdf.Paragraph($"{Zrm.Label(g.Leefgebied)}: {g.Wat}" + (g.Persoon is null ? "" : $" ({g.Persoon})"), bold: true);
            pdf.KeyValues([
                ("Wanneer is het gelukt?", g.MeetbaarResultaat),
                ("Wie werkt eraan?", g.Wie),
                ("Klaar op", Long(g.Streefdatum)),
                ("Hoe staat het ervoor?", GoalStatuses.Label(g.Status) + (g.Toelichting is null ? "" : $" — {g.Toelichting}")),
            ]);
            var actions = plan.Acties.Where(a => a.DoelId == g.Id).ToList();
            if (actions.Count > 0) pdf.Bullets(actions.Select(Action));
            var light = support.Where(x => x.DoelId == g.Id).ToList();
            if (light.Count > 0) pdf.Bullets(light.Select(x => $"Lichte ondersteuning: {x.Omschrijving}, door {x.Uitvoerder}, {Long(x.Start)} tot {Long(x.GeplandEinde)}"
                + (x.Beeindigd is { } end ? $" — beëindigd op {Long(end)}" : "")));
        }
        var loose = plan.Acties.Where(a => a.DoelId is null).ToList();
        if (loose.Count > 0)
        {
            pdf.Heading("Andere afspraken over wie wat doet");
            pdf.Bullets(loose.Select(Action));
        }
        pdf.Heading("Afspraken");
        pdf.Paragraph(plan.Afspraken ?? "Geen aanvullende afspraken.");
        pdf.Heading("Akkoord");
        if (plan.Akkoord is { } a && !plan.AkkoordVerouderd)
            pdf.Paragraph($"{a.Naam} ging op {Long(a.Datum)} akkoord met deze versie van het plan ({AgreementWays.Label(a.Wijze).ToLowerInvariant()}).");
        else
        {
            pdf.Paragraph("Met mijn handtekening laat ik weten dat ik het eens ben met dit plan. Ik kan het plan altijd samen met de regisseur aanpassen.");
            pdf.SignatureLines([.. h.Leden.Where(m => m.Rol != Domain.Registry.HouseholdRole.Kind).Select(m => m.Naam), $"{h.Regisseur ?? "Regisseur"}, regisseur"]);
        }
        // The Veilig Verder plan, when there is one, on pages of its own: it can be taken out and handed over alone.
        if (await veiligVerderPlans.CurrentAsync(householdId, ct, audited: false) is { } vv && vv.PlanId == plan.Id)
        {
            await veiligVerder.Exported(householdId, vv, ct);
            VeiligVerder.VeiligVerderPdf.Section(pdf.PageBreak(), h, vv);
        }
        return new Result(pdf.Build(), PdfFileName.For("plan", h.Naam, now));
    }

    private static string Action(ActionView a) =>
        $"{a.Naam} ({ActionOwnerKinds.ShortLabel(a.Uitvoerder)}): {a.Omschrijving}" + (a.Deadline is { } d ? $", uiterlijk {Long(d)}" : "")
        + (a.Gedaan is { } done ? $" — gedaan op {Long(done)}" : "");

    private static string Long(DateOnly d) => d.ToString("d MMMM yyyy", Dutch);
}
