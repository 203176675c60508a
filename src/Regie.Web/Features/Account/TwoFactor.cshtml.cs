using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Data;
using Regie.Web.Infrastructure;

namespace Regie.Web.Features.Account;

/// <summary>TOTP with ASP.NET Core Identity's authenticator provider (RFC 6238, 30-second codes).</summary>
public sealed class TwoFactorModel(UserManager<RegieUser> users, SignInManager<RegieUser> signIn) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    public bool Enabled { get; private set; }
    public bool Required => User.IsInRole(Roles.Beheerder);
    public string FormattedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var code = (Code ?? "").Replace(" ", "").Replace("-", "");
        var valid = code.Length == 6 && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError(nameof(Code), "Deze code klopt niet. Controleer de tijd op uw telefoon en vul de nieuwste code in.");
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        // New session claims, so the admin's "2FA required" gate opens at once.
        await signIn.RefreshSignInAsync(user);
        Enabled = true;
        return Page();
    }

    public async Task<IActionResult> OnPostUitzettenAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (Required) return Forbid();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return Redirect("/account/tweestapsverificatie");
    }

    private async Task LoadAsync(RegieUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        FormattedKey = sb.ToString().TrimEnd().ToLowerInvariant();
        AuthenticatorUri = $"otpauth://totp/Regie:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer=Regie&digits=6";
    }
}
