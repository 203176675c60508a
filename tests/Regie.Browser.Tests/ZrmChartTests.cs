using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Web.Data;

namespace Regie.Browser.Tests;

/// <summary>The ZRM page of a demo household: the summary as a chart next to its table, and the same summary as a PDF.</summary>
public sealed class ZrmChartTests(SeededBrowserFixture fixture) : IClassFixture<SeededBrowserFixture>
{
    [Fact]
    public async Task Professional_sees_the_zrm_summary_as_a_chart_and_downloads_it_as_a_pdf()
    {
        Guid household;
        await using (var scope = fixture.App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
            var team = await db.Users.Where(u => u.Email == "regisseur@voorbeeld.nl").Select(u => u.TeamId).SingleAsync();
            // A household of the worker's own team with assessments at two moments, so "first" and "now" can differ.
            household = await db.Households.Where(h => h.ResponsibleTeamId == team
                    && db.ZrmAssessments.Where(a => a.HouseholdId == h.Id).Select(a => a.AssessedOn).Distinct().Count() > 1)
                .OrderBy(h => h.Naam).Select(h => h.Id).FirstAsync();
        }
        await using var s = await fixture.NewSessionAsync();
        var page = s.Page;
        await s.GotoAsync($"/huishoudens/{household}/zrm");

        const string chart = "Chart.getChart(document.getElementById('zrm-grafiek'))";
        await page.WaitForFunctionAsync($"() => typeof Chart !== 'undefined' && !!{chart}");
        // The chart shows what the table shows: per assessed domain the lowest score at the first assessment and now.
        var rows = page.Locator("table tbody tr");
        var table = new List<(string Domain, int First, int Now)>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var cells = await rows.Nth(i).Locator("th, td").AllInnerTextsAsync();
            if (cells[1].Contains("niet beoordeeld", StringComparison.Ordinal)) continue;
            table.Add((cells[0].Trim(), int.Parse(cells[2].Trim()), int.Parse(cells[1].Trim()[..1])));
        }
        Assert.NotEmpty(table);
        Assert.Equal(table.Select(t => t.Domain), await page.EvaluateAsync<string[]>($"() => {chart}.data.labels"));
        Assert.Equal(table.Select(t => t.First), await page.EvaluateAsync<int[]>($"() => {chart}.data.datasets[0].data"));
        Assert.Equal(table.Select(t => t.Now), await page.EvaluateAsync<int[]>($"() => {chart}.data.datasets[1].data"));
        Assert.Equal("y", await page.EvaluateAsync<string>($"() => {chart}.options.indexAxis"));
        Assert.Equal(5, await page.EvaluateAsync<int>($"() => {chart}.scales.x.max"));
        // Drawn, not just configured: the canvas has pixels in it.
        Assert.True(await page.EvaluateAsync<bool>("() => { const c = document.getElementById('zrm-grafiek'); return c.width > 0 && c.height > 0; }"));
        Assert.Contains("De tabel hieronder geeft dezelfde cijfers", await page.Locator("#zrm-grafiek").GetAttributeAsync("aria-label") ?? "");
        await s.AssertAccessibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "ZRM-overzicht (PDF)" }).ClickAsync());
        Assert.StartsWith("zrm-overzicht-huishouden-", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var head = new byte[5];
        await using (var file = File.OpenRead(path)) await file.ReadExactlyAsync(head);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(head));
        s.AssertNoBrowserProblems();
    }
}
