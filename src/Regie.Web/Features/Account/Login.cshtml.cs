using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Data;

namespace Regie.Web.Features.Account;

public sealed class LoginModel(SignInManager<RegieUser> signIn) : PageModel
{
    public sealed class LoginInput
    {
        public string? Email { get; set; }
        public string? Wachtwoord { get; set; }
    }

    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email)) ModelState.AddModelError("Input.Email", "Vul uw e-mailadres in.");
        if (string.IsNullOrEmpty(Input.Wachtwoord)) ModelState.AddModelError("Input.Wachtwoord", "Vul uw wachtwoord in.");
        if (!ModelState.IsValid) return Page();

        var result = await signIn.PasswordSignInAsync(Input.Email!.Trim(), Input.Wachtwoord!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            if (Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/") return LocalRedirect(ReturnUrl!);
            // Roles without files start on the overview of what they can do, not on a refused search page.
            var user = await signIn.UserManager.FindByEmailAsync(Input.Email.Trim());
            var roles = user is null ? [] : await signIn.UserManager.GetRolesAsync(user);
            return LocalRedirect(roles.Any(r => Regie.Domain.Access.FileAccessRules.FileRoles.Contains(r)) ? "/" : "/start");
        }
        if (result.RequiresTwoFactor) return Redirect("/inloggen/code" + (Url.IsLocalUrl(ReturnUrl) ? "?returnUrl=" + Uri.EscapeDataString(ReturnUrl!) : ""));
        // One message for unknown user and wrong password: the form must not reveal which accounts exist.
        ModelState.AddModelError("Input.Wachtwoord", result.IsLockedOut
            ? "Te veel mislukte pogingen. Uw account is 15 minuten geblokkeerd."
            : "Het e-mailadres of het wachtwoord klopt niet.");
        return Page();
    }
}
