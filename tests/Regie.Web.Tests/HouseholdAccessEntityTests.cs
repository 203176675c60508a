using Regie.Domain.Access;
using Regie.Web.Data;

namespace Regie.Web.Tests;

/// <summary>
/// Issue 19: a file grant is made by its kind's factory, ends only through <see cref="HouseholdAccess.Revoke"/>, and the
/// active rule has one home whose method and query forms say the same.
/// </summary>
public sealed class HouseholdAccessEntityTests
{
    private static readonly DateTime Now = new(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Household = Guid.NewGuid();

    [Fact]
    public void Each_kind_has_its_factory_with_its_own_term()
    {
        var added = HouseholdAccess.Grant("9999", Household, "partner", "lead", Now, reason: "Huurachterstand", sharedParts: "leden");
        Assert.Equal((AccessKinds.Added, "partner", "lead", "Huurachterstand", "leden", (DateTime?)null),
            (added.Kind, added.UserId, added.GrantedBy, added.Reason, added.SharedParts, added.ExpiresAt));

        var emergency = HouseholdAccess.Emergency("9999", Household, "zuid", "Politie belde over een ruzie thuis", Now);
        Assert.Equal((AccessKinds.BreakGlass, "zuid", "zuid", Now + FileAccessRules.EmergencyAccessDuration),
            (emergency.Kind, emergency.UserId, emergency.GrantedBy, emergency.ExpiresAt));

        var desk = HouseholdAccess.Desk("9999", Household, "loket", Now);
        Assert.Equal((AccessKinds.Desk, "loket", "loket", HouseholdAccess.DeskReason, Now + FileAccessRules.DeskGrantDuration),
            (desk.Kind, desk.UserId, desk.GrantedBy, desk.Reason, desk.ExpiresAt));

        Assert.All(new[] { added, emergency, desk }, a =>
        {
            Assert.Equal(("9999", Household, Now, (DateTime?)null), (a.Gemeentecode, a.HouseholdId, a.GrantedAt, a.RevokedAt));
            Assert.NotEqual(Guid.Empty, a.Id);
        });
    }

    [Fact]
    public void A_grant_is_revoked_once()
    {
        var desk = HouseholdAccess.Desk("9999", Household, "loket", Now);
        desk.Revoke(Now.AddDays(1));
        Assert.Equal(Now.AddDays(1), desk.RevokedAt);
        Assert.False(desk.IsOpen);
        Assert.Throws<InvalidOperationException>(() => desk.Revoke(Now.AddDays(2)));
        Assert.Equal(Now.AddDays(1), desk.RevokedAt);
    }

    [Fact]
    public void Only_a_grant_not_revoked_and_not_expired_is_active_and_the_query_form_says_the_same()
    {
        var revoked = HouseholdAccess.Grant("9999", Household, "a", "lead", Now.AddDays(-1));
        revoked.Revoke(Now.AddHours(-1));
        var cases = new[]
        {
            revoked,
            HouseholdAccess.Emergency("9999", Household, "b", "Politie belde over een ruzie thuis", Now - FileAccessRules.EmergencyAccessDuration),
            HouseholdAccess.Emergency("9999", Household, "c", "Politie belde over een ruzie thuis", Now.AddMinutes(-1)),
            HouseholdAccess.Grant("9999", Household, "d", "lead", Now.AddYears(-1)),
        };
        Assert.Equal([false, false, true, true], cases.Select(a => a.IsActiveAt(Now)));
        Assert.Equal(cases.Select(a => a.IsActiveAt(Now)), cases.Select(HouseholdAccess.ActiveAt(Now).Compile()));
        Assert.Equal([false, true, true, true], cases.Select(a => a.IsOpen));
        Assert.Equal(cases.Select(a => a.IsOpen), cases.Select(HouseholdAccess.Open().Compile()));
    }

    [Fact]
    public void An_api_key_is_active_until_it_is_revoked_once()
    {
        var key = new ApiKey { Gemeentecode = "9999", Organisation = "Wonen", Role = "afdeling", Prefix = "abcdefgh", SecretHash = "x", CreatedBy = "test", CreatedAt = Now };
        Assert.True(key.IsActive);
        Assert.True(ApiKey.Active().Compile()(key));
        key.Revoke(Now.AddDays(1));
        Assert.Equal(Now.AddDays(1), key.RevokedAt);
        Assert.False(key.IsActive);
        Assert.False(ApiKey.Active().Compile()(key));
        Assert.Throws<InvalidOperationException>(() => key.Revoke(Now.AddDays(2)));
        Assert.Equal(Now.AddDays(1), key.RevokedAt);
    }
}
