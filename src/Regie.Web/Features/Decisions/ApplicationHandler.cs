using Regie.Domain.Access;
using Microsoft.EntityFrameworkCore;
using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Coordination;
using Regie.Domain.Decisions;
using Regie.Domain.Registry;
using Regie.Web.Data;
using Regie.Web.Features.Access;
using Regie.Web.Features.Audit;
using Regie.Web.Features.Shared;
using Regie.Web.Features.Timeline;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Decisions;

/// <summary>
/// Applications for custom provisions and their beschikkingen, with the legal terms. The municipal
/// desk (consulent) handles applications of every resident: deciding is its legal task, and it sees
/// the application, not the file. Team members see the applications of households they may open.
/// </summary>
public sealed class ApplicationHandler(RegieDbContext db, FileAccessService access, CurrentUser user, AuditLog audit, TimelineWriter timeline, TimeProvider clock)
{
    public const string PersonUnknownCode = "person-unknown";
    public const string PersonRequiredCode = "person-required";
    public const string DateRequiredCode = "application-date-required";
    public const string OutcomeInvalidCode = "decision-outcome-invalid";
    public const string ProviderUnknownCode = "product-provider-unknown";
    public const string NotAReportCode = "application-not-a-report";
    public const string TooManyProductsCode = "decision-too-many-products";
    public const int MaxProducts = 10;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    private bool IsDesk => user.IsSystem || user.Role == Roles.Consulent;

    public async Task<DecisionTerms> TermsAsync(CancellationToken ct) =>
        (await db.DecisionTermSettings.AsNoTracking().FirstOrDefaultAsync(ct))?.ToTerms() ?? DecisionTerms.Default;

    // ---------------------------------------------------------------- commands

    public async Task<CommandResult<Guid>> RegisterAsync(ApplicationInput input, CancellationToken ct)
    {
        if (!access.IsCareRole) return CommandResult<Guid>.Forbidden();
        var errors = new ErrorList();
        var person = await FindPersonAsync(input, errors, ct);
        var framework = LegalFrameworks.Parse(input.Kader);
        if (framework is null) errors.Add(new DomainError(LegalFrameworks.InvalidCode, "Kader", "Kies het wettelijk kader van de aanvraag."));
        var requested = errors.Take(TextRules.Required(input.Gevraagd, "Gevraagd", "wat er wordt gevraagd", DecisionRules.RequestedMaxLength));
        var reported = ParseDate(input.Meldingsdatum, "Meldingsdatum", "de datum van de melding", errors, DateKind.Happened);
        var applied = ParseDate(input.Aanvraagdatum, "Aanvraagdatum", "de datum van de aanvraag", errors, DateKind.Happened);
        if (framework is { } f)
        {
            if (f != LegalFramework.Wmo2015 && reported is not null)
                errors.Add(new DomainError(NotAReportCode, "Meldingsdatum", "Alleen de Wmo kent een melding met onderzoek; vul de datum van de aanvraag in."));
            else if (reported is null && applied is null && string.IsNullOrWhiteSpace(input.Aanvraagdatum) && string.IsNullOrWhiteSpace(input.Meldingsdatum))
                errors.Add(new DomainError(DateRequiredCode, "Aanvraagdatum",
                    f == LegalFramework.Wmo2015 ? "Vul de datum van de melding of van de aanvraag in." : "Vul de datum van de aanvraag in."));
            errors.Add(DecisionRules.CheckDates(f, reported, applied, Today));
        }
        Guid? householdId = null;
        if (person is not null)
        {
            householdId = await db.HouseholdMembers.Where(m => m.PersonId == person.Id && m.Until == null).OrderByDescending(m => m.From)
                .Select(m => (Guid?)m.HouseholdId).FirstOrDefaultAsync(ct);
            // A team member registers for the households they work with; the desk for every resident.
            if (!IsDesk && (householdId is not { } hid || !await access.MayAsync(hid, FileWork.Change, ct)))
                return CommandResult<Guid>.NotFound("De inwoner");
        }
        if (input.DoelId is { } goalId && !(householdId is { } h && await db.PlanGoals.AnyAsync(g => g.Id == goalId && g.HouseholdId == h, ct)))
            errors.Add(new DomainError(Plans.PlanHandler.GoalNotFoundCode, "DoelId", "Dit doel hoort niet bij het plan van het huishouden van deze inwoner."));
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);

