using Microsoft.EntityFrameworkCore;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Retention;

/// <summary>
/// Retention periods per legal framework, in years after the file ended. Defaults and sources
/// are in README.md ("Retention"); a municipality sets its own in configuration.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";
    /// <summary>Jeugdwet art. 7.3.8: twenty years after the end of care.</summary>
    public int JeugdwetYears { get; set; } = 20;
    /// <summary>No statutory term in the Wmo 2015; a municipal policy choice.</summary>
    public int WmoYears { get; set; } = 15;
    /// <summary>No statutory term for social-assistance files in Regie; seven years follows fiscal record keeping.</summary>
    public int ParticipatiewetYears { get; set; } = 7;
    /// <summary>Wgs: no statutory term for the case file; a municipal policy choice.</summary>
    public int WgsYears { get; set; } = 7;
    /// <summary>A household no team ever worked with: registry data only.</summary>
    public int RegistryOnlyYears { get; set; } = 2;
    public bool JobEnabled { get; set; } = true;
    public int JobIntervalHours { get; set; } = 24;

    /// <summary>
    /// A file a team worked on without any recorded legal framework is kept for the longest framework
    /// period, so nothing is removed too early.
    /// </summary>
    public int TeamFileYears => new[] { JeugdwetYears, WmoYears, ParticipatiewetYears, WgsYears }.Max();

    public int YearsOf(Domain.Care.LegalFramework framework) => framework switch
    {
        Domain.Care.LegalFramework.Jeugdwet => JeugdwetYears,
        Domain.Care.LegalFramework.Wmo2015 => WmoYears,
        Domain.Care.LegalFramework.Participatiewet => ParticipatiewetYears,
        _ => WgsYears,
    };

    /// <summary>
    /// A team's file is kept for the longest period of the frameworks its trajectories recorded: support under
    /// the Jeugdwet keeps the whole household file twenty years, even when later support fell under the Wmo.
    /// </summary>
    public int TeamFileYearsFor(IEnumerable<Domain.Care.LegalFramework> frameworks)
    {
        var years = frameworks.Select(YearsOf).ToList();
        return years.Count == 0 ? TeamFileYears : years.Max();
    }

    /// <summary>
    /// A Meldcode track is kept as its household's file is, counted from the day the track ended (its decision), and at
    /// least for the Jeugdwet's term where it concerns a child: someone under 18 on the day the track opened.
    /// </summary>
    public int MeldcodeYearsFor(IEnumerable<Domain.Care.LegalFramework> frameworks, bool concernsChild) =>
        concernsChild ? Math.Max(JeugdwetYears, TeamFileYearsFor(frameworks)) : TeamFileYearsFor(frameworks);
}

/// <param name="MeldcodeTracks">Meldcode tracks deleted (with their entries and withholdings) because their term had passed.</param>
/// <param name="EarlySignals">Signals of payment arrears whose personal data was cleared (<see cref="VroegsignaleringRetention"/>).</param>
/// <param name="EarlySignalCases">Closed vroegsignaalzaken whose household and notes were cleared.</param>
public sealed record RetentionResult(bool DryRun, int Households, int Persons, int Events, int MeldcodeTracks = 0, int EarlySignals = 0, int EarlySignalCases = 0);

