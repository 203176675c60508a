using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regie.Domain.Audit;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Regie.Web.Tests;

/// <summary>
/// The names Regie stores for years (ADR 0013): audit actions and resources, timeline event types and the keys of
/// their data. Each is a constant of one catalogue, in one settled form, and nothing is written that is not in it.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class StoredNamesTests
{
    private static List<string> Constants(Type catalogue) =>
        [.. catalogue.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)];

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex("^[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*$")]
    private static partial Regex SubjectDotWhatHappened();

    [GeneratedRegex("^[a-z]+([A-Z][a-z]*)*$")]
    private static partial Regex LowerCamelCase();

    [Fact]
    public void Each_catalogue_holds_unique_names_in_its_settled_form()
    {
        foreach (var (catalogue, form) in new[]
                 {
                     (typeof(AuditActions), KebabCase()), (typeof(AuditResources), KebabCase()),
                     (typeof(EventTypes), SubjectDotWhatHappened()), (typeof(EventDataKeys), LowerCamelCase()),
                 })
        {
            var values = Constants(catalogue);
            Assert.Equal(values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), values.Order(StringComparer.Ordinal));
            Assert.All(values, v => Assert.Matches(form, v));
        }
        Assert.Equal(Constants(typeof(AuditActions)).Order(), AuditActions.All.Order());
        Assert.Equal(Constants(typeof(AuditResources)).Order(), AuditResources.All.Order());
        // A key's constant is the key with a capital: one name for one key, in code and in storage.
        Assert.All(typeof(EventDataKeys).GetFields().Where(f => f.IsLiteral),
            f => Assert.Equal(f.Name, char.ToUpperInvariant(((string)f.GetRawConstantValue()!)[0]) + ((string)f.GetRawConstantValue()!)[1..]));
        // A former name is no current name, and reads as one that is.
        Assert.Empty(AuditResources.Former.Keys.Intersect(AuditResources.All));
        Assert.Empty(AuditResources.Former.Values.Except(AuditResources.All));
        Assert.Empty(EventTypes.Former.Keys.Intersect(Constants(typeof(EventTypes))));
        Assert.Empty(EventTypes.Former.Values.Except(Constants(typeof(EventTypes))));
        Assert.Equal(AuditResources.Referral, AuditResources.Current("verwijzing"));
        Assert.Equal(AuditResources.Household, AuditResources.Current(AuditResources.Household));
    }

    /// <summary>The demo writes the events of every area; the CLI the audit entries of keys and retention.</summary>
    [Fact]
    public async Task Every_name_stored_by_the_demo_and_the_cli_is_in_its_catalogue()
    {
        await using var db = await TestDatabase.CreateAsync();
        string[] database = [$"--Database:Provider={db.Provider}", $"--Database:ConnectionString={db.ConnectionString}", "--Logging:LogLevel:Default=Warning"];
        Assert.Equal(0, (await ConsoleCollection.RunAsync(["seed-demo", "--households", "80", .. database])).Exit);
        Assert.Equal(0, (await ConsoleCollection.RunAsync(["apikey", "create", "--org", "Wonen", "--role", Roles.Afdeling, .. database])).Exit);
        Assert.Equal(0, (await ConsoleCollection.RunAsync(["retention", "run", "--dry-run", .. database])).Exit);

        await using var ctx = TestContexts.Create(db);
        var events = await ctx.HouseholdEvents.IgnoreQueryFilters().AsNoTracking().Select(e => new { e.Type, e.Data }).ToListAsync();
        var types = events.Select(e => e.Type).ToHashSet();
        // A ZRM assessment's data is its scores by leefgebied: the keys are ZrmDomain members, not keys of the catalogue.
        var keys = events.Where(e => e.Data is not null && e.Type != EventTypes.AssessmentRecorded).SelectMany(e => Keys(JsonDocument.Parse(e.Data!).RootElement)).ToHashSet();
        var scored = events.Where(e => e.Type == EventTypes.AssessmentRecorded).SelectMany(e => JsonDocument.Parse(e.Data!).RootElement.EnumerateObject().Select(p => p.Name)).ToHashSet();
        Assert.NotEmpty(scored);
        Assert.Empty(scored.Except(Enum.GetNames<Domain.Assessment.ZrmDomain>()));
        var trail = await ctx.AuditEntries.IgnoreQueryFilters().AsNoTracking().Select(e => new { e.Action, e.Resource }).Distinct().ToListAsync();

        Assert.Empty(types.Except(Constants(typeof(EventTypes))));
        Assert.Empty(keys.Except(Constants(typeof(EventDataKeys))));
        Assert.Empty(trail.Select(e => e.Action).Except(AuditActions.All));
        Assert.Empty(trail.Select(e => e.Resource).Except(AuditResources.All));
        // Not vacuous: the demo's story reaches every area of the timeline, and the CLI's entries are there.
        Assert.Superset(new HashSet<string>
        {
            EventTypes.HouseholdCreated, EventTypes.MemberJoined, EventTypes.RequestScreened, EventTypes.RequestTriaged, EventTypes.TrajectoryOpened,
            EventTypes.EmergencyAccess, EventTypes.Note, EventTypes.ReferralSent, EventTypes.ReportReceived, EventTypes.DecisionTaken,
            EventTypes.SpendPaid, EventTypes.SupportStarted, EventTypes.ResidentRated,
        }, types);
        Assert.Superset(new HashSet<string> { EventDataKeys.Wijk, EventDataKeys.Verzoek, EventDataKeys.Werkwijze, EventDataKeys.Bedrag, EventDataKeys.Cijfer }, keys);
        Assert.Superset(new HashSet<string> { AuditResources.ApiKey, AuditResources.Retention }, trail.Select(e => e.Resource).ToHashSet());
    }

    /// <summary>Every key at every level, except inside <see cref="EventDataKeys.Uitkomsten"/>, whose keys are goal statuses.</summary>
    private static IEnumerable<string> Keys(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject()
            .SelectMany(p => p.Name == EventDataKeys.Uitkomsten ? [p.Name] : Keys(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Keys),
        _ => [],
    };

    /// <summary>
    /// Every place that writes an audit entry names its action and resource by a catalogue constant (or, for the
    /// generic helpers, passes one through): a string typed in a handler is how a second spelling starts.
    /// </summary>
    [Fact]
    public void Every_audit_writer_names_its_action_and_resource_from_the_catalogue()
    {
        var src = Path.Combine(Root(), "src");
        var writes = new List<(string Where, string Action, string Resource)>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in AuditCall().Matches(text))
            {
                var args = Arguments(text, m.Index + m.Length);
                var method = m.Groups["method"].Value;
                // AfterAsync(result, resource, household, person, detail, ct, action = AuditActions.Update);
                // RecordListAsync(resource, detail, shown, ct, action = AuditActions.Read, subjectBsn = null).
                var (action, resource) = method switch
                {
                    "AfterAsync" => (args.Count > 6 ? args[6] : "AuditActions.Update", args[1]),
                    "RecordListAsync" => (args.Count > 4 ? args[4] : "AuditActions.Read", args[0]),
                    _ => (args[0], args[1]),
                };
                writes.Add(($"{Path.GetRelativePath(src, file)}:{text[..m.Index].Count(c => c == '\n') + 1}", action, resource));
            }
        }
        // The generic helpers pass on what their callers name.
        writes.RemoveAll(w => w.Action == "action" && w.Resource == "resource");
        Assert.True(writes.Count > 80, $"{writes.Count} audit writes found");
        Assert.All(writes, w => Assert.True(FromCatalogue(w.Action, "AuditActions") && FromCatalogue(w.Resource, "AuditResources"), $"{w.Where}: {w.Action}, {w.Resource}"));
    }

    private static bool FromCatalogue(string argument, string catalogue) =>
        Regex.IsMatch(argument, $@"^(?:[\w.]*\.)?{catalogue}\.\w+$");

    [GeneratedRegex(@"\b(?:audit|AuditLog>\(\))\.(?<method>RecordAsync|RecordFrequentAsync|AfterAsync|RecordListAsync)\(")]
    private static partial Regex AuditCall();

    /// <summary>The top-level arguments of the call whose opening parenthesis ends just before <paramref name="at"/>.</summary>
    private static List<string> Arguments(string text, int at)
    {
        var args = new List<string>();
        var depth = 0;
        var start = at;
        for (var i = at; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                // Skip a string literal (interpolated holes may hold parentheses but no unbalanced quotes).
                for (i++; i < text.Length && text[i] != '"'; i++) if (text[i] == '\\') i++;
                continue;
            }
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0)
                {
                    args.Add(text[start..i].Trim());
                    return args;
                }
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                args.Add(text[start..i].Trim());
                start = i + 1;
            }
        }
        return args;
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Regie.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Regie.slnx not found above the test's directory.");
    }

    /// <summary>The trail keeps what it was written with (its hashes cover it); whoever reads it reads today's name.</summary>
    [Fact]
    public async Task Entry_written_under_a_former_resource_name_reads_as_todays_and_keeps_its_hash()
    {
        await using var app = await TestApp.StartAsync();
        var household = Guid.CreateVersion7();
        await using (var scope = app.Scope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "oud", "Vorige versie", Roles.Professional);
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(AuditActions.Read, "verwijzing", household, ct: default);
        }
        await using (var scope = app.Scope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(TestApp.Gemeentecode, "privacy", "Privacy officer", Roles.Privacy);
            var search = scope.ServiceProvider.GetRequiredService<AuditSearch>();
            var (page, errors) = await search.SearchAsync(new AuditFilter { Huishouden = household.ToString() }, default);
            Assert.False(errors.HasErrors);
            var row = Assert.Single(page.Rows);
            Assert.Equal((AuditActions.Read, AuditResources.Referral), (row.Action, row.Resource));
            Assert.Contains(";read;referral;", AuditSearch.CsvLine(row), StringComparison.Ordinal);
            Assert.Equal("Verwijzing", Features.Audit.IndexModel.ResourceLabel("verwijzing"));

            var stored = await scope.ServiceProvider.GetRequiredService<RegieDbContext>().AuditEntries.IgnoreQueryFilters().AsNoTracking().OrderBy(e => e.Id).ToListAsync();
            Assert.Equal("verwijzing", stored.Single(e => e.HouseholdId == household && e.ActorId == "oud").Resource);
            Assert.True(AuditChain.Check(stored.Select(AuditLog.ToChained)).Intact);
        }
    }
}