        var terms = await TermsAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var app = new ProvisionApplication
        {
            Id = Guid.CreateVersion7(), Gemeentecode = person!.Gemeentecode, PersonId = person.Id, HouseholdId = householdId, Framework = framework!.Value,
            GoalId = input.DoelId, Requested = requested!, ReportedOn = reported, AppliedOn = applied,
            InvestigationDueOn = Deadlines.InvestigationDue(framework.Value, reported, terms),
            DecisionDueOn = applied is { } a ? Deadlines.DecisionDue(framework.Value, a, 0, terms) : null,
            Status = applied is null ? ApplicationStatus.Melding : ApplicationStatus.InBehandeling,
            HandlerUserId = user.IsSystem ? null : user.ActorId, CreatedBy = Cut(user.ActorId, 64), CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        db.ProvisionApplications.Add(app);
        if (await HouseholdAsync(householdId, ct) is { } household)
        {
            var label = LegalFrameworks.Label(app.Framework);
            if (reported is { } r)
                timeline.Record(household, EventTypes.ReportReceived, $"Melding {label}: {Short(app.Requested)}", r, person.Id,
                    new { aanvraag = app.Id, kader = app.Framework.ToString() });
            if (applied is { } ap)
                timeline.Record(household, EventTypes.ApplicationReceived, $"Aanvraag {label}: {Short(app.Requested)}", ap, person.Id,
                    new { aanvraag = app.Id, kader = app.Framework.ToString() });
        }
        return await audit.AfterAsync(await db.SaveOrConflictAsync(app.Id, ct), AuditResources.Application, householdId, person.Id,
            $"{(applied is null ? "melding" : "aanvraag")} {LegalFrameworks.Label(app.Framework)}", ct, AuditActions.Create);
    }

    /// <summary>A Wmo report becomes an application: the decision term starts on the day it was received.</summary>
    public async Task<CommandResult<int>> ReceiveAsync(Guid id, ReceiveInput input, CancellationToken ct)
    {
        var (app, failure) = await LoadForChangeAsync(id, ct);
        if (app is null) return failure!;
        var errors = new ErrorList();
        if (app.Status != ApplicationStatus.Melding)
            return CommandResult<int>.Invalid(new DomainError(NotAReportCode, "", "De aanvraag is al ontvangen."));
        var applied = ParseDate(input.Aanvraagdatum, "Aanvraagdatum", "de datum van de aanvraag", errors, DateKind.Happened);
        if (applied is null && string.IsNullOrWhiteSpace(input.Aanvraagdatum))
            errors.Add(new DomainError(DateRequiredCode, "Aanvraagdatum", "Vul de datum van de aanvraag in."));
        var done = ParseDate(input.OnderzoekAfgerond, "OnderzoekAfgerond", "de datum van het onderzoeksverslag", errors, DateKind.Happened);
        errors.Add(DecisionRules.CheckDates(app.Framework, app.ReportedOn, applied, Today));
        if (done is { } d && (d > Today || (app.ReportedOn is { } r && d < r)))
            errors.Add(new DomainError(DutchDate.InvalidCode, "OnderzoekAfgerond", "Het onderzoek kan niet vóór de melding of in de toekomst zijn afgerond."));
        if (errors.HasErrors) return CommandResult<int>.Invalid(errors.Errors);
        var terms = await TermsAsync(ct);
        app.AppliedOn = applied;
        app.InvestigationDoneOn = done;
        app.DecisionDueOn = Deadlines.DecisionDue(app.Framework, applied!.Value, 0, terms);
        app.Status = ApplicationStatus.InBehandeling;
        if (await HouseholdAsync(app.HouseholdId, ct) is { } household)
            timeline.Record(household, EventTypes.ApplicationReceived, $"Aanvraag {LegalFrameworks.Label(app.Framework)}: {Short(app.Requested)}", applied, app.PersonId,
                new { aanvraag = app.Id, kader = app.Framework.ToString() });
        return await SaveAsync(app, input.Versie, "aanvraag ontvangen", ct);
    }

