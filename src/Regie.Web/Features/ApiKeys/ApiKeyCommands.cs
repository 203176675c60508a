using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using Regie.Web.Infrastructure;
using Regie.Web.Infrastructure.Cli;
using System.CommandLine;

namespace Regie.Web.Features.ApiKeys;

/// <summary><c>apikey create|list|revoke</c>.</summary>
public static class ApiKeyCommands
{
    public static Command Create(CliHost cli)
    {
        var org = new Option<string>("--org") { Description = "Organisatie die de sleutel gebruikt (bij --team: standaard het team; bij --user altijd die van de persoon; bij rol partner een geregistreerde organisatie)" };
        var role = new Option<string>("--role") { Description = $"Rol: {string.Join(", ", Roles.All)} (bij --user: de rol van de persoon)" };
        var team = new Option<string>("--team") { Description = "De sleutel handelt voor dit team (rol professional of teamleider)" };
        var user = new Option<string>("--user") { Description = "De sleutel handelt als deze persoon (e-mailadres): diens rol en team" };
        var gemeente = new Option<string>("--gemeente") { Description = "Gemeentecode (4 cijfers)", DefaultValueFactory = _ => Infrastructure.Demo.DemoSeeder.Gemeentecode };
        var create = new Command("create", "Maak een API-sleutel; de sleutel wordt één keer getoond.") { org, role, team, user, gemeente };
        create.SetAction((pr, ct) => cli.WithAppAsync(async sp =>
        {
            sp.GetRequiredService<CurrentUser>().ActAs(pr.GetValue(gemeente) ?? "", "cli", "Beheer via de opdrachtregel");
            var result = await sp.GetRequiredService<ApiKeyService>()
                .CreateAsync(pr.GetValue(org), pr.GetValue(role), pr.GetValue(gemeente), Environment.UserName, ct, pr.GetValue(team), pr.GetValue(user));
            if (!result.IsValid)
            {
                Console.Error.WriteLine(result.Error!.Message);
                return 2;
            }
            var k = result.Value.Row;
            var scope = await ApiKeyScopeAsync(sp.GetRequiredService<RegieDbContext>(), k, ct);
            await sp.GetRequiredService<Audit.AuditLog>().RecordAsync(Audit.AuditActions.Create, Audit.AuditResources.ApiKey,
                detail: $"sleutel {k.Prefix} voor {k.Organisation}, rol {k.Role}{scope}", ct: ct);
            Console.WriteLine($"API-sleutel voor {k.Organisation} (rol {k.Role}{scope}, gemeente {k.Gemeentecode}, id {k.Id}):");
            Console.WriteLine(result.Value.Key);
            Console.WriteLine("Bewaar de sleutel nu veilig: Regie slaat alleen een hash op en kan hem niet opnieuw tonen.");
            return 0;
        }));

        var list = new Command("list", "Toon de API-sleutels (zonder geheimen).");
        list.SetAction((pr, ct) => cli.WithAppAsync(async sp =>
        {
            var db = sp.GetRequiredService<RegieDbContext>();
            foreach (var k in await db.ApiKeys.OrderBy(k => k.CreatedAt).ToListAsync(ct))
                Console.WriteLine($"{k.Id}  {k.Prefix}  {k.Organisation,-30} {k.Role,-12} {(k.IsActive ? "actief" : "ingetrokken")}  laatst gebruikt: {k.LastUsedAt?.ToString("u") ?? "nooit"}{await ApiKeyScopeAsync(db, k, ct)}");
            return 0;
        }));

        var id = new Argument<string>("sleutel") { Description = "Id of prefix van de sleutel" };
        var revoke = new Command("revoke", "Trek een API-sleutel in.") { id };
        revoke.SetAction((pr, ct) => cli.WithAppAsync(async sp =>
        {
            var k = await sp.GetRequiredService<ApiKeyService>().RevokeAsync(pr.GetValue(id)!, ct);
            if (k is null)
            {
                Console.Error.WriteLine("Geen sleutel gevonden met dit id of prefix.");
                return 2;
            }
            sp.GetRequiredService<CurrentUser>().ActAs(k.Gemeentecode, "cli", "Beheer via de opdrachtregel");
            await sp.GetRequiredService<Audit.AuditLog>().RecordAsync(Audit.AuditActions.Update, Audit.AuditResources.ApiKey, detail: $"sleutel {k.Prefix} ingetrokken", ct: ct);
            Console.WriteLine($"Sleutel {k.Prefix} van {k.Organisation} is ingetrokken; een draaiende server weigert haar binnen {ApiKeyService.RememberFor.TotalSeconds:0} seconden.");
            return 0;
        }));

        return new Command("apikey", "API-sleutels voor systemen van afdelingen en partners.") { create, list, revoke };
    }

    /// <summary>", team X" or ", persoon e-mail (team X)" for a bound key; empty for an organisation's key.</summary>
    private static async Task<string> ApiKeyScopeAsync(RegieDbContext db, ApiKey k, CancellationToken ct)
    {
        var team = k.TeamId is { } t ? await db.Teams.IgnoreQueryFilters().Where(x => x.Id == t).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        if (k.UserId is { } u)
        {
            var email = await db.Users.Where(x => x.Id == u).Select(x => x.Email).FirstOrDefaultAsync(ct) ?? u;
            return team is null ? $", persoon {email}" : $", persoon {email} (team {team})";
        }
        return team is null ? "" : $", team {team}";
    }
}
