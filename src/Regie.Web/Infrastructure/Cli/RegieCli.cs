using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Regie.Web.Data;
using Regie.Web.Infrastructure.Demo;

namespace Regie.Web.Infrastructure.Cli;

public static class RegieCli
{
    /// <summary>Exit code of a call that was not understood: an unknown command, option or argument.</summary>
    public const int NotUnderstood = 2;

    private const string ExitCodes = "Exitcodes: 0 gelukt; 1 mislukt (database, configuratie of fout in de gegevens); 2 opdracht, optie of waarde niet begrepen.";

    public static async Task<int> RunAsync(string[] args)
    {
        var (overrides, tokens) = SplitOverrides(args);
        var root = new RootCommand("Regie: één huishouden, één plan, één regisseur. Zonder opdracht start de webserver. "
            + "Configuratie overschrijven kan bij elke opdracht met --Sleutel=waarde: een token dat begint met '--', direct gevolgd door een hoofdletter, "
            + "met '=' en de waarde in hetzelfde token (bijvoorbeeld --Database:Provider=Postgres of --Urls=http://localhost:5080). "
            + "Al het andere moet een bekende opdracht of optie zijn; anders volgen de melding, de hulp en exitcode 2.");
        root.SetAction((pr, ct) => ServeAsync(overrides, ct));

        var serve = new Command("serve", "Start de webserver (standaard).");
        serve.SetAction((pr, ct) => ServeAsync(overrides, ct));
        root.Subcommands.Add(serve);

        var migrate = new Command("migrate", "Breng het databaseschema naar de nieuwste versie.");
        migrate.SetAction((pr, ct) => WithAppAsync(overrides, async sp =>
        {
            var applied = await Migrations.ApplyAsync(sp, ct);
            Console.WriteLine(applied.Count == 0 ? "Het schema is al bij." : $"Toegepast: {string.Join(", ", applied)}");
            return 0;
        }));
        root.Subcommands.Add(migrate);

        var households = new Option<int>("--households") { Description = "Aantal synthetische huishoudens", DefaultValueFactory = _ => 500 };
        var seed = new Command("seed-demo", "Vul de database met Gemeente Voorbeeld: teams, demo-accounts en synthetische huishoudens.")
        {
            households,
        };
        seed.SetAction((pr, ct) => WithAppAsync(overrides, async sp =>
        {
            var n = pr.GetValue(households);
            if (n is < 0 or > 10_000_000)
            {
                Console.Error.WriteLine("--households moet tussen 0 en 10.000.000 liggen.");
                return 2;
            }
            await Migrations.ApplyAsync(sp, ct);
            var seeder = sp.GetRequiredService<DemoSeeder>();
            await seeder.SeedOrganisationAsync(ct);
            TimeSpan elapsed = default;
            await ProgressDisplay().AutoClear(false).StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"{n:N0} huishoudens", maxValue: Math.Max(1, n));
                elapsed = await seeder.SeedHouseholdsAsync(n, done => task.Value = done, ct);
                task.Value = task.MaxValue;
            });
            Console.WriteLine($"Klaar: {n:N0} huishoudens in {elapsed.TotalSeconds:N1} s.");
            Startup.PrintDemoLogins(Console.Out);
            return 0;
        }));
        root.Subcommands.Add(seed);

        root.Subcommands.Add(ApiKeyCommands(overrides));
        root.Subcommands.Add(InvolvementCommands(overrides));
        root.Subcommands.Add(SocialMapCommands(overrides));
        var monitorRefresh = new Command("refresh", "Bereken de monitor opnieuw voor elke gemeente en elk team (standaardperiode: de laatste twaalf maanden); doet de taak in de server elk uur ook.")
        {
        };
        monitorRefresh.SetAction((pr, ct) => WithAppAsync(overrides, async sp =>
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var computed = await Features.Monitor.MonitorRefreshJob.RefreshAllAsync(sp.GetRequiredService<IServiceScopeFactory>(), ct, force: true);
            Console.WriteLine($"Monitor berekend: {computed} overzichten in {started.Elapsed.TotalSeconds:N1} s.");
            return 0;
        }));
        root.Subcommands.Add(new Command("monitor", "De monitor van doelen en kosten.") { monitorRefresh });

        var dryRun = new Option<bool>("--dry-run") { Description = "Alleen tellen, niets wijzigen" };
        var retentionRun = new Command("run", "Anonimiseer dossiers waarvan de bewaartermijn voorbij is.") { dryRun };
        retentionRun.SetAction((pr, ct) => WithAppAsync(overrides, async sp =>
        {
            sp.GetRequiredService<CurrentUser>().ActAs("", "cli", "Beheer via de opdrachtregel");
            var r = await sp.GetRequiredService<Features.Retention.RetentionService>().RunAsync(pr.GetValue(dryRun), ct);
            Console.WriteLine($"{(r.DryRun ? "Proefrun, niets gewijzigd" : "Geanonimiseerd")}: {r.Households} huishoudens, {r.Persons} personen, {r.Events} gebeurtenissen.");
            return 0;
        }));
        root.Subcommands.Add(new Command("retention", "Bewaartermijnen.") { retentionRun });

        var audit = new Command("audit", "Audittrail.");
        var anchor = new Option<string?>("--anker") { Description = "ID:HASH van een eerder gecontroleerde regel (uit de uitvoer van een vorige controle); ontdekt herschreven of afgekapte regels" };
        var verify = new Command("verify", "Controleer de hele hash-keten van de audittrail; exitcode 1 bij een breuk.") { anchor };
        verify.SetAction((pr, ct) => WithAppAsync(overrides, sp =>
        {
            Domain.Audit.ChainAnchor? expected = null;
            if (pr.GetValue(anchor) is { } text && !Domain.Audit.ChainAnchor.TryParse(text, out expected))
            {
                Console.Error.WriteLine("--anker verwacht ID:HASH, bijvoorbeeld 1234:<64 hexadecimale tekens>.");
                return Task.FromResult(2);
            }
            var db = sp.GetRequiredService<RegieDbContext>();
            // Streams in id order (a data reader, no tracking): the trail may hold millions of entries.
            var entries = db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsEnumerable().Select(Features.Audit.AuditLog.ToChained);
            var report = Domain.Audit.AuditChain.Check(entries, expected);
            if (report.Break is not { } broken)
            {
                Console.WriteLine($"Audittrail intact: {report.Count} regels.");
                if (report.Last is { } last)
                    Console.WriteLine($"Bewaar buiten de database, voor de volgende controle met --anker: {last}");
                return Task.FromResult(0);
            }
            Console.Error.WriteLine(broken.Kind switch
            {
                Domain.Audit.ChainBreakKind.Changed => $"Audittrail gebroken bij regel {broken.Id}: de inhoud is gewijzigd.",
                Domain.Audit.ChainBreakKind.LinkMissing => $"Audittrail gebroken bij regel {broken.Id}: de schakel naar de vorige regel ontbreekt (regel verwijderd of ingevoegd).",
                Domain.Audit.ChainBreakKind.AnchorDiffers => $"Audittrail gebroken bij regel {broken.Id}: de keten klopt, maar wijkt af van het bewaarde anker (herschreven).",
                _ => $"Audittrail gebroken bij regel {broken.Id}: deze geankerde regel ontbreekt (nieuwste regels verwijderd).",
            });
            return Task.FromResult(1);
        }));
        audit.Subcommands.Add(verify);
        root.Subcommands.Add(audit);

        foreach (var command in Commands(root).Where(c => c.Action is not null))
            command.Description = $"{command.Description} {ExitCodes}";

        var parsed = root.Parse(tokens);
        if (parsed.Errors.Count > 0)
        {
            // An unknown command must never fall through to starting the server.
            foreach (var error in parsed.Errors) Console.Error.WriteLine($"Niet begrepen: {error.Message}");
            Console.Error.WriteLine();
            new System.CommandLine.Help.HelpAction().Invoke(parsed);
            return NotUnderstood;
        }
        return await parsed.InvokeAsync();
    }

    /// <summary>
    /// A configuration override is one token "--Key=value" whose key starts with a capital letter (configuration keys
    /// are PascalCase, Regie's options are lower case): "--Database:Provider=Postgres". It goes to the host's configuration;
    /// every other token is parsed as a command, option or argument.
    /// </summary>
    public static (string[] Overrides, string[] Tokens) SplitOverrides(IEnumerable<string> args)
    {
        var overrides = new List<string>();
        var tokens = new List<string>();
        foreach (var arg in args)
            (IsOverride(arg) ? overrides : tokens).Add(arg);
        return (overrides.ToArray(), tokens.ToArray());
    }

    /// <summary>
    /// A progress display on the standard output as it is now. Spectre's static console binds to the output of the
    /// first call in the process and keeps it; a caller that redirects the output per command (the tests do) would
    /// have a later display write, from its refresh thread, into an earlier writer that is already disposed.
    /// </summary>
    private static Progress ProgressDisplay() =>
        AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Out = new AnsiConsoleOutput(Console.Out),
        }).Progress();

    private static bool IsOverride(string arg) =>
        arg.Length > 3 && arg.StartsWith("--", StringComparison.Ordinal) && char.IsAsciiLetterUpper(arg[2]) && arg.IndexOf('=') > 3;

    private static IEnumerable<Command> Commands(Command command) => new[] { command }.Concat(command.Subcommands.SelectMany(Commands));

    private static Command ApiKeyCommands(string[] overrides)
    {
        var org = new Option<string>("--org") { Description = "Organisatie die de sleutel gebruikt (bij --team of --user: standaard het team of de persoon)" };
        var role = new Option<string>("--role") { Description = $"Rol: {string.Join(", ", Roles.All)} (bij --user: de rol van de persoon)" };
        var team = new Option<string>("--team") { Description = "De sleutel handelt voor dit team (rol professional of teamleider)" };
        var user = new Option<string>("--user") { Description = "De sleutel handelt als deze persoon (e-mailadres): diens rol en team" };
        var gemeente = new Option<string>("--gemeente") { Description = "Gemeentecode (4 cijfers)", DefaultValueFactory = _ => Demo.DemoSeeder.Gemeentecode };
        var create = new Command("create", "Maak een API-sleutel; de sleutel wordt één keer getoond.") { org, role, team, user, gemeente };
        create.SetAction((pr, ct) => WithAppAsync(overrides, async sp =>
        {
            sp.GetRequiredService<CurrentUser>().ActAs(pr.GetValue(gemeente) ?? "", "cli", "Beheer via de opdrachtregel");
            var result = await sp.GetRequiredService<Features.ApiKeys.ApiKeyService>()
                .CreateAsync(pr.GetValue(org), pr.GetValue(role), pr.GetValue(gemeente), Environment.UserName, ct, pr.GetValue(team), pr.GetValue(user));
            if (!result.IsValid)
            {
                Console.Error.WriteLine(result.Error!.Message);
                return 2;
            }
            var k = result.Value.Row;
            var scope = await ApiKeyScopeAsync(sp.GetRequiredService<RegieDbContext>(), k, ct);
            await sp.GetRequiredService<Features.Audit.AuditLog>().RecordAsync(Features.Audit.AuditActions.Create, Features.Audit.AuditResources.ApiKey,
                detail: $"sleutel {k.Prefix} voor {k.Organisation}, rol {k.Role}{scope}", ct: ct);
            Console.WriteLine($"API-sleutel voor {k.Organisation} (rol {k.Role}{scope}, gemeente {k.Gemeentecode}, id {k.Id}):");
            Console.WriteLine(result.Value.Key);
            Console.WriteLine("Bewaar de sleutel nu veilig: Regie slaat alleen een hash op en kan hem niet opnieuw tonen.");
            return 0;
        }));

        var list = new Command("list", "Toon de API-sleutels (zonder geheimen).");
        list.SetAction((pr, ct) => WithAppAsync(overrides, async sp =>
        {
            var db = sp.GetRequiredService<RegieDbContext>();
            foreach (var k in await db.ApiKeys.OrderBy(k => k.CreatedAt).ToListAsync(ct))
                Console.WriteLine($"{k.Id}  {k.Prefix}  {k.Organisation,-30} {k.Role,-12} {(k.RevokedAt is null ? "actief" : "ingetrokken")}  laatst gebruikt: {k.LastUsedAt?.ToString("u") ?? "nooit"}{await ApiKeyScopeAsync(db, k, ct)}");
            return 0;
        }));

        var id = new Argument<string>("sleutel") { Description = "Id of prefix van de sleutel" };
        var revoke = new Command("revoke", "Trek een API-sleutel in.") { id };
        revoke.SetAction((pr, ct) => WithAppAsync(overrides, async sp =>
        {
            var k = await sp.GetRequiredService<Features.ApiKeys.ApiKeyService>().RevokeAsync(pr.GetValue(id)!, ct);
            if (k is null)
            {
                Console.Error.WriteLine("Geen sleutel gevonden met dit id of prefix.");
                return 2;
            }
            sp.GetRequiredService<CurrentUser>().ActAs(k.Gemeentecode, "cli", "Beheer via de opdrachtregel");
            await sp.GetRequiredService<Features.Audit.AuditLog>().RecordAsync(Features.Audit.AuditActions.Update, Features.Audit.AuditResources.ApiKey, detail: $"sleutel {k.Prefix} ingetrokken", ct: ct);
            Console.WriteLine($"Sleutel {k.Prefix} van {k.Organisation} is ingetrokken.");
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

    private static Command InvolvementCommands(string[] overrides)
    {
        var file = new Argument<FileInfo>("bestand") { Description = "CSV met kopregel: bsn;leefgebied;contactpersoon;telefoon;email;startdatum;reden (reden mag ontbreken als --reden is gegeven)" };
        var org = new Option<string>("--org") { Description = "Organisatie namens wie wordt geregistreerd", Required = true };
        var reason = new Option<string?>("--reden") { Description = "Waarom de organisatie betrokken is, voor elke regel zonder eigen reden (bijvoorbeeld: lopend schuldhulptraject)" };
        var gemeente = new Option<string>("--gemeente") { Description = "Gemeentecode (4 cijfers)", DefaultValueFactory = _ => Demo.DemoSeeder.Gemeentecode };
        var import = new Command("import", "Lees de lopende betrokkenheid van een organisatie in; elke regel wordt apart opgeslagen of met reden afgewezen. Exitcode 3: een of meer regels afgewezen.") { file, org, gemeente, reason };
        import.SetAction((pr, ct) => WithAppAsync(overrides, async sp =>
        {
            var path = pr.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"Bestand niet gevonden: {path.FullName}");
                return 2;
            }
            var organisation = pr.GetValue(org)!;
            var code = pr.GetValue(gemeente)!;
            var kind = await sp.GetRequiredService<RegieDbContext>().Organisations.IgnoreQueryFilters()
                .Where(o => o.Gemeentecode == code && o.Name == organisation).Select(o => o.Kind).FirstOrDefaultAsync(ct);
            var total = File.ReadLines(path.FullName).Count() - 1;
            Features.Involvements.ImportResult result = default!;
            await ProgressDisplay().StartAsync(async progress =>
            {
                var task = progress.AddTask($"Betrokkenheid van {organisation}", maxValue: Math.Max(1, total));
                using var reader = path.OpenText();
                result = await sp.GetRequiredService<Features.Involvements.InvolvementImport>()
                    .ImportAsync(reader, organisation, code, kind == "afdeling" ? Roles.Afdeling : Roles.Partner, n => task.Value = n, ct, pr.GetValue(reason));
            });
            Console.WriteLine($"Ingelezen: {result.Imported}. Afgewezen: {result.Rejected.Count}.");
            if (result.Rejected.Count == 0) return 0;
            var report = Path.ChangeExtension(path.FullName, ".afgewezen.csv");
            await File.WriteAllLinesAsync(report, result.Rejected.Select(r => $"{r.Line};{r.Bsn};\"{string.Join(" ", r.Reasons).Replace("\"", "'", StringComparison.Ordinal)}\"")
                .Prepend("regel;bsn;reden"), ct);
            foreach (var r in result.Rejected.Take(20)) Console.Error.WriteLine($"Regel {r.Line} ({r.Bsn}): {string.Join(" ", r.Reasons)}");
            Console.Error.WriteLine($"Alle afgewezen regels met reden: {report}");
            return 3;
        }));
        var expire = new Command("expire", "Beëindig registraties waarvan de termijn (Involvement:MaxYears) voorbij is en die niet zijn verlengd; doet de dagelijkse taak ook.");
        expire.SetAction((pr, ct) => WithAppAsync(overrides, async sp =>
        {
            sp.GetRequiredService<CurrentUser>().ActAs("", "cli", "Beheer via de opdrachtregel");
            var ended = await sp.GetRequiredService<Features.Involvements.InvolvementService>().ExpireAsync(ct);
            Console.WriteLine($"Verlopen en beëindigd: {ended}.");
            return 0;
        }));
        return new Command("involvement", "Het betrokkenheidsregister.") { import, expire };
    }

    private static Command SocialMapCommands(string[] overrides)
    {
        var gemeente = new Option<string>("--gemeente") { Description = "Gemeentecode (4 cijfers)", DefaultValueFactory = _ => Demo.DemoSeeder.Gemeentecode };
        var source = new Argument<string>("bestand-of-map") { Description = "HSDS JSON, een CSV-datapakket als .zip of als map, of één CSV-tabel" };
        var import = new Command("import", "Lees een HSDS 3.0-bestand of -map in de sociale kaart; alles of niets. Exitcode 3: het bestand is afgewezen, er is niets gewijzigd.") { source, gemeente };
        import.SetAction((pr, ct) => WithAppAsync(overrides, async sp =>
        {
            var path = pr.GetValue(source)!;
            sp.GetRequiredService<CurrentUser>().ActAs(pr.GetValue(gemeente)!, "cli", "Beheer via de opdrachtregel");
            var exchange = sp.GetRequiredService<Features.SocialMap.SocialMapExchange>();
            Features.SocialMap.ImportReport report;
            if (Directory.Exists(path)) report = await exchange.ImportFolderAsync(path, ct);
            else if (File.Exists(path))
            {
                await using var stream = File.OpenRead(path);
                report = await exchange.ImportFileAsync(Path.GetFileName(path), stream, ct);
            }
            else
            {
                Console.Error.WriteLine($"Bestand of map niet gevonden: {path}");
                return 2;
            }
            foreach (var issue in report.Issues) (issue.IsError ? Console.Error : Console.Out).WriteLine(issue);
            Console.WriteLine(report.Summary);
            return report.Ok ? 0 : 3;
        }));

        var target = new Argument<DirectoryInfo>("map") { Description = "Map voor het CSV-datapakket en de HSDS JSON" };
        var export = new Command("export", "Schrijf de sociale kaart als HSDS 3.0: CSV-datapakket (datapackage.json en een CSV per tabel) en hsds.json. Exitcode 3: niet geschreven.") { target, gemeente };
        export.SetAction((pr, ct) => WithAppAsync(overrides, async sp =>
        {
            var dir = pr.GetValue(target)!;
            dir.Create();
            sp.GetRequiredService<CurrentUser>().ActAs(pr.GetValue(gemeente)!, "cli", "Beheer via de opdrachtregel");
            var exchange = sp.GetRequiredService<Features.SocialMap.SocialMapExchange>();
            var (files, check) = await exchange.ExportPackageAsync(ct);
            foreach (var (name, content) in files) await File.WriteAllBytesAsync(Path.Combine(dir.FullName, name), content, ct);
            var json = await exchange.ExportTabularAsync(ct);
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "hsds.json"), json.ToJsonString(Features.SocialMap.HsdsJson.Indented), ct);
            Console.WriteLine($"Geschreven naar {dir.FullName}: {files.Count} bestanden en hsds.json.");
            if (!sp.GetRequiredService<Features.SocialMap.HsdsSchemaCheck>().Available)
                Console.WriteLine("Niet gecontroleerd tegen de HSDS-schema's: stel SocialMap:HsdsSchemaDirectory in.");
            else if (check.Count == 0) Console.WriteLine("Gecontroleerd tegen de HSDS 3.0-schema's: geldig.");
            else
            {
                foreach (var issue in check.Take(50)) Console.Error.WriteLine(issue);
                return 3;
            }
            return 0;
        }));

        var file = new Argument<FileInfo>("bestand") { Description = "CSV met kopregel: pc4;breedtegraad;lengtegraad;naam" };
        var postcodes = new Command("postcodes", "Lees het midden van de postcodegebieden (PC4) van de gemeente in, voor afstanden op de sociale kaart. Exitcode 3: afgewezen, er is niets gewijzigd.") { file, gemeente };
        postcodes.SetAction((pr, ct) => WithAppAsync(overrides, async sp =>
        {
            var path = pr.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"Bestand niet gevonden: {path.FullName}");
                return 2;
            }
            sp.GetRequiredService<CurrentUser>().ActAs(pr.GetValue(gemeente)!, "cli", "Beheer via de opdrachtregel");
            using var reader = path.OpenText();
            var result = await sp.GetRequiredService<Features.SocialMap.SocialMapAdmin>().ImportPostcodeAreasAsync(reader, ct);
            foreach (var r in result.Rejected) Console.Error.WriteLine(r);
            Console.WriteLine(result.Rejected.Count == 0 ? $"Ingelezen: {result.Imported} postcodegebieden." : "Niet ingelezen; er is niets gewijzigd.");
            return result.Rejected.Count == 0 ? 0 : 3;
        }));
        return new Command("socialmap", "De sociale kaart (Open Referral HSDS 3.0).") { import, export, postcodes };
    }

    private static async Task<int> ServeAsync(string[] hostArgs, CancellationToken ct)
    {
        var app = RegieApp.Build(hostArgs);
        await Startup.PrepareAsync(app.Services, app.Configuration, ct);
        app.Lifetime.ApplicationStarted.Register(() => Startup.PrintBanner(app));
        try
        {
            await app.RunAsync();
        }
        catch (DemoExposedException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        return 0;
    }

    /// <summary>CLI commands use the same composition root as the server, without starting it.</summary>
    private static async Task<int> WithAppAsync(string[] hostArgs, Func<IServiceProvider, Task<int>> run)
    {
        await using var app = RegieApp.Build(hostArgs, b => b.Configuration["Logging:LogLevel:Microsoft.EntityFrameworkCore"] ??= "Warning");
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            return await run(scope.ServiceProvider);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            Console.Error.WriteLine($"Mislukt: {e.Message}");
            return 1;
        }
    }
}

