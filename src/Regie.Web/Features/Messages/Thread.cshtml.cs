using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regie.Web.Features.Shared;

namespace Regie.Web.Features.Messages;

/// <summary>One thread with its messages and a reply form, for the file's team and the thread's organisation alike.</summary>
public sealed class ThreadModel(MessageQueries messages, PostMessageHandler post) : PageModel
{
    [BindProperty] public MessageInput Input { get; set; } = new();
    public ThreadView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid threadId, CancellationToken ct) => await LoadAsync(id, threadId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid threadId, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await post.HandleAsync(id, threadId, Input, ct);
        if (this.Finish(result, $"/huishoudens/{id}/berichten/{threadId}", "Het bericht is verstuurd.") is { } done) return done;
        return await LoadAsync(id, threadId, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, Guid threadId, CancellationToken ct)
    {
        if (await messages.ThreadAsync(id, threadId, ct) is not { } view) return false;
        View = view;
        return true;
    }
}
