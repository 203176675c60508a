using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Regie.Web.Features.Shared;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Er ging iets mis";
    public string Explanation { get; private set; } = "Probeer het opnieuw. Blijft het misgaan, neem dan contact op met de functioneel beheerder.";

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        if (code is { } c) Response.StatusCode = c;
        (Title, Explanation) = code switch
        {
            404 => ("Pagina niet gevonden", "Deze pagina of dit dossier bestaat niet, of u heeft er geen toegang toe."),
            403 => ("Geen toegang", "U heeft geen toegang tot deze pagina."),
            400 => ("Ongeldig verzoek", "Het verzoek kon niet worden verwerkt. Vernieuw de pagina en probeer het opnieuw."),
            _ => (Title, Explanation),
        };
    }
}
