using Regie.Domain.Common;
using Regie.Domain.Referrals;

namespace Regie.Domain.Tests;

/// <summary>Issue 19: the input of a light-support start and of the municipality's settings is read by <see cref="LightSupportRules"/>.</summary>
public sealed class LightSupportInputTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static (PlannedLightSupport Planned, IReadOnlyList<(string Code, string Field)> Errors) Read(string? description = "Hulp bij post", string? kind = null,
        string? start = null, string? end = "20-12-2026", LightSupportSettings? settings = null)
    {
        var errors = new ErrorList();
        var planned = LightSupportRules.ReadStart(description, kind, start, end, Today, errors);
        LightSupportRules.CheckLimits(settings ?? LightSupportSettings.Default, planned, errors);
        return (planned, errors.Errors.Select(e => (e.Code, e.Field)).ToList());
    }

    [Fact]
    public void A_start_reads_its_description_kind_and_dates_and_starts_today_unless_given()
    {
        var (planned, errors) = Read(description: " Hulp bij post ", kind: "Administratie");
        Assert.Empty(errors);
        Assert.Equal(new PlannedLightSupport("Hulp bij post", LightSupportKind.Administratie, Today, new DateOnly(2026, 12, 20)), planned);
        Assert.Equal(new DateOnly(2026, 12, 1), Read(start: "01-12-2026").Planned.Start);
    }

    [Fact]
    public void The_description_and_a_readable_end_are_required_and_an_unknown_kind_is_refused()
    {
        Assert.Equal([(LightSupportRules.WhatRequiredCode, "Omschrijving"), (LightSupportRules.KindInvalidCode, "Soort"), (LightSupportRules.DatesInvalidCode, "Einddatum")],
            Read(description: " ", kind: "Tuinieren", end: null).Errors);
        Assert.Equal([(LightSupportRules.DatesInvalidCode, "Startdatum")], Read(start: "gisteren").Errors);
    }

    [Fact]
    public void The_limits_apply_only_to_dates_that_could_be_read()
    {
        var none = new LightSupportSettings(true, 4, [LightSupportKind.Begeleiding]);
        Assert.Equal([(LightSupportRules.KindNotAllowedCode, "Soort"), (LightSupportRules.TooLongCode, "Einddatum")], Read(kind: "Administratie", end: "31-12-2026", settings: none).Errors);
        Assert.Equal([(LightSupportRules.DatesInvalidCode, "Einddatum")], Read(end: "morgen", settings: none).Errors);
        Assert.Equal([(DateRules.TooLateCode, "Einddatum")], Read(end: "01-01-2040", settings: none).Errors);
        Assert.Equal([(LightSupportRules.DatesInvalidCode, "Einddatum")], Read(start: "20-12-2026", end: "01-12-2026").Errors);
    }

    [Fact]
    public void Settings_read_their_kinds_by_name_each_once()
    {
        var errors = new ErrorList();
        var settings = LightSupportRules.ReadSettings(true, 13, ["Administratie", "Begeleiding", "Administratie"], errors);
        Assert.False(errors.HasErrors);
        Assert.Equal((true, 13, "Administratie,Begeleiding"), (settings!.Allowed, settings.MaxWeeks, settings.KindsToStored()));
        Assert.Null(LightSupportRules.ReadSettings(true, 53, ["Tuinieren"], errors));
        Assert.Equal([(LightSupportRules.KindInvalidCode, "Soorten"), (LightSupportRules.SettingsInvalidCode, "MaxWeken"), (LightSupportRules.SettingsInvalidCode, "Soorten")],
            errors.Errors.Select(e => (e.Code, e.Field)));
        Assert.NotNull(LightSupportRules.ReadSettings(false, 1, [], new ErrorList()));
    }

    [Fact]
    public void A_goal_outside_the_plan_and_a_person_outside_the_household_have_their_own_errors() =>
        Assert.Equal([(LightSupportRules.GoalNotFoundCode, "DoelId"), (LightSupportRules.PersonNotMemberCode, "PersoonId")],
            new[] { LightSupportRules.GoalNotFound(), LightSupportRules.PersonNotMember() }.Select(e => (e.Code, e.Field)));
}