    public async Task<CommandResult<int>> ExtendAsync(Guid id, ExtendInput input, CancellationToken ct)
    {
        var (app, failure) = await LoadForChangeAsync(id, ct);
        if (app is null) return failure!;
        var terms = await TermsAsync(ct);
        var errors = DecisionRules.CheckExtension(app.Status, app.ExtensionWeeks, app.DecisionDueOn ?? Today, Today, input.Weken, input.Reden, terms);
        if (errors.Count > 0) return CommandResult<int>.Invalid(errors);
        var reason = TextRules.Optional(input.Reden, "Reden", "de reden", DecisionRules.ExtensionReasonMaxLength);
        if (!reason.IsValid) return CommandResult<int>.Invalid(reason.Error!);
        app.ExtensionWeeks = input.Weken;
        app.ExtensionReason = reason.Value;
        app.ExtendedOn = Today;
        app.DecisionDueOn = Deadlines.DecisionDue(app.Framework, app.AppliedOn!.Value, input.Weken, terms);
        if (await HouseholdAsync(app.HouseholdId, ct) is { } household)
            timeline.Record(household, EventTypes.ApplicationExtended, $"Beslistermijn {LegalFrameworks.Label(app.Framework)} verdaagd met {input.Weken} weken",
                personId: app.PersonId, data: new { aanvraag = app.Id, weken = input.Weken });
        return await SaveAsync(app, input.Versie, $"verdaagd met {input.Weken} weken", ct);
    }

    public async Task<CommandResult<int>> WithdrawAsync(Guid id, WithdrawInput input, CancellationToken ct)
    {
        var (app, failure) = await LoadForChangeAsync(id, ct);
        if (app is null) return failure!;
        if (!ApplicationStatuses.IsOpen(app.Status))
            return CommandResult<int>.Invalid(new DomainError(DecisionRules.AlreadyDecidedCode, "", "Deze aanvraag is al afgehandeld."));
        var reason = TextRules.Required(input.Reden, "Reden", "waarom de aanvraag is ingetrokken", DecisionRules.WithdrawnReasonMaxLength);
        if (!reason.IsValid) return CommandResult<int>.Invalid(reason.Error!);
        app.Status = ApplicationStatus.Ingetrokken;
        app.WithdrawnOn = Today;
        app.WithdrawnReason = reason.Value;
        if (await HouseholdAsync(app.HouseholdId, ct) is { } household)
            timeline.Record(household, EventTypes.ApplicationWithdrawn, $"Aanvraag {LegalFrameworks.Label(app.Framework)} ingetrokken",
                personId: app.PersonId, data: new { aanvraag = app.Id });
        return await SaveAsync(app, input.Versie, "ingetrokken", ct);
    }

