using Microsoft.AspNetCore.Mvc.ModelBinding;
using Regie.Domain.Common;

namespace Regie.Web.Features.Shared;

public static class PageErrors
{
    /// <summary>Puts each error next to its field (or at the top when it has none).</summary>
    public static void AddTo(this IEnumerable<DomainError> errors, ModelStateDictionary modelState, string prefix = "Input")
    {
        foreach (var e in errors)
            modelState.AddModelError(string.IsNullOrEmpty(e.Field) ? "" : $"{prefix}.{e.Field}", e.Message);
    }
}
