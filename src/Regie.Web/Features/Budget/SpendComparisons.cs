using Regie.Domain.Budget;
using Regie.Domain.Common;

namespace Regie.Web.Features.Budget;

/// <summary>The comparison with the alternative, priced with the tariffs valid now: shown before recording, saved with the spend.</summary>
public sealed class SpendComparisons(BudgetSettings settings)
{
    /// <summary>Null when no quantity was given; errors name the quantity (or the alternative) they belong to.</summary>
    public async Task<CostComparison?> BuildAsync(SpendInput input, ErrorList errors, CancellationToken ct)
    {
        var given = input.Aantallen.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToList();
        if (given.Count == 0) return null;
        var tariffs = (await settings.CurrentTariffsAsync(ct)).ToDictionary(t => t.Code);
        var lines = new List<ComparisonLine>();
        foreach (var (code, text) in given)
        {
            if (!tariffs.TryGetValue(code, out var t))
            {
                errors.Add(new DomainError(Tariffs.TariffUnknownCode, $"Aantallen[{code}]", "Dit tarief staat niet (meer) in de tarieventabel."));
                continue;
            }
            var q = errors.Take(CostComparison.ParseQuantity(text, $"Aantallen[{code}]"));
            if (q > 0) lines.Add(new ComparisonLine(t.Id, t.Code, t.Naam, t.Eenheid, t.Bedrag, t.Bron, q));
        }
        var alternative = errors.Take(TextRules.Optional(input.Alternatief, "Alternatief", "het alternatief", CostComparison.AlternativeMaxLength));
        return lines.Count == 0 ? null : new CostComparison(alternative ?? "Het alternatief", lines);
    }

    public static ComparisonView ToView(CostComparison c, decimal spend) => new(c.Alternative,
        c.Lines.Select(l => new ComparisonLineView(l.TariffId, l.Code, l.Name, l.Unit, l.Tariff, l.Source, l.Quantity, l.Amount)).ToList(),
        c.AlternativeTotal, spend, c.AvoidedEstimate(spend));
}
