using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Components.Forms;

namespace BaliProcess.Web.Infrastructure.Security;

/// <summary>
/// Hands antiforgery tokens to forms, without minting one for every page.
/// <para>
/// The framework's provider persists a token into every statically rendered page as soon as interactive
/// rendering is configured for the app, so every public page set an antiforgery cookie and
/// "Cache-Control: no-cache, no-store" and could not be cached by anyone (docs/decisions/0010). This one
/// mints a token only when a page needs one: a form that posts asks for it while rendering (sign-in and
/// other account pages), and an [InteractivePage] has it persisted into its circuit. Public pages, whose
/// forms are all GET, get none.
/// </para>
/// </summary>
public sealed class PortalAntiforgeryStateProvider(IAntiforgery antiforgery, IHttpContextAccessor accessor) : AntiforgeryStateProvider
{
    private AntiforgeryRequestToken? current;

    /// <summary>What the framework persists for interactive circuits and restores inside them.</summary>
    [PersistentState]
    public AntiforgeryRequestToken? CurrentToken
    {
        get
        {
            if (current is null && StaticRenderContext() is { } context && IsInteractivePage(context))
            {
                current = Mint(context);
            }

            return current;
        }
        set => current = value;
    }

    /// <inheritdoc />
    public override AntiforgeryRequestToken? GetAntiforgeryToken()
    {
        // A form rendered on the server asks: it will post, so it needs the token (and the cookie).
        if (StaticRenderContext() is { } context)
        {
            return current ??= Mint(context);
        }

        // Inside a circuit: the token persisted when the interactive page was first rendered.
        return current;
    }

    /// <summary>The request being rendered to HTML, or null inside an interactive circuit.</summary>
    private HttpContext? StaticRenderContext()
    {
        var context = accessor.HttpContext;
        return context?.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null ? context : null;
    }

    private static bool IsInteractivePage(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<InteractivePageAttribute>() is not null;

    private AntiforgeryRequestToken? Mint(HttpContext context)
    {
        var tokens = context.Response.HasStarted ? antiforgery.GetTokens(context) : antiforgery.GetAndStoreTokens(context);
        return tokens.RequestToken is null ? null : new AntiforgeryRequestToken(tokens.RequestToken, tokens.FormFieldName);
    }
}
