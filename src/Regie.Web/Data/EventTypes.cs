namespace Regie.Web.Data;

/// <summary>
/// The <see cref="HouseholdEvent.Type"/> of every timeline event: <c>subject.what-happened</c>, English, lowercase,
/// kebab-case within each part, the second part a past participle (ADR 0003, ADR 0013). The one list: every writer
/// and reader uses these constants. The monitor and the waiting-time figures read the events, so a value here is a
/// stored contract; changing one takes a migration that rewrites the stored events (M0037).
/// </summary>
public static class EventTypes
{
    /// <summary>Data: { wijk, buurt, leden }.</summary>
    public const string HouseholdCreated = "household.created";
    /// <summary>Data: { vanPostcode, naarPostcode, wijk, buurt }.</summary>
    public const string AddressChanged = "household.address-changed";
    /// <summary>Data: { rol, vanHuishouden? }.</summary>
    public const string MemberJoined = "member.joined";
    /// <summary>Data: { reden, naarHuishouden? }.</summary>
    public const string MemberLeft = "member.left";
    public const string PersonRegistered = "person.registered";
    public const string PersonUpdated = "person.updated";
    /// <summary>Data: { oud: { bsn, voornamen, voorvoegsel, achternaam, geboortedatum }, nieuw: (the same), reden }.</summary>
    public const string PersonCorrected = "person.corrected";
    /// <summary>Someone opened the file with emergency access (break the glass). Data: { gebruiker, rol }.</summary>
    public const string EmergencyAccess = "access.emergency-granted";
    /// <summary>Data: { gebruiker, noodtoegang }.</summary>
    public const string Note = "note.added";
    /// <summary>Data: { ZrmDomain member name: score } — leefgebieden as keys, the one Data whose keys are not in EventDataKeys.</summary>
    public const string AssessmentRecorded = "assessment.recorded";
    /// <summary>Data: { regisseur, team, overdracht }.</summary>
    public const string CoordinatorAssigned = "coordinator.assigned";
    /// <summary>Data: { traject, verzoek? }.</summary>
    public const string TrajectoryOpened = "trajectory.opened";
    /// <summary>Data: { traject, reden, eindmeting, dagen, uitkomsten: { goal status name: count } }.</summary>
    public const string TrajectoryClosed = "trajectory.closed";
    /// <summary>Data: { plan, versie }.</summary>
    public const string PlanChanged = "plan.changed";
    /// <summary>Data: { plan, versie, wijze }.</summary>
    public const string PlanAgreed = "plan.agreed";
    /// <summary>Data: { plan }.</summary>
    public const string PlanEvaluated = "plan.evaluated";
    /// <summary>Data: { verzoek, bron, maatwerk }.</summary>
    public const string RequestRegistered = "request.registered";
    /// <summary>The intake: the request screened and a route proposed. Data: { verzoek, klasse, voorstel, werkwijze, leefgebieden }.</summary>
    public const string RequestScreened = "request.screened";
    /// <summary>Data: { verzoek, route, voorstel, afwijkend, werkwijze }.</summary>
    public const string RequestTriaged = "request.triaged";

