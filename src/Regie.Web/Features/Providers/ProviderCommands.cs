using Microsoft.EntityFrameworkCore;
using Regie.Domain.IStandaarden;
using Regie.Web.Data;
using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Cli;
using System.CommandLine;

namespace Regie.Web.Features.Providers;

/// <summary><c>aanbieder agb</c> and <c>aanbieder contract</c>: the provider's AGB code and contract lines from the command line, through the page's handlers.</summary>
public static class ProviderCommands
{
    public static Command Create(CliHost cli)
    {
        var agbName = new Argument<string>("aanbieder") { Description = "De aanbieder zoals in het organisatieoverzicht" };
        var agbCode = new Argument<string>("code") { Description = "De AGB-code (acht cijfers), of 'geen' om haar te wissen" };
        var agbGemeente = Gemeente();
        var agb = new Command("agb", "Leg de AGB-code van een aanbieder vast (acht cijfers, niet beginnend met 00), of wis haar met 'geen'. Exitcode 2: de aanbieder"
            + " bestaat niet of de code is niet goed; er wordt dan niets opgeslagen.") { agbName, agbCode, agbGemeente };
        agb.SetAction((pr, ct) => cli.WithAppAsync(async sp =>
        {
            if (await ProviderAsync(sp, pr.GetValue(agbGemeente)!, pr.GetValue(agbName)!, ct) is not { } provider) return RegieCli.NotUnderstood;
            var value = pr.GetValue(agbCode)!.Trim();
            var input = new AgbCodeInput { AgbCode = value.Equals("geen", StringComparison.OrdinalIgnoreCase) ? null : value };
            var result = await sp.GetRequiredService<SetAgbCodeHandler>().HandleAsync(provider.Id, input, ct);
            if (!result.IsOk) return Refused(result.Errors);
            Console.WriteLine(result.Value!.AgbCode is { } code ? $"{provider.Name} heeft AGB-code {code}." : $"{provider.Name} heeft geen AGB-code meer.");
            return 0;
        }));

        var contractName = new Argument<string>("aanbieder") { Description = "De aanbieder zoals in het organisatieoverzicht" };
        var kader = new Option<string>("--kader") { Description = "wmo of jeugdwet", Required = true };
        var categorie = new Option<string>("--categorie") { Description = "De productcategorie uit WMO020 of JZ020, bijvoorbeeld 02", Required = true };
        var productcode = new Option<string?>("--productcode") { Description = "Optioneel: de productcode (hoogstens 5 letters of cijfers)" };
        var remove = new Option<bool>("--verwijder") { Description = "Verwijder deze contractregel in plaats van haar toe te voegen" };
        var contractGemeente = Gemeente();
        var contract = new Command("contract", "Voeg een contractregel toe aan een aanbieder (of verwijder haar met --verwijder): zij mag deze productcategorie"
            + " leveren. Exitcode 2: de aanbieder of de regel bestaat niet, of een waarde is niet goed; er wordt dan niets opgeslagen.")
            { contractName, kader, categorie, productcode, remove, contractGemeente };
        contract.SetAction((pr, ct) => cli.WithAppAsync(async sp =>
        {
            if (await ProviderAsync(sp, pr.GetValue(contractGemeente)!, pr.GetValue(contractName)!, ct) is not { } provider) return RegieCli.NotUnderstood;
            var input = new ContractInput { Kader = pr.GetValue(kader), Categorie = pr.GetValue(categorie), Productcode = pr.GetValue(productcode) };
            if (!pr.GetValue(remove))
            {
                var added = await sp.GetRequiredService<AddContractHandler>().HandleAsync(provider.Id, input, ct);
                if (!added.IsOk) return Refused(added.Errors);
                var c = added.Value!;
                Console.WriteLine($"{provider.Name} heeft een contract voor {ProviderQueries.Label(Enum.Parse<Regie.Domain.Care.LegalFramework>(c.Kader), c.Categorie, c.Productcode)}.");
                return 0;
            }
            var errors = new Regie.Domain.Common.ErrorList();
            if (ContractRules.Parse(input.Kader, input.Categorie, input.Productcode, errors) is not { } line) return Refused(errors.Errors);
            var db = sp.GetRequiredService<RegieDbContext>();
            var id = await db.ProviderContracts.Where(c => c.OrganisationId == provider.Id && c.Framework == line.Framework && c.Category == line.Category
                && c.ProductCode == line.ProductCode).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
            var label = ProviderQueries.Label(line.Framework, line.Category, line.ProductCode);
            if (id is null)
            {
                Console.Error.WriteLine($"{provider.Name} heeft geen contract voor {label}.");
                return RegieCli.NotUnderstood;
            }
            var removed = await sp.GetRequiredService<RemoveContractHandler>().HandleAsync(provider.Id, id.Value, ct);
            if (!removed.IsOk) return Refused(removed.Errors);
            Console.WriteLine($"Het contract van {provider.Name} voor {label} is verwijderd.");
            return 0;
        }));
        return new Command("aanbieder", "Aanbieders: de AGB-code en de contractregels per productcategorie voor het berichtenverkeer iWmo/iJw.") { agb, contract };
    }

    private static Option<string> Gemeente() =>
        new("--gemeente") { Description = "Gemeentecode (4 cijfers)", DefaultValueFactory = _ => Infrastructure.Demo.DemoSeeder.Gemeentecode };

    private static async Task<(Guid Id, string Name)?> ProviderAsync(IServiceProvider sp, string gemeente, string name, CancellationToken ct)
    {
        sp.GetRequiredService<CurrentUser>().ActAs(gemeente, "cli", "Beheer via de opdrachtregel");
        var trimmed = name.Trim();
        var found = await sp.GetRequiredService<RegieDbContext>().Organisations.AsNoTracking()
            .Where(o => o.Name == trimmed && o.Kind == OrganisationKinds.Partner).Select(o => new { o.Id, o.Name }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            Console.Error.WriteLine($"Geen aanbieder met de naam {trimmed} in gemeente {gemeente}.");
            return null;
        }
        return (found.Id, found.Name);
    }

    private static int Refused(IReadOnlyList<Regie.Domain.Common.DomainError> errors)
    {
        foreach (var e in errors) Console.Error.WriteLine($"{e.Message} ({e.Code})");
        return RegieCli.NotUnderstood;
    }
}