    public async Task<CommandResult<Guid>> DecideAsync(Guid id, DecisionInput input, CancellationToken ct)
    {
        var app = await db.ProvisionApplications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (app is null || !await MaySeeAsync(app, ct)) return CommandResult<Guid>.NotFound("De aanvraag");
        if (!access.IsCareRole) return CommandResult<Guid>.Forbidden();
        var errors = new ErrorList();
        var outcome = Enums.ParseDefined<DecisionOutcome>(input.Uitkomst);
        if (outcome is null) errors.Add(new DomainError(OutcomeInvalidCode, "Uitkomst", "Kies de uitkomst: toegekend, deels toegekend of afgewezen."));
        var decidedOn = ParseDate(input.Besluitdatum, "Besluitdatum", "de besluitdatum", errors, DateKind.Happened) ?? (string.IsNullOrWhiteSpace(input.Besluitdatum) ? Today : (DateOnly?)null);
        var reasoning = errors.Take(TextRules.Optional(input.Motivering, "Motivering", "de motivering", DecisionRules.ReasoningMaxLength));
        var entered = input.Producten.Where(p => !p.IsEmpty).ToList();
        if (entered.Count > MaxProducts)
            errors.Add(new DomainError(TooManyProductsCode, "Producten", $"Een beschikking heeft hoogstens {MaxProducts} voorzieningen."));
        if (outcome is { } o && decidedOn is { } dOn)
            errors.AddRange(DecisionRules.CheckDecision(app.Status, app.AppliedOn, dOn, Today, o, reasoning, entered.Count));

        var providerIds = entered.Select(p => p.AanbiederId).OfType<Guid>().Distinct().ToList();
        var providers = providerIds.Count == 0 ? [] : await db.Organisations.Where(o => providerIds.Contains(o.Id) && o.Kind == "partner").Select(o => o.Id).ToListAsync(ct);
        var employer = user.IsSystem ? null : await db.Users.Where(u => u.Id == user.ActorId).Select(u => u.EmployerOrganisationId).FirstOrDefaultAsync(ct);
        var products = new List<DecisionProduct>();
        for (var i = 0; i < input.Producten.Count; i++)
        {
            var p = input.Producten[i];
            if (p.IsEmpty) continue;
            var field = $"Producten[{i}]";
            var before = errors.Errors.Count;
            var from = ParseDate(p.Van, $"{field}.Van", "de begindatum", errors, DateKind.Granted);
            var to = ParseDate(p.Tot, $"{field}.Tot", "de einddatum", errors, DateKind.Granted);
            var datesRefused = errors.Errors.Count > before;
            decimal? cost = null;
            if (!string.IsNullOrWhiteSpace(p.GeschatteKosten))
            {
                if (DecisionRules.TryParseAmount(p.GeschatteKosten, out var c)) cost = c;
                else errors.Add(new DomainError(DecisionRules.CostInvalidCode, $"{field}.GeschatteKosten", "Vul de geschatte kosten in als bedrag in euro's, bijvoorbeeld 3.300,00."));
            }
            var category = string.IsNullOrWhiteSpace(p.Categorie) ? null : p.Categorie.Trim();
            var description = errors.Take(TextRules.Optional(p.Omschrijving, $"{field}.Omschrijving", "de omschrijving", DecisionRules.ProductDescriptionMaxLength));
            // A refused date has its own message at its field; "fill in a period" on top of it would only repeat it.
            errors.AddRange(DecisionRules.CheckProduct(app.Framework, new ProductFacts(category, description, p.Omvang, p.Eenheid?.Trim(), p.Frequentie?.Trim(), from, to, cost), field)
                .Where(e => !(datesRefused && e.Code == DecisionRules.PeriodInvalidCode)));
            if (p.AanbiederId is { } pid && !providers.Contains(pid))
                errors.Add(new DomainError(ProviderUnknownCode, $"{field}.AanbiederId", "Kies een aanbieder uit de lijst van partnerorganisaties."));
            products.Add(new DecisionProduct
            {
                Id = Guid.CreateVersion7(), Gemeentecode = app.Gemeentecode, Position = products.Count + 1, Category = category, Description = description,
                Volume = p.Omvang ?? 0, Unit = p.Eenheid?.Trim() ?? "", Frequency = p.Frequentie?.Trim() ?? "", From = from ?? default, To = to ?? default,
                ProviderOrganisationId = p.AanbiederId, OwnEmployer = Employment.IsOwnEmployer(employer, p.AanbiederId), EstimatedCost = cost,
            });
        }
        if (input.Versie != 0 && input.Versie != app.Version) return CommandResult<Guid>.Conflict();
        if (errors.HasErrors) return CommandResult<Guid>.Invalid(errors.Errors);

        var decision = new Decision
        {
            Id = Guid.CreateVersion7(), Gemeentecode = app.Gemeentecode, ApplicationId = app.Id, PersonId = app.PersonId, HouseholdId = app.HouseholdId,
            Framework = app.Framework, Outcome = outcome!.Value, DecidedOn = decidedOn!.Value, Reasoning = reasoning!,
            DecidedById = Cut(user.ActorId, 64), DecidedByName = Cut(user.ActorName, 200), OwnEmployer = products.Any(p => p.OwnEmployer),
            EstimatedCost = products.Any(p => p.EstimatedCost is not null) ? products.Sum(p => p.EstimatedCost ?? 0m) : null,
            CreatedAt = clock.GetUtcNow().UtcDateTime, Products = products,
        };
        foreach (var p in products) p.DecisionId = decision.Id;
        db.Decisions.Add(decision);
        app.Status = ApplicationStatus.Beslist;
        app.DecidedInTime = app.DecisionDueOn is not { } due || decision.DecidedOn <= due;
        app.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        app.Version++;
        if (await HouseholdAsync(app.HouseholdId, ct) is { } household)
            timeline.Record(household, EventTypes.DecisionTaken,
                $"Beschikking {LegalFrameworks.Label(app.Framework)}: {DecisionOutcomes.Label(decision.Outcome).ToLowerInvariant()} ({Short(app.Requested)})",
                decision.DecidedOn, app.PersonId, new
                {
                    aanvraag = app.Id, beschikking = decision.Id, kader = app.Framework.ToString(), uitkomst = DecisionOutcomes.EventValue(decision.Outcome),
                    productcategorie = products.Select(p => p.Category).FirstOrDefault(c => c is not null),
                    specialistisch = DecisionOutcomes.GrantsSomething(decision.Outcome) && products.Any(p => SpecialistCare.IsSpecialist(app.Framework, p.Category)),
                    geschatteKosten = decision.EstimatedCost, eigenWerkgever = decision.OwnEmployer,
                });
        return await audit.AfterAsync(await db.SaveOrConflictAsync(decision.Id, ct), AuditResources.Application, app.HouseholdId, app.PersonId,
            $"beschikking {DecisionOutcomes.Label(decision.Outcome).ToLowerInvariant()}", ct, AuditActions.Create);
    }