    // Support, referrals, decisions, spending and ratings. The monitor and the waiting-time figures read
    // these from the event log, so their Data is a contract (keys in EventDataKeys):
    /// <summary>Light support without a decision started. Data: { interventie: Guid, aanbieder: string, eind: "yyyy-MM-dd"? }.</summary>
    public const string SupportStarted = "support.started";
    /// <summary>Data: { interventie: Guid }.</summary>
    public const string SupportEnded = "support.ended";
    /// <summary>Data: { verwijzing: Guid, organisatie: Guid?, dienst: Guid?, soort: "algemeen"|"nulde-lijn"|"maatwerk"|null, eigenWerkgever: bool }.</summary>
    public const string ReferralSent = "referral.sent";
    /// <summary>Data for accepted, declined, started, finished and withdrawn: { verwijzing: Guid }.</summary>
    public const string ReferralAccepted = "referral.accepted";
    public const string ReferralDeclined = "referral.declined";
    public const string ReferralStarted = "referral.started";
    public const string ReferralFinished = "referral.finished";
    /// <summary>The team took a referral back.</summary>
    public const string ReferralWithdrawn = "referral.withdrawn";
    /// <summary>A Wmo report (melding): the investigation starts. Data: { aanvraag: Guid, kader: LegalFramework name }.</summary>
    public const string ReportReceived = "report.received";
    /// <summary>Data: { aanvraag: Guid, kader: LegalFramework name }.</summary>
    public const string ApplicationReceived = "application.received";
    /// <summary>Data: { aanvraag: Guid, weken: int }.</summary>
    public const string ApplicationExtended = "application.extended";
    /// <summary>Data: { aanvraag: Guid }.</summary>
    public const string ApplicationWithdrawn = "application.withdrawn";
    /// <summary>Data: { aanvraag: Guid, beschikking: Guid, kader: LegalFramework name, uitkomst: "toegekend"|"deels"|"afgewezen", productcategorie: string?, specialistisch: bool, geschatteKosten: decimal?, eigenWerkgever: bool }.</summary>
    public const string DecisionTaken = "decision.taken";
    /// <summary>The municipality changed or ended an assignment; a new 301 goes to the provider. Data: { toewijzing: Guid, nummer: int, reden: WMO002/JZ002 code, einddatum: date }.</summary>
    public const string AssignmentChanged = "assignment.changed";
    /// <summary>Data for every spend event: { uitgave: Guid, bedrag: decimal, team: Guid, kaders: [LegalFramework name] }.</summary>
    public const string SpendCommitted = "spend.committed";
    public const string SpendApproved = "spend.approved";
    public const string SpendRefused = "spend.refused";
    public const string SpendPaid = "spend.paid";
    public const string SpendCancelled = "spend.cancelled";
    /// <summary>The resident's rating of the help. Data: { cijfer: 1..10, moment: "afsluiting"|"evaluatie" }.</summary>
    public const string ResidentRated = "resident.rated";
    /// <summary>Someone from the household's network takes part in the plan, with the household's consent. Data: { netwerklid }.</summary>
    public const string NetworkMemberAdded = "network-member.added";
    /// <summary>Data: { netwerklid }.</summary>
    public const string NetworkMemberChanged = "network-member.changed";
    /// <summary>They no longer take part; kept in the file's history. Data: { netwerklid }.</summary>
    public const string NetworkMemberEnded = "network-member.ended";

    // Case conferences (issue 21): what the shared timeline may say, the kind and the moment, never what was discussed.
    /// <summary>Data for every conference event: { overleg: Guid, soort: ConferenceKind name }.</summary>
    public const string ConferencePlanned = "conference.planned";
    public const string ConferenceRescheduled = "conference.rescheduled";
    public const string ConferenceHeld = "conference.held";
    public const string ConferenceCancelled = "conference.cancelled";
    /// <summary>More people invited to a planned conference. Data: { overleg, soort, genodigden: number added }.</summary>
    public const string ConferenceInviteesAdded = "conference.invitees-added";
    /// <summary>An invitation withdrawn. Data: { overleg, soort }.</summary>
    public const string ConferenceInviteeWithdrawn = "conference.invitee-withdrawn";

    // Consent and inkijk (issue 21):
    /// <summary>The household consented to an organisation. Data: { organisatie: Guid, toestemming: Guid }.</summary>
    public const string ConsentGiven = "consent.given";
    /// <summary>Data: { organisatie: Guid, toestemming: Guid }.</summary>
    public const string ConsentRevoked = "consent.revoked";
    /// <summary>A partner reported progress on its action through inkijk. Data: { plan: Guid, actie: Guid, organisatie: Guid }.</summary>
    public const string ActionProgressReported = "action.progress-reported";
    /// <summary>A thread of messages started with an organisation; never its subject or text. Data: { organisatie: Guid, gesprek: Guid }.</summary>
    public const string MessageThreadStarted = "message.thread-started";

    // Contact notes (issue 21): the kind and the date of the contact, never what was said.
    /// <summary>A contact with the household recorded. Data: { contactnotitie: Guid, soort: ContactKind name, versie: 1 }.</summary>
    public const string ContactNoteRecorded = "contact-note.recorded";
    /// <summary>A contact note changed: a new version. Data: { contactnotitie: Guid, soort: ContactKind name, versie: int }.</summary>
    public const string ContactNoteRevised = "contact-note.revised";
    /// <summary>A contact note withdrawn; it stays in the history. Data: { contactnotitie: Guid, soort: ContactKind name, versie: int }.</summary>
    public const string ContactNoteWithdrawn = "contact-note.withdrawn";

