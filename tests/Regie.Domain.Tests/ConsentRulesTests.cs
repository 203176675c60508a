using Regie.Domain.Care;
using Regie.Domain.Common;
using Regie.Domain.Consent;

namespace Regie.Domain.Tests;

public sealed class ConsentRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly Guid Corporation = Guid.NewGuid();
    private static readonly Guid Sanne = Guid.NewGuid();
    private static readonly IReadOnlyDictionary<Guid, string> Members = new Dictionary<Guid, string> { [Sanne] = "Sanne Bakker" };

    private static (ConsentContent? Content, IReadOnlyList<(string Code, string Field)> Errors) Give(Guid? organisation = null, string[]? scopes = null,
        string? on = null, Guid? by = null, params Guid[] active)
    {
        var errors = new ErrorList();
        var content = ConsentRules.CheckGive(new ConsentFields(organisation ?? Corporation, scopes ?? ["inkijk"], on, by ?? Sanne),
            new HashSet<Guid> { Corporation }, Members, active.ToHashSet(), Today, errors);
        return (content, errors.Errors.Select(e => (e.Code, e.Field)).ToList());
    }

    [Fact]
    public void A_member_gives_consent_for_inkijk_and_messages_today_unless_a_day_is_given()
    {
        var (content, errors) = Give(scopes: ["berichten", " Inkijk ", "inkijk"]);
        Assert.Empty(errors);
        Assert.Equal(Corporation, content!.OrganisationId);
        Assert.Equal([ConsentScope.Inkijk, ConsentScope.Berichten], content.Scopes);
        Assert.Equal(Today, content.GivenOn);
        Assert.Equal("Sanne Bakker", content.GivenByName);
        Assert.Equal(new DateOnly(2026, 11, 30), Give(on: "30-11-2026").Content!.GivenOn);
    }

    [Fact]
    public void Consent_needs_a_known_partner_a_scope_a_past_day_and_a_current_member()
    {
        var (content, errors) = Give(organisation: Guid.NewGuid(), scopes: [], on: "08-12-2026", by: Guid.NewGuid());
        Assert.Null(content);
        Assert.Equal([(ConsentRules.OrganisationRequiredCode, "OrganisatieId"), (ConsentRules.ScopeRequiredCode, "Reikwijdte"),
            (DateRules.TooLateCode, "GegevenOp"), (ConsentRules.GivenByRequiredCode, "GegevenDoor")], errors);
        Assert.Equal([(ConsentRules.ScopeInvalidCode, "Reikwijdte")], Give(scopes: ["alles"]).Errors);
        Assert.Equal([(ConsentRules.DateInvalidCode, "GegevenOp")], Give(on: "gisteren").Errors);
    }

    [Fact]
    public void An_organisation_with_an_active_consent_gets_no_second_one_until_it_is_revoked()
    {
        Assert.Equal([(ConsentRules.AlreadyGivenCode, "OrganisatieId")], Give(active: Corporation).Errors);
    }

    [Fact]
    public void A_revocation_is_recorded_once_on_a_day_between_the_consent_and_today()
    {
        var errors = new ErrorList();
        Assert.Equal(Today, ConsentRules.CheckRevoke(new DateOnly(2026, 12, 1), null, null, Today, errors));
        Assert.Equal(new DateOnly(2026, 12, 3), ConsentRules.CheckRevoke(new DateOnly(2026, 12, 1), null, "03-12-2026", Today, errors));
        Assert.Empty(errors.Errors);
        Assert.Null(ConsentRules.CheckRevoke(new DateOnly(2026, 12, 1), Today, null, Today, errors));
        Assert.Null(ConsentRules.CheckRevoke(new DateOnly(2026, 12, 5), null, "04-12-2026", Today, errors));
        Assert.Null(ConsentRules.CheckRevoke(new DateOnly(2026, 12, 5), null, "09-12-2026", Today, errors));
        Assert.Equal([ConsentRules.AlreadyRevokedCode, ConsentRules.RevokedBeforeGivenCode, DateRules.TooLateCode], errors.Errors.Select(e => e.Code));
    }

    [Fact]
    public void A_revoked_consent_is_closed_and_a_stored_consent_covers_only_its_scopes()
    {
        Assert.True(ConsentRules.IsActive(null));
        Assert.False(ConsentRules.IsActive(Today));
        Assert.True(ConsentRules.Covers("Inkijk,Berichten", ConsentScope.Berichten));
        Assert.False(ConsentRules.Covers("Inkijk", ConsentScope.Berichten));
        Assert.False(ConsentRules.Covers("Vervallen", ConsentScope.Inkijk));
        Assert.Equal("Inkijk,Berichten", ConsentScopes.Format([ConsentScope.Berichten, ConsentScope.Inkijk, ConsentScope.Berichten]));
    }

    [Fact]
    public void Inkijk_needs_both_consent_and_involvement()
    {
        Assert.True(InkijkRules.MayLookIn(true, true));
        Assert.False(InkijkRules.MayLookIn(true, false));
        Assert.False(InkijkRules.MayLookIn(false, true));
    }

    [Fact]
    public void A_registration_counts_when_it_was_there_at_consent_or_the_organisation_stayed_involved_since()
    {
        var consent = new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);
        // Registered before the consent was recorded, or after it without a registration ending in between.
        Assert.True(InkijkRules.RegistrationCounts(consent.AddDays(-20), consent, [new DateOnly(2026, 4, 1)]));
        Assert.True(InkijkRules.RegistrationCounts(consent.AddDays(5), consent, []));
        Assert.True(InkijkRules.RegistrationCounts(consent.AddDays(5), consent, [new DateOnly(2026, 3, 9)]));
        // A registration that ended after the consent, the same day or later, and before this one: a gap, so it does not count.
        Assert.False(InkijkRules.RegistrationCounts(consent.AddDays(5), consent, [new DateOnly(2026, 3, 10)]));
        Assert.False(InkijkRules.RegistrationCounts(consent.AddDays(5), consent, [new DateOnly(2026, 3, 15)]));
        Assert.True(InkijkRules.RegistrationCounts(consent.AddDays(5), consent, [new DateOnly(2026, 3, 16)]));
    }

    [Fact]
    public void An_action_concerns_the_organisation_it_belongs_to_or_whose_professional_owns_it()
    {
        var other = Guid.NewGuid();
        Assert.True(InkijkRules.Concerns(ActionOwnerKind.Organisatie, Corporation, Corporation));
        Assert.False(InkijkRules.Concerns(ActionOwnerKind.Organisatie, other, Corporation));
        // An organisation outside Regie, only named: it belongs to no one.
        Assert.False(InkijkRules.Concerns(ActionOwnerKind.Organisatie, null, Corporation));
        Assert.True(InkijkRules.Concerns(ActionOwnerKind.Professional, Corporation, Corporation));
        Assert.False(InkijkRules.Concerns(ActionOwnerKind.Professional, other, Corporation));
        // A member, network contact or volunteer is never the organisation, whatever is stored with them.
        Assert.False(InkijkRules.Concerns(ActionOwnerKind.Netwerk, Corporation, Corporation));
        Assert.False(InkijkRules.Concerns(ActionOwnerKind.Huishoudlid, Corporation, Corporation));
    }

    [Fact]
    public void A_progress_report_needs_a_note_within_the_limit()
    {
        var errors = new ErrorList();
        Assert.Equal("Sleutel opgehaald", InkijkRules.CheckProgress(" Sleutel opgehaald ", errors));
        Assert.Null(InkijkRules.CheckProgress(" ", errors));
        Assert.Null(InkijkRules.CheckProgress(new string('x', InkijkRules.ProgressMaxLength + 1), errors));
        Assert.Equal([(InkijkRules.ProgressRequiredCode, "Voortgang"), (TextRules.TooLongCode, "Voortgang")], errors.Errors.Select(e => (e.Code, e.Field)));
    }
}
