using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;
using Regie.Web.Features.Involvements;
using Regie.Web.Infrastructure;
using System.Data.Common;

namespace Regie.Web.Tests;

/// <summary>
/// Issue 19: the active rule of an involvement has one home, <see cref="Involvement"/>. Its three forms — the method on
/// an object, the expression for EF and the fragment of the look-up's raw SQL — must say the same of the same rows.
/// </summary>
public sealed class InvolvementRuleTests : IAsyncLifetime
{
    private TestApp _app = default!;
    public async Task InitializeAsync() => _app = await TestApp.StartAsync();
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static Involvement New(string bsn, DateOnly expiresOn) => new()
    {
        Id = Guid.CreateVersion7(), Gemeentecode = TestApp.Gemeentecode, Bsn = bsn, ContactName = "Anja de Vries", ContactPhone = "14 0999",
        StartedOn = Today.AddYears(-1), ExpiresOn = expiresOn, Reason = "Lopende aanvraag", RegisteredBy = "test", CreatedAt = DateTime.UtcNow,
    };

    /// <summary>One that ended (within its term), one that expired yesterday, one that expires today, an open one.</summary>
    private static IReadOnlyList<Involvement> FourCases()
    {
        var ended = New(TestApp.NextBsn(), Today.AddYears(1));
        ended.End(Today.AddDays(-2), Involvement.WithdrawnReason);
        return [ended, New(TestApp.NextBsn(), Today.AddDays(-1)), New(TestApp.NextBsn(), Today), New(TestApp.NextBsn(), Today.AddYears(2))];
    }

    [Fact]
    public void Only_an_involvement_within_its_term_and_not_ended_is_active_and_the_query_form_says_the_same()
    {
        var cases = FourCases();
        Assert.Equal([false, false, true, true], cases.Select(i => i.IsActiveOn(Today)));
        var query = Involvement.ActiveOn(Today).Compile();
        Assert.Equal(cases.Select(i => i.IsActiveOn(Today)), cases.Select(query));
        Assert.Equal([false, true, true, true], cases.Select(i => i.IsOpen));
        Assert.Equal(cases.Select(i => i.IsOpen), cases.Select(Involvement.Open().Compile()));
        Assert.Equal([false, true, false, false], cases.Select(Involvement.ExpiredBy(Today).Compile()));
    }

    [Fact]
    public void An_ended_involvement_is_neither_ended_again_nor_renewed_and_a_renewal_starts_a_new_term()
    {
        var involvement = New(TestApp.NextBsn(), Today.AddDays(3));
        involvement.Renew(Today, 2);
        Assert.Equal(Today.AddYears(2), involvement.ExpiresOn);
        involvement.End(Today, Involvement.WithdrawnReason);
        Assert.Equal((Today, Involvement.WithdrawnReason), (involvement.EndedOn, involvement.EndReason));
        Assert.Throws<InvalidOperationException>(() => involvement.End(Today, Involvement.ExpiredReason));
        Assert.Throws<InvalidOperationException>(() => involvement.Renew(Today, 2));
        Assert.Equal((Today, Involvement.WithdrawnReason, Today.AddYears(2)), (involvement.EndedOn, involvement.EndReason, involvement.ExpiresOn));
    }

    [Fact]
    public async Task The_raw_sql_of_the_look_up_the_ef_query_and_the_method_agree_on_the_same_rows()
    {
        var cases = FourCases();
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            db.Involvements.AddRange(cases);
            await db.SaveChangesAsync();
        }
        var bsns = cases.Select(i => i.Bsn).ToList();
        var expected = cases.Where(i => i.IsActiveOn(Today)).Select(i => i.Bsn).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, expected.Count);

        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var byQuery = await db.Involvements.Where(Involvement.ActiveOn(Today)).Where(i => bsns.Contains(i.Bsn)).Select(i => i.Bsn).ToListAsync();
            Assert.Equal(expected, byQuery.Order(StringComparer.Ordinal));
            // The fragment as the look-up and the register's load use it: the table as i, the day as $1.
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"""SELECT i."Bsn" FROM "Involvements" i WHERE {Involvement.ActiveOnSql} AND i."Bsn" IN ({string.Join(", ", bsns.Select(b => $"'{b}'"))})""";
            var day = command.CreateParameter();
            day.Value = Today;
            if (db.Database.IsSqlite()) day.ParameterName = "$1";
            command.Parameters.Add(day);
            var bySql = new List<string>();
            await using (DbDataReader reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync()) bySql.Add(reader.GetString(0));
            Assert.Equal(expected, bySql.Order(StringComparer.Ordinal));
        }

        // And the look-up itself (raw SQL or the copy in memory on PostgreSQL, EF on SQLite) names exactly those.
        foreach (var involvement in cases)
        {
            await using var scope = _app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "wonen", "Wonen", Roles.Afdeling, organisation: "Wonen");
            var found = (await scope.ServiceProvider.GetRequiredService<InvolvementLookup>().LookupAsync(involvement.Bsn, "urgentieverklaring", default)).Value!;
            Assert.Equal(involvement.IsActiveOn(Today), found.Betrokken);
        }
    }
}
