using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Data;
using Regie.Web.Features.Audit;
using Regie.Web.Infrastructure;
using System.Security.Cryptography;
using System.Text;

namespace Regie.Web.Features.Account;

/// <summary>
/// TOTP with ASP.NET Core Identity's authenticator provider (RFC 6238, 30-second codes). The first app is set up
/// with the session alone. Once two-factor sign-in is on, a session is not enough to change it, because a stolen
/// session would then be a way to a second factor of the thief's own: replacing the app or turning it off needs
/// a current code from the app (or a recovery code) in the same request. The new app's key is shown only after
/// that, and it replaces the old one only when the new app has produced a right code; until then the old app keeps
/// working. Someone who lost the phone and every recovery code asks a functional admin to reset it (/beheer/medewerkers).
/// </summary>
public sealed class TwoFactorModel(UserManager<RegieUser> users, SignInManager<RegieUser> signIn, IUserStore<RegieUser> store,
    IDataProtectionProvider protection, AuditLog audit, TimeProvider clock) : PageModel
{
    /// <summary>How long a new key shown on the page can be confirmed.</summary>
    private static readonly TimeSpan NewKeyLifetime = TimeSpan.FromMinutes(15);

    /// <summary>The code from the app being set up.</summary>
    [BindProperty] public string? Code { get; set; }
    /// <summary>A code from the app in use, or a recovery code: proof for a change once two-factor sign-in is on.</summary>
    [BindProperty] public string? HuidigeCode { get; set; }
    /// <summary>The new app's key while it is being set up, protected and bound to this account and its security stamp.</summary>
    [BindProperty] public string? NieuweSleutel { get; set; }

    public bool Enabled { get; private set; }
    public bool Required => User.IsInRole(Roles.Beheerder);
    /// <summary>A key is on the page: the first set-up, or a replacement after the current code was given.</summary>
    public bool ShowKey => FormattedKey.Length > 0;
    public string FormattedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Regie.TwoFactor.NewAuthenticatorKey").ToTimeLimitedDataProtector();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    /// <summary>The first app: only while two-factor sign-in is off.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (await users.GetTwoFactorEnabledAsync(user)) return Redirect(RequireTwoFactor.SetupPath);
        var code = TwoFactorCodes.Normalise(Code);
        var valid = TwoFactorCodes.IsAuthenticatorCode(code) && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError(nameof(Code), "Deze code klopt niet. Controleer de tijd op uw telefoon en vul de nieuwste code in.");
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await audit.RecordAsync(AuditActions.Update, AuditResources.TwoFactor, detail: "tweestapsverificatie aangezet");
        // New session claims, so the admin's "2FA required" gate opens at once.
        await signIn.RefreshSignInAsync(user);
        Enabled = true;
        return Page();
    }

    /// <summary>Another app: first the proof, then the new key is shown (the old app still works).</summary>
    public async Task<IActionResult> OnPostVervangenAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!await users.GetTwoFactorEnabledAsync(user)) return Redirect(RequireTwoFactor.SetupPath);
        if (!await ProvesCurrentFactorAsync(user))
        {
            await LoadAsync(user);
            return Page();
        }
        var key = users.GenerateNewAuthenticatorKey();
        // Read again: redeeming a recovery code saved the account.
        NieuweSleutel = Protector.Protect(Payload(user.Id, await users.GetSecurityStampAsync(user), key), NewKeyLifetime);
        ModelState.Clear();
        await LoadAsync(user, key);
        return Page();
    }

    /// <summary>The new app's first code: only now does its key replace the old one, with new recovery codes.</summary>
    public async Task<IActionResult> OnPostBevestigenAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!await users.GetTwoFactorEnabledAsync(user)) return Redirect(RequireTwoFactor.SetupPath);
        if (NewKey(user, await users.GetSecurityStampAsync(user)) is not { } key)
        {
            ModelState.AddModelError(nameof(HuidigeCode), "De nieuwe sleutel is verlopen of hoort niet bij deze sessie. Begin opnieuw met een code uit uw huidige app.");
            await LoadAsync(user);
            return Page();
        }
        if (!TwoFactorCodes.MatchesKey(key, TwoFactorCodes.Normalise(Code), clock.GetUtcNow()))
        {
            ModelState.AddModelError(nameof(Code), "Deze code klopt niet. Vul de nieuwste code uit de nieuwe app in; controleer de tijd op uw telefoon.");
            await LoadAsync(user, key);
            return Page();
        }
        if (store is not IUserAuthenticatorKeyStore<RegieUser> keys) throw new InvalidOperationException("The user store keeps no authenticator keys.");
        await keys.SetAuthenticatorKeyAsync(user, key, ct);
        // Saves the key and ends every other session of this account at its next check.
        await users.UpdateSecurityStampAsync(user);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await audit.RecordAsync(AuditActions.Update, AuditResources.TwoFactor, detail: "andere authenticator-app ingesteld", ct: ct);
        await signIn.RefreshSignInAsync(user);
        Enabled = true;
        return Page();
    }

    /// <summary>Turning it off (not for functional admins) needs the same proof as replacing the app.</summary>
    public async Task<IActionResult> OnPostUitzettenAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (Required) return Forbid();
        if (!await users.GetTwoFactorEnabledAsync(user)) return Redirect(RequireTwoFactor.SetupPath);
        if (!await ProvesCurrentFactorAsync(user))
        {
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordAsync(AuditActions.Update, AuditResources.TwoFactor, detail: "tweestapsverificatie uitgezet");
        await signIn.RefreshSignInAsync(user);
        return Redirect(RequireTwoFactor.SetupPath);
    }

    /// <summary>
    /// A code from the app in use or an unused recovery code (which is then used up). Wrong codes count towards
    /// the account's lockout like at sign-in, so a stolen session cannot try all million codes.
    /// </summary>
    private async Task<bool> ProvesCurrentFactorAsync(RegieUser user)
    {
        if (await users.IsLockedOutAsync(user))
        {
            ModelState.AddModelError(nameof(HuidigeCode), "Te veel mislukte pogingen. Uw account is 15 minuten geblokkeerd.");
            return false;
        }
        var code = TwoFactorCodes.Normalise(HuidigeCode);
        var valid = code.Length > 0 && (TwoFactorCodes.IsAuthenticatorCode(code)
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
            : (await users.RedeemTwoFactorRecoveryCodeAsync(user, TwoFactorCodes.RecoveryCode(code))).Succeeded);
        if (valid)
        {
            await users.ResetAccessFailedCountAsync(user);
            return true;
        }
        if (code.Length > 0) await users.AccessFailedAsync(user);
        ModelState.AddModelError(nameof(HuidigeCode), code.Length == 0
            ? "Vul een code uit uw huidige app in, of een herstelcode."
            : await users.IsLockedOutAsync(user)
                ? "Te veel mislukte pogingen. Uw account is 15 minuten geblokkeerd."
                : "Deze code klopt niet. Vul de nieuwste code uit uw huidige app in, of een herstelcode.");
        return false;
    }

    private static string Payload(string userId, string? stamp, string key) => $"{userId}\n{stamp}\n{key}";

    /// <summary>The key shown after the proof, if it is this account's, unexpired, and nothing changed the account since.</summary>
    private string? NewKey(RegieUser user, string? stamp)
    {
        if (string.IsNullOrEmpty(NieuweSleutel)) return null;
        try
        {
            var parts = Protector.Unprotect(NieuweSleutel).Split('\n');
            return parts.Length == 3 && parts[0] == user.Id && parts[1] == (stamp ?? "") ? parts[2] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <param name="newKey">A replacement being set up; otherwise the first app's key is shown only while two-factor sign-in is off.</param>
    private async Task LoadAsync(RegieUser user, string? newKey = null)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        var key = newKey;
        if (key is null && !Enabled)
        {
            key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user) ?? "";
            }
        }
        if (string.IsNullOrEmpty(key)) return;
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        FormattedKey = sb.ToString().TrimEnd().ToLowerInvariant();
        AuthenticatorUri = $"otpauth://totp/Regie:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer=Regie&digits=6";
    }
}