/// <summary>
/// Removes what identifies residents from files whose retention period has passed. Rows stay,
/// anonymised, so the municipality's figures (wijk, dates, event types) still add up.
/// </summary>
public sealed class RetentionService(RegieDbContext db, RetentionOptions options, AuditLog audit, CurrentUser user, TimeProvider clock,
    VroegsignaleringRetention earlySignals)
{
    public const string Anonymous = "Geanonimiseerd";

    public async Task<RetentionResult> RunAsync(bool dryRun, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var registryCutoff = today.AddYears(-options.RegistryOnlyYears);
        // Signals of payment arrears have a term of their own, in months, per municipality: a step of its own, in its own batches.
        var signals = await earlySignals.RunAsync(dryRun, now, ct);

        // Ended households: nobody lives there any more, and the last member left before the cutoff.
        var candidates = await db.Households.IgnoreQueryFilters()
            .Where(h => h.AnonymisedAt == null && h.Members.Any() && h.Members.All(m => m.Until != null))
            .Select(h => new { h.Id, h.ResponsibleTeamId, Ended = h.Members.Max(m => m.Until)!.Value })
            .ToListAsync(ct);
        // A household a team ever had a trajectory with is a team file, also after the team handed it back.
        var candidateIds = candidates.Select(c => c.Id).ToList();
        var trajectories = (await db.Trajectories.IgnoreQueryFilters().Where(t => candidateIds.Contains(t.HouseholdId))
                .Select(t => new { t.HouseholdId, t.Frameworks }).ToListAsync(ct))
            .ToLookup(t => t.HouseholdId, t => Domain.Care.LegalFrameworks.ParseList(t.Frameworks));
        // A Meldcode track about a child keeps its household's file for the Jeugdwet's term too.
        var tracks = await ExpiredTracksAsync(today, ct);
        var expired = candidates.Where(h =>
        {
            var teamFile = h.ResponsibleTeamId is not null || trajectories.Contains(h.Id);
            var years = options.TeamFileYearsFor(trajectories[h.Id].SelectMany(f => f));
            if (tracks.AboutChildren.Contains(h.Id)) years = Math.Max(years, options.JeugdwetYears);
            var cutoff = teamFile ? today.AddYears(-years) : registryCutoff;
            return h.Ended < cutoff;
        }).Select(h => h.Id).ToHashSet();

        // A person goes only when every household they ever belonged to has gone.
        var personIds = await db.HouseholdMembers.IgnoreQueryFilters().Where(m => expired.Contains(m.HouseholdId)).Select(m => m.PersonId).Distinct().ToListAsync(ct);
        var stillKept = await db.HouseholdMembers.IgnoreQueryFilters()
            .Where(m => personIds.Contains(m.PersonId) && !expired.Contains(m.HouseholdId)).Select(m => m.PersonId).Distinct().ToListAsync(ct);
        var persons = personIds.Except(stillKept).ToList();
        var events = await db.HouseholdEvents.IgnoreQueryFilters().CountAsync(e => expired.Contains(e.HouseholdId), ct);
        var result = new RetentionResult(dryRun, expired.Count, persons.Count, events, tracks.Expired.Count, signals.Signals, signals.Cases);
        if (dryRun || (expired.Count == 0 && tracks.Expired.Count == 0))
        {
            await audit.RecordAsync(AuditActions.Retention, AuditResources.Retention,
                detail: $"{(dryRun ? "proefrun" : "run")}: {expired.Count} huishoudens, {persons.Count} personen, {tracks.Expired.Count} meldcodetrajecten, {signals.Signals} vroegsignalen, {signals.Cases} vroegsignaalzaken", ct: ct);
            return result;
        }

        await AnonymiseAsync(expired, persons, personEventsOnly: [], now, ct, tracks.Expired);
        foreach (var (track, household) in tracks.Expired)
            await audit.RecordAsync(AuditActions.Retention, AuditResources.Meldcode, household, detail: $"traject {track} verwijderd: bewaartermijn verstreken", ct: ct);
        await audit.RecordAsync(AuditActions.Retention, AuditResources.Retention,
            detail: $"geanonimiseerd: {expired.Count} huishoudens, {persons.Count} personen, {events} gebeurtenissen, {signals.Signals} vroegsignalen, {signals.Cases} vroegsignaalzaken; verwijderd: {tracks.Expired.Count} meldcodetrajecten", ct: ct);
        return result;
    }

    /// <param name="Expired">Track id → household of the tracks whose term has passed.</param>
    /// <param name="AboutChildren">Households with a track (kept or not) about a child.</param>
    private sealed record TrackRetention(IReadOnlyDictionary<Guid, Guid> Expired, IReadOnlySet<Guid> AboutChildren);

    /// <summary>
    /// The Meldcode tracks whose term has passed (<see cref="RetentionOptions.MeldcodeYearsFor"/>): a track ends with its
    /// decision; an open track only when its household has ended (nobody lives there any more). The term is the
    /// household's team-file term, and the Jeugdwet's where a person concerned was a child when the track opened.
    /// </summary>
    private async Task<TrackRetention> ExpiredTracksAsync(DateOnly today, CancellationToken ct)
    {
        var tracks = await db.MeldcodeTracks.IgnoreQueryFilters()
            .Select(t => new { t.Id, t.HouseholdId, t.OpenedOn, t.DecidedOn, Persons = t.Persons.Select(p => p.PersonId).ToList() })
            .ToListAsync(ct);
        if (tracks.Count == 0) return new TrackRetention(new Dictionary<Guid, Guid>(), new HashSet<Guid>());
        var personIds = tracks.SelectMany(t => t.Persons).Distinct().ToList();
        var born = await db.Persons.IgnoreQueryFilters().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Geboortedatum, ct);
        var householdIds = tracks.Select(t => t.HouseholdId).Distinct().ToList();
        var ended = (await db.Households.IgnoreQueryFilters()
                .Where(h => householdIds.Contains(h.Id) && h.Members.Any() && h.Members.All(m => m.Until != null))
                .Select(h => new { h.Id, Ended = h.Members.Max(m => m.Until)!.Value }).ToListAsync(ct))
            .ToDictionary(h => h.Id, h => h.Ended);
        var frameworks = (await db.Trajectories.IgnoreQueryFilters().Where(t => householdIds.Contains(t.HouseholdId))
                .Select(t => new { t.HouseholdId, t.Frameworks }).ToListAsync(ct))
            .ToLookup(t => t.HouseholdId, t => Domain.Care.LegalFrameworks.ParseList(t.Frameworks));

        bool AboutChild(IEnumerable<Guid> persons, DateOnly opened) =>
            persons.Any(p => born.TryGetValue(p, out var birth) && Domain.Registry.BirthDate.IsMinorOn(birth, opened));
        var aboutChildren = tracks.Where(t => AboutChild(t.Persons, t.OpenedOn)).Select(t => t.HouseholdId).ToHashSet();
        var expired = tracks.Where(t =>
        {
            var end = t.DecidedOn ?? (ended.TryGetValue(t.HouseholdId, out var e) ? e : (DateOnly?)null);
            if (end is not { } until) return false;
            var years = options.MeldcodeYearsFor(frameworks[t.HouseholdId].SelectMany(f => f), AboutChild(t.Persons, t.OpenedOn));
            return until < today.AddYears(-years);
        }).ToDictionary(t => t.Id, t => t.HouseholdId);
        return new TrackRetention(expired, aboutChildren);
    }

    public const string RetentionDutyCode = "erasure-retention-duty";

    /// <summary>
    /// Erasure on request (AVG art. 17) where the law allows it: registry data that no team
    /// worked with. A file a team holds or held falls under a legal retention duty (Jeugdwet,
    /// Wmo policy); such a request is refused here with the reason, for the privacy officer to
    /// weigh by hand.
    /// </summary>
    public async Task<Domain.Common.Result<int>> EraseOnRequestAsync(Guid personId, string? reason, CancellationToken ct)
    {
        var why = Domain.Common.TextRules.Required(reason, "Reden", "de reden van het verzoek", 1000);
        if (!why.IsValid) return why.Error!;
        var households = await db.HouseholdMembers.IgnoreQueryFilters().Where(m => m.PersonId == personId).Select(m => m.HouseholdId).Distinct().ToListAsync(ct);
        var heldByTeam = await db.Households.IgnoreQueryFilters().AnyAsync(h => households.Contains(h.Id) && h.ResponsibleTeamId != null, ct)
                         || await db.HouseholdAccess.IgnoreQueryFilters().AnyAsync(a => households.Contains(a.HouseholdId), ct)
                         // A Meldcode track (even one recorded at the desk) has its own retention term.
                         || await db.MeldcodeTracks.IgnoreQueryFilters().AnyAsync(t => households.Contains(t.HouseholdId), ct);
        if (heldByTeam)
            return new Domain.Common.DomainError(RetentionDutyCode, "Reden",
                "Deze inwoner heeft een dossier bij een wijkteam of partner: daarvoor geldt een wettelijke bewaartermijn. Beoordeel het verzoek met de jurist; Regie wist dit niet automatisch.");
        // Households where nobody else ever lived go as a whole; in shared ones only this person's traces.
        var sharedWithOthers = await db.HouseholdMembers.IgnoreQueryFilters()
            .Where(m => households.Contains(m.HouseholdId) && m.PersonId != personId).Select(m => m.HouseholdId).Distinct().ToListAsync(ct);
        var own = households.Except(sharedWithOthers).ToHashSet();
        await AnonymiseAsync(own, [personId], [personId], clock.GetUtcNow().UtcDateTime, ct);
        await audit.RecordAsync(AuditActions.Erase, AuditResources.Person, personId: personId, purpose: why.Value, detail: $"gewist op verzoek; {own.Count} huishoudens", ct: ct);
        return own.Count;
    }

    private async Task AnonymiseAsync(IReadOnlyCollection<Guid> households, IReadOnlyCollection<Guid> persons, IReadOnlyCollection<Guid> personEventsOnly, DateTime now, CancellationToken ct,
        IReadOnlyDictionary<Guid, Guid>? expiredTracks = null)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var run = new RetentionRun { StartedAt = now, StartedBy = user.ActorName, Households = households.Count, Persons = persons.Count };
        db.RetentionRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var expired = households;

        await db.Households.IgnoreQueryFilters().Where(h => expired.Contains(h.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(h => h.Naam, "Geanonimiseerd huishouden").SetProperty(h => h.Straat, (string?)null).SetProperty(h => h.Huisnummer, 0)
            .SetProperty(h => h.Huisletter, (string?)null).SetProperty(h => h.Toevoeging, (string?)null)
            .SetProperty(h => h.Postcode, h => h.Postcode.Substring(0, 4) + "XX").SetProperty(h => h.AnonymisedAt, now), ct);
        await db.Persons.IgnoreQueryFilters().Where(p => persons.Contains(p.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Bsn, (string?)null).SetProperty(p => p.Voornamen, Anonymous).SetProperty(p => p.Voorvoegsel, (string?)null)
            .SetProperty(p => p.Achternaam, Anonymous).SetProperty(p => p.ZoekNaam, "geanonimiseerd").SetProperty(p => p.ZoekVoornamen, "")
            .SetProperty(p => p.Telefoon, (string?)null).SetProperty(p => p.Email, (string?)null).SetProperty(p => p.AnonymisedAt, now), ct);
        // Event texts name people; type, dates and household stay for the figures.
        run.Events = await db.HouseholdEvents.IgnoreQueryFilters()
            .Where(e => expired.Contains(e.HouseholdId) || (e.PersonId != null && personEventsOnly.Contains(e.PersonId.Value)))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Summary, "[geanonimiseerd]").SetProperty(e => e.Data, (string?)null), ct);

        // The intake's safety check tells the concern in its own words: it goes with the household's file, and with the
        // track it opened when that track's term ends first. The judgement stays for the figures.
        var requestsOfTracks = expiredTracks is null ? [] : await db.MeldcodeTracks.IgnoreQueryFilters()
            .Where(t => expiredTracks.Keys.Contains(t.Id) && t.RequestId != null).Select(t => t.RequestId!.Value).ToListAsync(ct);
        await db.HelpRequests.IgnoreQueryFilters().Where(r => expired.Contains(r.HouseholdId) || requestsOfTracks.Contains(r.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.SafetyAnswers, (string?)null).SetProperty(r => r.SafetyNote, (string?)null), ct);

        // Meldcode tracks past their term go as a whole, with their entries (append-only: never updated, but deleted here),
        // persons and withholdings; the Veilig Verder plan goes with its household's file.
        var tracks = expiredTracks?.Keys.ToList() ?? [];
        if (tracks.Count > 0)
        {
            await db.MeldcodeWithholdings.IgnoreQueryFilters().Where(w => tracks.Contains(w.TrackId)).ExecuteDeleteAsync(ct);
            await db.MeldcodeEntries.IgnoreQueryFilters().Where(e => tracks.Contains(e.TrackId)).ExecuteDeleteAsync(ct);
            await db.Set<MeldcodeTrackPerson>().Where(p => tracks.Contains(p.TrackId)).ExecuteDeleteAsync(ct);
            await db.MeldcodeTracks.IgnoreQueryFilters().Where(t => tracks.Contains(t.Id)).ExecuteDeleteAsync(ct);
        }
        if (expired.Count > 0)
        {
            await db.SafetyGoals.IgnoreQueryFilters().Where(g => expired.Contains(g.HouseholdId)).ExecuteDeleteAsync(ct);
            await db.SafetyArrangements.IgnoreQueryFilters().Where(a => expired.Contains(a.HouseholdId)).ExecuteDeleteAsync(ct);
            await db.SafetyChecks.IgnoreQueryFilters().Where(c => expired.Contains(c.HouseholdId)).ExecuteDeleteAsync(ct);
            var plans = db.VeiligVerderPlans.IgnoreQueryFilters().Where(v => expired.Contains(v.HouseholdId)).Select(v => v.Id);
            await db.VeiligVerderAgreements.IgnoreQueryFilters().Where(a => plans.Contains(a.VeiligVerderPlanId)).ExecuteDeleteAsync(ct);
            await db.VeiligVerderPlans.IgnoreQueryFilters().Where(v => expired.Contains(v.HouseholdId)).ExecuteDeleteAsync(ct);
            // Consents name the member who gave them, progress reports tell what was done: they go with the file.
            await db.Consents.IgnoreQueryFilters().Where(c => expired.Contains(c.HouseholdId)).ExecuteDeleteAsync(ct);
            await db.ActionProgress.IgnoreQueryFilters().Where(p => expired.Contains(p.HouseholdId)).ExecuteDeleteAsync(ct);
        }
        if (expired.Count > 0)
        {
            // Case conferences and documents go with the household's file: invitees name people, minutes, decisions and documents tell the concern.
            await db.ConferenceDecisions.IgnoreQueryFilters().Where(d => expired.Contains(d.HouseholdId)).ExecuteDeleteAsync(ct);
            await db.ConferenceInvitees.IgnoreQueryFilters().Where(i => expired.Contains(i.HouseholdId)).ExecuteDeleteAsync(ct);
            await db.Conferences.IgnoreQueryFilters().Where(c => expired.Contains(c.HouseholdId)).ExecuteDeleteAsync(ct);
            // Documents go with the file too, content and record: withdrawn ones have no content left, only their record.
            await db.DocumentContents.IgnoreQueryFilters().Where(c => expired.Contains(c.HouseholdId)).ExecuteDeleteAsync(ct);
            await db.Documents.IgnoreQueryFilters().Where(d => expired.Contains(d.HouseholdId)).ExecuteDeleteAsync(ct);
            // Contact notes go with the file, every version: they tell what was said with the household.
            await db.ContactNoteVersions.IgnoreQueryFilters().Where(v => expired.Contains(v.HouseholdId)).ExecuteDeleteAsync(ct);
            await db.ContactNotes.IgnoreQueryFilters().Where(n => expired.Contains(n.HouseholdId)).ExecuteDeleteAsync(ct);
            // The network goes with the file: its members are third parties, named with their phone and e-mail, and with who
            // consented. The actions they carried out keep no link to them; the plan's own sections tell the concern.
            await db.PlanActions.IgnoreQueryFilters().Where(a => expired.Contains(a.HouseholdId) && a.NetworkMemberId != null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.NetworkMemberId, (Guid?)null), ct);
            await db.NetworkMembers.IgnoreQueryFilters().Where(n => expired.Contains(n.HouseholdId)).ExecuteDeleteAsync(ct);
            await db.Plans.IgnoreQueryFilters().Where(p => expired.Contains(p.HouseholdId)).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Strengths, (string?)null).SetProperty(p => p.ConcernsJson, (string?)null).SetProperty(p => p.EarlierHelp, (string?)null), ct);
        }
        // In a household that stays, the network keeps no name of an erased person as the one who consented.
        await db.NetworkMembers.IgnoreQueryFilters().Where(n => persons.Contains(n.ConsentBy)).ExecuteUpdateAsync(s => s.SetProperty(n => n.ConsentByName, Anonymous), ct);

        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}

/// <summary>Runs retention on a schedule in the web process; `regie retention run` does the same by hand.</summary>
public sealed class RetentionJob(IServiceScopeFactory scopes, RetentionOptions options, ILogger<RetentionJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.JobEnabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromHours(Math.Max(1, options.JobIntervalHours)));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs("", "retentie", "Bewaartermijnen (automatisch)");
                var r = await scope.ServiceProvider.GetRequiredService<RetentionService>().RunAsync(dryRun: false, stoppingToken);
                log.LogInformation("Retention run: {Households} households, {Persons} persons, {EarlySignals} early signals, {EarlySignalCases} early-signal cases anonymised",
                    r.Households, r.Persons, r.EarlySignals, r.EarlySignalCases);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Retention run failed; it will be tried again at the next interval");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
