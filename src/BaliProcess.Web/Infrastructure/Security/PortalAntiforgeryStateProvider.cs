using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Components.Forms;

namespace BaliProcess.Web.Infrastructure.Security;

/// <summary>
/// Hands antiforgery tokens to forms, without minting one for every page.
/// <para>
/// The framework's provider persists a token into every statically rendered page as soon as interactive
/// rendering is configured for the app, so every public page set an antiforgery cookie and
/// "Cache-Control: no-cache, no-store" and could not be cached by anyone (docs/decisions/0010). This one
/// mints a token only when a page needs one: a form that posts asks for it while rendering (sign-in, the
/// other account pages, and the staff bar's sign-out form). Public pages, whose forms are all GET, get none.
/// </para>
/// <para>
/// Nothing is persisted into live connections (circuits): the live parts of the staff pages (islands,
/// docs/decisions/0015) never post a form over HTTP, they send their events over the circuit, whose WebSocket
/// is opened only from the portal's own pages (same-origin, SameSite=Strict cookie). An island that rendered a
/// posting form would get no token, and its post would be refused by the antiforgery check.
/// </para>
/// </summary>
public sealed class PortalAntiforgeryStateProvider(IAntiforgery antiforgery, IHttpContextAccessor accessor) : AntiforgeryStateProvider
{
    private AntiforgeryRequestToken? current;

    /// <inheritdoc />
    public override AntiforgeryRequestToken? GetAntiforgeryToken()
    {
        // A form rendered on the server asks: it will post, so it needs the token (and the cookie). Inside a
        // circuit there is no request being rendered, and no token.
        if (StaticRenderContext() is { } context)
        {
            return current ??= Mint(context);
        }

        return null;
    }

    /// <summary>The request being rendered to HTML, or null inside an interactive circuit.</summary>
    private HttpContext? StaticRenderContext()
    {
        var context = accessor.HttpContext;
        return context?.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null ? context : null;
    }

    private AntiforgeryRequestToken? Mint(HttpContext context)
    {
        var tokens = context.Response.HasStarted ? antiforgery.GetTokens(context) : antiforgery.GetAndStoreTokens(context);
        return tokens.RequestToken is null ? null : new AntiforgeryRequestToken(tokens.RequestToken, tokens.FormFieldName);
    }
}
