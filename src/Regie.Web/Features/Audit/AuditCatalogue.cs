using System.Collections.Frozen;
using System.Reflection;

namespace Regie.Web.Features.Audit;

/// <summary>
/// What an audit entry says was done (its <c>Action</c>): English, lowercase, kebab-case, stored in the
/// hash-chained trail and the look-up journal (ADR 0013). Every writer and reader uses these constants.
/// </summary>
public static class AuditActions
{
    public const string Read = "read";
    public const string Denied = "denied";
    public const string Search = "search";
    public const string Create = "create";
    public const string Update = "update";
    public const string Export = "export";
    public const string BreakGlass = "break-glass";
    public const string Lookup = "lookup";
    /// <summary>A line of the look-up journal that failed its check: reported in the trail instead of chained.</summary>
    public const string JournalRejected = "journal-rejected";
    /// <summary>A retention run (or its dry run) anonymised what had passed its term.</summary>
    public const string Retention = "retention";
    /// <summary>A person's data erased on request (AVG article 17).</summary>
    public const string Erase = "erase";
    /// <summary>Something the user removed on purpose (a saved scenario); the entry keeps what it was.</summary>
    public const string Delete = "delete";

    public static IReadOnlySet<string> All { get; } = AuditCatalogue.Values(typeof(AuditActions));
}

/// <summary>
/// What an audit entry is about (its <c>Resource</c>): English, lowercase, kebab-case; a Dutch domain name only where
/// the concept has no English one in the code either (<c>zrm</c>). The trail is append-only and hash-chained, so
/// entries written before these names were settled keep the Dutch names they were written with;
/// <see cref="Current"/> reads them as today's names (ADR 0013).
/// </summary>
public static class AuditResources
{
    public const string Household = "household";
    public const string Person = "person";
    public const string Timeline = "timeline";
    public const string Assessment = "zrm";
    public const string Audit = "audit";
    public const string Plan = "plan";
    /// <summary>The Veilig Verder plan, the safety annex to the plan: its own resource, so the trail shows who read the safety agreements.</summary>
    public const string SafetyPlan = "safety-plan";
    public const string Trajectory = "trajectory";
    public const string Request = "request";
    public const string Involvement = "involvement";
    public const string Staff = "staff";
    public const string Team = "team";
    public const string Organisation = "organisation";
    public const string TwoFactor = "two-factor";
    public const string ApiKey = "api-key";
    public const string Retention = "retention";
    public const string Triage = "triage";
    public const string SocialMap = "social-map";
    public const string Referral = "referral";
    public const string LightSupport = "light-support";
    public const string Application = "application";
    public const string Spend = "spend";
    public const string Budget = "budget";
    public const string BudgetReport = "budget-report";
    public const string Mandate = "mandate";
    public const string Tariff = "tariff";
    public const string MonitorCost = "monitor-cost";
    /// <summary>A change of working practice recorded for the evaluation of what it did (issue 24).</summary>
    public const string PracticeChange = "practice-change";
    /// <summary>A Meldcode track (huiselijk geweld en kindermishandeling): its reads, its entries and refused reads.</summary>
    public const string Meldcode = "meldcode";
    /// <summary>The household's network (family, neighbours, friends, volunteers) and its eco-map.</summary>
    public const string Network = "network";
    /// <summary>A case conference of a household: its reads and changes (issue 21).</summary>
    public const string Conference = "conference";
    /// <summary>A document in a household's file: its uploads, downloads (export), withdrawals and list reads (issue 21).</summary>
    public const string Document = "document";
    /// <summary>The household's consents per organisation (issue 21): their reads and changes.</summary>
    public const string Consent = "consent";
    /// <summary>Message threads about a household (issue 21).</summary>
    public const string Message = "message";
    /// <summary>Contact notes (klantcontacten) of a household: their reads, new notes and new versions (issue 21).</summary>
    public const string ContactNote = "contact-note";
    /// <summary>Signals of payment arrears (vroegsignalen): every read, receipt, match and retention (issue 22).</summary>
    public const string EarlySignal = "early-signal";
    /// <summary>A vroegsignaalzaak: its reads, contact attempts and closing (issue 22).</summary>
    public const string EarlySignalCase = "early-signal-case";
    /// <summary>The monthly DDAS report to CBS and the municipality's vroegsignalering settings (issue 22).</summary>
    public const string DdasReport = "ddas-report";
    /// <summary>An iWmo/iJw message (issue 23): each one received, accepted or refused, its reads in the list, the page and the API, and its export to the hub.</summary>
    public const string IstandaardMessage = "istandaard-message";
    /// <summary>A saved scenario of the ways of organising (issue 24): saved, deleted and exported by the policy officer.</summary>
    public const string Scenario = "scenario";
    /// <summary>An evaluation of a change of working practice (issue 24): its exports (figures only, never a household).</summary>
    public const string Evaluation = "evaluation";
    /// <summary>The monitor sociaal domein (issue 24 review): its exports as CSV, XLSX and PDF (figures only, never a household).</summary>
    public const string Monitor = "monitor";

    public static IReadOnlySet<string> All { get; } = AuditCatalogue.Values(typeof(AuditResources));

    /// <summary>The names written before ADR 0013, as they stay in the trail and may wait in a journal, and what they are now.</summary>
    public static IReadOnlyDictionary<string, string> Former { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["traject"] = Trajectory,
        ["hulpvraag"] = Request,
        ["betrokkenheid"] = Involvement,
        ["medewerker"] = Staff,
        ["organisatie"] = Organisation,
        ["tweestapsverificatie"] = TwoFactor,
        ["sociale-kaart"] = SocialMap,
        ["verwijzing"] = Referral,
        ["lichte-ondersteuning"] = LightSupport,
        ["aanvraag"] = Application,
        ["uitgave"] = Spend,
        ["budgetrapportage"] = BudgetReport,
        ["mandaat"] = Mandate,
        ["tarief"] = Tariff,
        ["monitorkosten"] = MonitorCost,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// A stored resource as it is called now. For reading only: the hash chain covers the name as it was written,
    /// so verifying the chain reads the stored value, never this.
    /// </summary>
    public static string Current(string stored) => Former.GetValueOrDefault(stored, stored);
}

/// <summary>Who an entry names when no person acted: the actor id and the role of a system action.</summary>
public static class AuditActors
{
    public const string System = "systeem";
}

public static class AuditCatalogue
{
    /// <summary>The values of a catalogue's string constants.</summary>
    public static IReadOnlySet<string> Values(Type catalogue) =>
        catalogue.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToFrozenSet(StringComparer.Ordinal);
}