    public async Task<CommandResult<int>> SaveTermsAsync(TermsInput input, CancellationToken ct)
    {
        if (!user.IsSystem && user.Role != Roles.Beheerder) return CommandResult<int>.Forbidden();
        var terms = new DecisionTerms(input.WmoInvestigationWeeks, input.WmoDecisionWeeks, input.JeugdwetWeeks, input.ParticipatiewetWeeks, input.WgsWeeks,
            input.MaxExtensionWeeks, input.DueSoonDays);
        var errors = terms.Check();
        if (errors.Count > 0) return CommandResult<int>.Invalid(errors);
        var row = await db.DecisionTermSettings.FirstOrDefaultAsync(ct);
        if (row is null)
        {
            row = new DecisionTermSettings { Gemeentecode = user.Gemeentecode!, ChangedBy = "", Version = 0 };
            db.DecisionTermSettings.Add(row);
        }
        else if (input.Versie != row.Version) return CommandResult<int>.Conflict();
        row.WmoInvestigationWeeks = terms.WmoInvestigationWeeks;
        row.WmoDecisionWeeks = terms.WmoDecisionWeeks;
        row.JeugdwetWeeks = terms.JeugdwetWeeks;
        row.ParticipatiewetWeeks = terms.ParticipatiewetWeeks;
        row.WgsWeeks = terms.WgsWeeks;
        row.MaxExtensionWeeks = terms.MaxExtensionWeeks;
        row.DueSoonDays = terms.DueSoonDays;
        row.ChangedBy = Cut(user.ActorName, 200);
        row.ChangedAt = clock.GetUtcNow().UtcDateTime;
        row.Version++;
        return await audit.AfterAsync(await db.SaveOrConflictAsync(row.Version, ct), AuditResources.Application, null, null, "wettelijke termijnen gewijzigd", ct);
    }

    public async Task<int> TermsVersionAsync(CancellationToken ct) =>
        await db.DecisionTermSettings.AsNoTracking().Select(t => t.Version).FirstOrDefaultAsync(ct);

    // ---------------------------------------------------------------- queries

