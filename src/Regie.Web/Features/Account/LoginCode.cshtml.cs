using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Data;

namespace Regie.Web.Features.Account;

/// <summary>Second step of signing in: the password was right, the authenticator code (or a recovery code) must be too.</summary>
public sealed class LoginCodeModel(SignInManager<RegieUser> signIn) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/inloggen") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return Redirect("/inloggen");
        var code = TwoFactorCodes.Normalise(Code);
        var result = TwoFactorCodes.IsAuthenticatorCode(code)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(TwoFactorCodes.RecoveryCode(code));
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/start");
        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? "Te veel mislukte pogingen. Uw account is 15 minuten geblokkeerd."
            : "Deze code klopt niet. Vul de nieuwste code uit uw app in.");
        return Page();
    }
}
