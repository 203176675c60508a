using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Access;
using Regie.Domain.Coordination;
using Regie.Web.Data;
using Regie.Web.Features.Staff;
using Regie.Web.Infrastructure;

namespace Regie.Web.Tests;

public sealed class StaffTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private readonly TestApp _app = fixture.App;

    private AsyncServiceScope AdminScope()
    {
        var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "beheerder", "Beheerder", Roles.Beheerder);
        return scope;
    }

    private async Task<(string UserId, Guid Provider)> ProfessionalAndProviderAsync()
    {
        await using var scope = AdminScope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var user = await db.Users.Where(u => u.Email == "regisseur.zuid@voorbeeld.nl").Select(u => u.Id).SingleAsync();
        var provider = await db.Organisations.Where(o => o.Name == "Zorgaanbieder De Brug").Select(o => o.Id).SingleAsync();
        return (user, provider);
    }

    [Fact]
    public async Task Administrator_records_that_a_professional_is_seconded_by_a_provider_and_it_is_audited()
    {
        var (user, provider) = await ProfessionalAndProviderAsync();
        await using (var scope = AdminScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<SetEmploymentHandler>()
                .HandleAsync(user, new StaffEmploymentInput { Werkgever = "Aanbieder", WerkgeverOrganisatieId = provider }, default);
            Assert.True(result.IsOk);
        }

        await using (var scope = AdminScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user);
            Assert.Equal(EmployerKind.Aanbieder, stored.EmployerKind);
            Assert.Equal(provider, stored.EmployerOrganisationId);
            var row = (await scope.ServiceProvider.GetRequiredService<StaffQueries>().ListAsync(default)).Single(s => s.Id == user);
            Assert.Equal("Zorgaanbieder De Brug", row.Employer);
            Assert.Contains(await db.AuditEntries.Where(a => a.Resource == Regie.Web.Features.Audit.AuditResources.Staff).Select(a => a.Detail).ToListAsync(),
                d => d != null && d.Contains("Koen Verhoeven", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Seconded_staff_without_a_provider_is_refused_and_nothing_changes()
    {
        var (user, provider) = await ProfessionalAndProviderAsync();
        await using var scope = AdminScope();
        var handler = scope.ServiceProvider.GetRequiredService<SetEmploymentHandler>();
        Assert.True((await handler.HandleAsync(user, new StaffEmploymentInput { Werkgever = "Aanbieder", WerkgeverOrganisatieId = provider }, default)).IsOk);

        var missing = await handler.HandleAsync(user, new StaffEmploymentInput { Werkgever = "Aanbieder" }, default);
        Assert.Equal(Employment.EmployerOrganisationRequiredCode, Assert.Single(missing.Errors).Code);
        var unknown = await handler.HandleAsync(user, new StaffEmploymentInput { Werkgever = "Aanbieder", WerkgeverOrganisatieId = Guid.NewGuid() }, default);
        Assert.Equal(StaffRules.EmployerOrganisationUnknownCode, Assert.Single(unknown.Errors).Code);
        var bad = await handler.HandleAsync(user, new StaffEmploymentInput { Werkgever = "Zzp" }, default);
        Assert.Equal(StaffRules.EmployerKindInvalidCode, Assert.Single(bad.Errors).Code);

        var stored = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == user);
        Assert.Equal(provider, stored.EmployerOrganisationId);
    }

    [Fact]
    public async Task Municipal_staff_keep_no_employer_organisation()
    {
        var (user, provider) = await ProfessionalAndProviderAsync();
        await using var scope = AdminScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<SetEmploymentHandler>()
            .HandleAsync(user, new StaffEmploymentInput { Werkgever = "Gemeente", WerkgeverOrganisatieId = provider }, default)).IsOk);
        var stored = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == user);
        Assert.Equal(EmployerKind.Gemeente, stored.EmployerKind);
        Assert.Null(stored.EmployerOrganisationId);
        // Leave the demo as it was for the other tests in this fixture.
        Assert.True((await scope.ServiceProvider.GetRequiredService<SetEmploymentHandler>()
            .HandleAsync(user, new StaffEmploymentInput { Werkgever = "Aanbieder", WerkgeverOrganisatieId = provider }, default)).IsOk);
    }
}