    // Vroegsignalering (issue 22): that a case about payment arrears was closed and how, never the amounts.
    /// <summary>A vroegsignaalzaak closed with its DDAS outcome. Data: { zaak: Guid, uitkomst: Eindresultaat name, verzoek: Guid? }.</summary>
    public const string EarlySignalCaseClosed = "early-signal-case.closed";

    // iWmo/iJw (issue 23): the provider's start and stop of an assignment, as its 305 and 307 reported them.
    /// <summary>The provider started the care of an assignment (305). Data: { toewijzing: Guid, aanbieder: Guid, kader: LegalFramework name, productcategorie: string }.</summary>
    public const string CareStarted = "care.started";
    /// <summary>The provider stopped it (307). Data: { toewijzing: Guid, aanbieder: Guid, kader: LegalFramework name, productcategorie: string, reden: WMO588/JZ588 code }.</summary>
    public const string CareStopped = "care.stopped";

    /// <summary>What the names were before ADR 0013; M0037 rewrote the stored events, this is for the record.</summary>
    public static IReadOnlyDictionary<string, string> Former { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["request.intake"] = RequestScreened,
        ["access.emergency"] = EmergencyAccess,
    };
}

/// <summary>
/// The keys of <see cref="HouseholdEvent.Data"/>, at every level: Dutch lowerCamelCase, the words of the API's JSON
/// fields for the same things (ADR 0013). Writers pass anonymous objects whose member names are these keys (a test
/// holds every key written to this list); readers use the constants.
/// </summary>
public static class EventDataKeys
{
    public const string Aanbieder = "aanbieder";
    public const string Aanvraag = "aanvraag";
    public const string Achternaam = "achternaam";
    public const string Actie = "actie";
    public const string Afwijkend = "afwijkend";
    public const string Bedrag = "bedrag";
    public const string Beschikking = "beschikking";
    public const string Bron = "bron";
    public const string Bsn = "bsn";
    public const string Buurt = "buurt";
    public const string Contactnotitie = "contactnotitie";
    public const string Cijfer = "cijfer";
    public const string Dagen = "dagen";
    public const string Dienst = "dienst";
    public const string EigenWerkgever = "eigenWerkgever";
    public const string Eind = "eind";
    public const string Eindmeting = "eindmeting";
    public const string Gebruiker = "gebruiker";
    public const string Geboortedatum = "geboortedatum";
    public const string Gesprek = "gesprek";
    public const string GeschatteKosten = "geschatteKosten";
    public const string Interventie = "interventie";
    public const string Kader = "kader";
    public const string Kaders = "kaders";
    public const string Klasse = "klasse";
    public const string Leden = "leden";
    public const string Leefgebieden = "leefgebieden";
    public const string Maatwerk = "maatwerk";
    public const string Moment = "moment";
    public const string NaarHuishouden = "naarHuishouden";
    public const string NaarPostcode = "naarPostcode";
    public const string Netwerklid = "netwerklid";
    public const string Nieuw = "nieuw";
    public const string Noodtoegang = "noodtoegang";
    public const string Organisatie = "organisatie";
    public const string Oud = "oud";
    public const string Overleg = "overleg";
    public const string Overdracht = "overdracht";
    public const string Plan = "plan";
    public const string Productcategorie = "productcategorie";
    public const string Reden = "reden";
    public const string Regisseur = "regisseur";
    public const string Rol = "rol";
    public const string Route = "route";
    public const string Soort = "soort";
    public const string Specialistisch = "specialistisch";
    public const string Team = "team";
    public const string Toestemming = "toestemming";
    public const string Toewijzing = "toewijzing";
    public const string Traject = "traject";
    public const string Uitgave = "uitgave";
    public const string Uitkomst = "uitkomst";
    /// <summary>An object whose keys are goal status names (values of an enum, not keys of this list).</summary>
    public const string Uitkomsten = "uitkomsten";
    public const string VanHuishouden = "vanHuishouden";
    public const string VanPostcode = "vanPostcode";
    public const string Versie = "versie";
    public const string Verwijzing = "verwijzing";
    public const string Verzoek = "verzoek";
    public const string Voornamen = "voornamen";
    public const string Voorstel = "voorstel";
    public const string Voorvoegsel = "voorvoegsel";
    public const string Weken = "weken";
    public const string Werkwijze = "werkwijze";
    public const string Wijk = "wijk";
    public const string Wijze = "wijze";
    public const string Zaak = "zaak";
}