public static class Migrations
{
    public static async Task<IReadOnlyList<string>> ApplyAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<RegieDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0) await db.Database.MigrateAsync(ct);
        return pending;
    }
}

public static class Startup
{
    /// <summary>The embedded default migrates itself and gets the demo municipality on first start, so one command is enough.</summary>
    public static async Task PrepareAsync(IServiceProvider services, IConfiguration config, CancellationToken ct)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        if (options.ShouldMigrateOnStart) await Migrations.ApplyAsync(sp, ct);

        var seedDemo = config.GetValue<bool?>("Demo:SeedOnFirstStart") ?? options.Provider == DatabaseProvider.Sqlite;
        if (!seedDemo) return;
        var seeder = sp.GetRequiredService<DemoSeeder>();
        if (await seeder.IsSeededAsync(ct)) return;
        Console.WriteLine("Eerste start: Gemeente Voorbeeld wordt aangemaakt…");
        await seeder.SeedOrganisationAsync(ct);
        await seeder.SeedHouseholdsAsync(config.GetValue("Demo:Households", 500), null, ct);
    }

    public static void PrintBanner(WebApplication app)
    {
        var urls = string.Join(", ", app.Urls);
        Console.WriteLine();
        Console.WriteLine($"Regie draait op {urls}");
        using var scope = app.Services.CreateScope();
        if (scope.ServiceProvider.GetRequiredService<RegieDbContext>().Municipalities.Any(m => m.Code == DemoSeeder.Gemeentecode))
            PrintDemoLogins(Console.Out);
    }

    public static void PrintDemoLogins(TextWriter output)
    {
        output.WriteLine($"Demo-accounts van {DemoSeeder.GemeenteNaam} (wachtwoord voor allemaal: {DemoSeeder.Password}):");
        foreach (var l in DemoSeeder.Logins)
            output.WriteLine($"  {l.Email,-30} {Roles.Label(l.Role)}{(l.Team is null ? "" : ", " + l.Team)}");
        // Seeding the admin with a printed TOTP key would put a second factor in every log; setting it up is part of the demo.
        output.WriteLine("  De functioneel beheerder stelt bij de eerste keer inloggen tweestapsverificatie in (authenticator-app nodig).");
        output.WriteLine();
    }
}
