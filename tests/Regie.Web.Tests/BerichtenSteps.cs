using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.IStandaarden;
using Regie.Web.Data;
using Regie.Web.Features.Decisions;
using Regie.Web.Infrastructure;

namespace Regie.Web.Tests;

/// <summary>A decided application with an assignment to a provider, and the iWmo/iJw messages about it, for the exchange's tests.</summary>
public sealed class BerichtenSteps(TestApp app)
{
    public const string Provider = "Zorgaanbieder De Brug";
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
    private static string Ago(int days) => Today.AddDays(-days).ToString("dd-MM-yyyy");

    public sealed record Decided(Guid Household, Guid Person, Guid Decision, Guid Provider, string Agb, Toewijzing Assignment);

    private async Task<AsyncServiceScope> AsUserAsync(string email, string role)
    {
        var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "systeem", "Systeem");
        var user = await sp.GetRequiredService<RegieDbContext>().Users.AsNoTracking().SingleAsync(u => u.Email == email);
        sp.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, user.Id, user.DisplayName, role, user.TeamId);
        return scope;
    }

    /// <summary>The desk grants household help by the provider to a resident of <paramref name="team"/>; the product becomes an assignment.</summary>
    public async Task<Decided> DecidedAsync(string surname, string team = "Wijkteam Noord")
    {
        var (household, person, bsn) = await new Given(app).Resident(surname, "Anna", team: team, birthDate: "12-03-1948");
        Guid provider;
        string agb;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var organisation = await db.Organisations.SingleAsync(o => o.Name == Provider);
            organisation.AgbCode ??= "98765432";
            await db.SaveChangesAsync();
            (provider, agb) = (organisation.Id, organisation.AgbCode);
        }
        await ContractGiven.CoversAsync(app, provider, Regie.Domain.Care.LegalFramework.Wmo2015, "01");
        Guid decision;
        await using (var desk = await AsUserAsync("consulent@voorbeeld.nl", Roles.Consulent))
        {
            var sp = desk.ServiceProvider;
            var id = (await sp.GetRequiredService<RegisterApplicationHandler>().HandleAsync(
                new ApplicationInput { Bsn = bsn, Kader = "Wmo2015", Gevraagd = "Hulp bij het huishouden", Aanvraagdatum = Ago(5) }, default)).Value;
            var application = (await sp.GetRequiredService<DecisionQueries>().GetAsync(id, default))!;
            var decided = await sp.GetRequiredService<DecideApplicationHandler>().HandleAsync(id, new DecisionInput
            {
                Uitkomst = "Toegekend", Versie = application.Versie,
                Motivering = "Uit het onderzoek blijkt dat mevrouw door haar artrose het huis niet zelf kan schoonhouden en dat haar netwerk dit niet kan overnemen.",
                Producten =
                [
                    new ProductInput
                    {
                        Categorie = "01", Omvang = 3, Eenheid = "04", Frequentie = "2", Van = Ago(0), Tot = Today.AddYears(1).AddDays(-1).ToString("dd-MM-yyyy"),
                        AanbiederId = provider, GeschatteKosten = "3.300,00",
                    },
                ],
            }, default);
            Assert.True(decided.IsOk, string.Join("; ", decided.Errors.Select(e => e.Code)));
            decision = decided.Value;
        }
        return new Decided(household, person, decision, provider, agb, await AssignmentAsync(decision));
    }

    /// <summary>The decision's assignment: the one Regie made when it decided, or one made here with the entity's own factory.</summary>
    private async Task<Toewijzing> AssignmentAsync(Guid decisionId)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        if (await db.Toewijzingen.AsNoTracking().FirstOrDefaultAsync(t => t.DecisionId == decisionId) is { } made) return made;
        var decision = await db.Decisions.AsNoTracking().SingleAsync(d => d.Id == decisionId);
        var product = await db.DecisionProducts.AsNoTracking().SingleAsync(p => p.DecisionId == decisionId);
        var nummer = (await db.Toewijzingen.Where(t => t.Framework == decision.Framework).MaxAsync(t => (int?)t.Nummer) ?? 0) + 1;
        var assignment = Toewijzing.Assign(product, decision, nummer, DateTime.UtcNow);
        db.Toewijzingen.Add(assignment);
        await db.SaveChangesAsync();
        return assignment;
    }

    public static string Xml(string identificatie) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><Bericht xmlns="http://www.istandaarden.nl/iwmo/3_2/wmo301/schema"><Header><Identificatie>{identificatie}</Identificatie></Header></Bericht>""";

    public static string NewIdentificatie() => Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static IstandaardBericht Outgoing(Decided d, string identificatie, DateOnly dagtekening, DateTime created, string? problemen = null, string gemeentecode = TestApp.Gemeentecode) =>
        IstandaardBericht.Outgoing(gemeentecode, BerichtSoorten.ByName("WMO301")!, d.Provider, identificatie, dagtekening, d.Person, d.Household, d.Decision,
            Xml(identificatie), problemen, created);

    public async Task<IReadOnlyList<IstandaardBericht>> SaveAsync(params IstandaardBericht[] messages)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        db.IstandaardBerichten.AddRange(messages);
        await db.SaveChangesAsync();
        return messages;
    }
}