    /// <summary>
    /// The desk's worklist: open reports and applications with the term that runs, the most urgent
    /// first; and what was decided in the last 30 days, with whether it was in time.
    /// </summary>
    public async Task<(IReadOnlyList<ApplicationRow> Open, IReadOnlyList<ApplicationRow> Decided)> WorklistAsync(bool mineOnly, LegalFramework? framework, CancellationToken ct)
    {
        if (!access.IsCareRole) return ([], []);
        var since = Today.AddDays(-30);
        var q = db.ProvisionApplications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Melding || a.Status == ApplicationStatus.InBehandeling
                || (a.Status == ApplicationStatus.Beslist && db.Decisions.Any(d => d.ApplicationId == a.Id && d.DecidedOn >= since)));
        if (mineOnly) q = q.Where(a => a.HandlerUserId == user.ActorId);
        if (framework is { } f) q = q.Where(a => a.Framework == f);
        if (!IsDesk)
        {
            var visible = await VisibleHouseholdsAsync(await q.Where(a => a.HouseholdId != null).Select(a => a.HouseholdId!.Value).Distinct().ToListAsync(ct), ct);
            q = q.Where(a => a.HouseholdId != null && visible.Contains(a.HouseholdId.Value));
        }
        var rows = await RowsAsync(q, ct);
        var open = rows.Where(r => ApplicationStatuses.IsOpen(r.Status))
            .OrderByDescending(r => r.Termijn?.Status.Late == true).ThenBy(r => r.Termijn?.Status.Due ?? DateOnly.MaxValue).ToList();
        var decided = rows.Where(r => r.Status == ApplicationStatus.Beslist).OrderByDescending(r => r.Besluitdatum).ToList();
        // One entry per read of the worklist (residents' names and what they asked), with how many it showed; each application opened is its own entry.
        await audit.RecordAsync(AuditActions.Read, AuditResources.Application, ct: ct,
            detail: $"werklijst{(mineOnly ? " (mijn aanvragen)" : "")}{(framework is { } k ? $" ({k})" : "")}: {open.Count} open, {decided.Count} beslist");
        return (open, decided);
    }

    /// <summary>A household's applications for its file, newest first; null when the user may not open the file.</summary>
    public async Task<IReadOnlyList<ApplicationRow>> ForHouseholdAsync(Guid householdId, CancellationToken ct)
    {
        if (!access.IsCareRole || !await access.CanOpenAsync(householdId, ct)) return [];
        var rows = await RowsAsync(db.ProvisionApplications.AsNoTracking().Where(a => a.HouseholdId == householdId), ct);
        return rows.OrderByDescending(r => ApplicationStatuses.IsOpen(r.Status)).ThenByDescending(r => r.Aanvraagdatum).ToList();
    }

    public async Task<ApplicationView?> GetAsync(Guid id, CancellationToken ct, bool audited = true)
    {
        var app = await db.ProvisionApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (app is null || !await MaySeeAsync(app, ct)) return null;
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == app.PersonId)
            .Select(p => new { p.Voornamen, p.Voorvoegsel, p.Achternaam, p.Bsn, p.Geboortedatum }).FirstAsync(ct);
        var household = app.HouseholdId is { } hid ? await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hid, ct) : null;
        var handler = app.HandlerUserId is { } uid ? await db.Users.Where(u => u.Id == uid).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        var terms = await TermsAsync(ct);
        var decisionRow = await db.Decisions.AsNoTracking().Include(d => d.Products).FirstOrDefaultAsync(d => d.ApplicationId == id, ct);
        DecisionView? decision = null;
        if (decisionRow is not null)
        {
            var providerIds = decisionRow.Products.Select(p => p.ProviderOrganisationId).OfType<Guid>().ToList();
            var names = await db.Organisations.AsNoTracking().Where(o => providerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            decision = new DecisionView(decisionRow.Id, decisionRow.Outcome, decisionRow.DecidedOn, decisionRow.Reasoning, decisionRow.DecidedByName,
                decisionRow.OwnEmployer, decisionRow.EstimatedCost,
                decisionRow.Products.OrderBy(p => p.Position).Select(p => new ProductView(p.Position, p.Category, ProductName(app.Framework, p),
                    p.Volume, CodeLists.Wj756.Find(p.Unit)?.Name ?? p.Unit, CodeLists.Wmo757.Find(p.Frequency)?.Name ?? p.Frequency, p.From, p.To,
                    p.ProviderOrganisationId, p.ProviderOrganisationId is { } pid ? names.GetValueOrDefault(pid) : null, p.OwnEmployer, p.EstimatedCost,
                    SpecialistCare.IsSpecialist(app.Framework, p.Category))).ToList());
        }
        if (audited) await audit.RecordAsync(AuditActions.Read, AuditResources.Application, app.HouseholdId, app.PersonId, ct: ct);
        return new ApplicationView(app.Id, app.PersonId, new PersonName(person.Voornamen, person.Voorvoegsel, person.Achternaam).FullName, person.Bsn,
            person.Geboortedatum, app.HouseholdId, household?.Naam, household?.Address.Line1, household?.Address.Line2, app.Framework, app.GoalId, app.Requested,
            app.Status, app.ReportedOn, app.InvestigationDueOn, app.InvestigationDoneOn, app.AppliedOn, app.DecisionDueOn, app.ExtensionWeeks, app.ExtensionReason,
            app.WithdrawnOn, app.WithdrawnReason, Term(app, decisionRow?.DecidedOn, terms), app.DecidedInTime, handler, app.Version, decision);
    }

    /// <summary>The partner organisations a product can be assigned to.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ProvidersAsync(CancellationToken ct) =>
        (await db.Organisations.AsNoTracking().Where(o => o.Kind == "partner").OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
        .Select(o => (o.Id, o.Name)).ToList();

    // ---------------------------------------------------------------- helpers

    private async Task<IReadOnlyList<ApplicationRow>> RowsAsync(IQueryable<ProvisionApplication> q, CancellationToken ct)
    {
        var apps = await q.OrderBy(a => a.CreatedAt).Take(2000).ToListAsync(ct);
        if (apps.Count == 0) return [];
        var ids = apps.Select(a => a.Id).ToList();
        var personIds = apps.Select(a => a.PersonId).Distinct().ToList();
        var persons = await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Voornamen, p.Voorvoegsel, p.Achternaam }).ToListAsync(ct);
        var names = persons.ToDictionary(p => p.Id, p => new PersonName(p.Voornamen, p.Voorvoegsel, p.Achternaam).FullName);
        var handlerIds = apps.Select(a => a.HandlerUserId).OfType<string>().Distinct().ToList();
        var handlers = await db.Users.Where(u => handlerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var decisions = await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.ApplicationId))
            .Select(d => new { d.ApplicationId, d.Outcome, d.DecidedOn }).ToDictionaryAsync(d => d.ApplicationId, ct);
        var terms = await TermsAsync(ct);
        return apps.Select(a =>
        {
            var d = decisions.GetValueOrDefault(a.Id);
            return new ApplicationRow(a.Id, a.PersonId, names.GetValueOrDefault(a.PersonId) ?? "onbekend", a.HouseholdId, a.Framework, a.Requested, a.Status,
                Term(a, d?.DecidedOn, terms), a.HandlerUserId is { } h ? handlers.GetValueOrDefault(h) : null, a.AppliedOn ?? a.ReportedOn, a.DecidedInTime,
                d?.Outcome, d?.DecidedOn);
        }).ToList();
    }

    private TermView? Term(ProvisionApplication a, DateOnly? decidedOn, DecisionTerms terms)
    {
        if (a.Status == ApplicationStatus.Ingetrokken) return null;
        if (a.Status == ApplicationStatus.Melding)
            return a.InvestigationDueOn is { } inv ? new TermView("Onderzoek", Deadlines.Evaluate(inv, Today, a.InvestigationDoneOn, terms.DueSoonDays)) : null;
        return a.DecisionDueOn is { } due ? new TermView("Beschikking", Deadlines.Evaluate(due, Today, decidedOn, terms.DueSoonDays)) : null;
    }

    private static string ProductName(LegalFramework framework, DecisionProduct p) =>
        CodeLists.ProductCategories(framework)?.Find(p.Category) is { } e
            ? $"{e.Name} ({e.Code})" + (p.Description is null ? "" : $": {p.Description}")
            : p.Description ?? p.Category ?? "";

    private async Task<bool> MaySeeAsync(ProvisionApplication app, CancellationToken ct)
    {
        if (!access.IsCareRole) return false;
        if (IsDesk || app.HandlerUserId == user.ActorId) return true;
        return app.HouseholdId is { } hid && await access.CanOpenAsync(hid, ct);
    }

    private async Task<HashSet<Guid>> VisibleHouseholdsAsync(IReadOnlyCollection<Guid> householdIds, CancellationToken ct)
    {
        var decided = await access.DecideManyAsync(householdIds, ct);
        return decided.Where(kv => kv.Value != Domain.Access.FileAccessLevel.Denied).Select(kv => kv.Key).ToHashSet();
    }

    private async Task<(ProvisionApplication? App, CommandResult<int>? Failure)> LoadForChangeAsync(Guid id, CancellationToken ct)
    {
        var app = await db.ProvisionApplications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (app is null || !await MaySeeAsync(app, ct)) return (null, CommandResult<int>.NotFound("De aanvraag"));
        if (!access.IsCareRole) return (null, CommandResult<int>.Forbidden());
        return (app, null);
    }

    private async Task<CommandResult<int>> SaveAsync(ProvisionApplication app, int version, string detail, CancellationToken ct)
    {
        if (version != 0 && version != app.Version) return CommandResult<int>.Conflict();
        app.Version++;
        app.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return await audit.AfterAsync(await db.SaveOrConflictAsync(app.Version, ct), AuditResources.Application, app.HouseholdId, app.PersonId, detail, ct);
    }

    private async Task<Person?> FindPersonAsync(ApplicationInput input, ErrorList errors, CancellationToken ct)
    {
        if (input.PersoonId is { } pid)
        {
            var p = await db.Persons.FirstOrDefaultAsync(x => x.Id == pid && x.AnonymisedAt == null, ct);
            if (p is null) errors.Add(new DomainError(PersonUnknownCode, "PersoonId", "Deze inwoner is niet gevonden."));
            return p;
        }
        if (string.IsNullOrWhiteSpace(input.Bsn))
        {
            errors.Add(new DomainError(PersonRequiredCode, "Bsn", "Vul het BSN van de inwoner in."));
            return null;
        }
        var parsed = Bsn.Parse(input.Bsn);
        if (!parsed.IsValid)
        {
            errors.Add(parsed.Error);
            return null;
        }
        var bsn = parsed.Value.Value;
        var person = await db.Persons.FirstOrDefaultAsync(x => x.Bsn == bsn && x.AnonymisedAt == null, ct);
        if (person is null) errors.Add(new DomainError(PersonUnknownCode, "Bsn", "Er is geen inwoner met dit BSN ingeschreven. Registreer de inwoner eerst."));
        return person;
    }

    private async Task<Household?> HouseholdAsync(Guid? id, CancellationToken ct) =>
        id is { } hid ? await db.Households.FirstOrDefaultAsync(h => h.Id == hid, ct) : null;

    /// <summary>
    /// A date of what happened must be plausible (<see cref="DateRules"/>); one in the future is left to
    /// <see cref="DecisionRules"/>, which names it for what it is. A product's period is <see cref="DateKind.Granted"/>: it may run for years.
    /// </summary>
    private DateOnly? ParseDate(string? text, string field, string label, ErrorList errors, DateKind? kind = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DutchDate.TryParse(text, out var d))
            return kind is { } k && !(k == DateKind.Happened && d > Today) ? DateRules.Plausible(d, k, Today, field, label, errors) : d;
        errors.Add(new DomainError(DutchDate.InvalidCode, field, $"Vul {label} in als dd-mm-jjjj."));
        return null;
    }

    private static string Short(string s) => Text.Truncate(s, 80);
    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
