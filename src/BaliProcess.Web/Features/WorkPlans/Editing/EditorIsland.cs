using System.Security.Claims;
using BaliProcess.Web.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;

namespace BaliProcess.Web.Features.WorkPlans.Editing;

/// <summary>
/// The base of a live part ("island") of a staff editing page. The page around it, layout included, is static
/// HTML authorised by the endpoint's [Authorize]; only the island runs in a live connection (circuit), and only
/// its components are kept in server memory while the tab is open (docs/decisions/0015).
/// <para>
/// An island outlives the request that authorised the page, so it checks the account itself: at start (the
/// connection carries the sign-in cookie, which may have changed since the page was served) and whenever the
/// circuit's <see cref="PortalAuthenticationStateProvider"/> re-checks the account and finds it disabled, deleted
/// or changed. Then the browser is sent to sign in (or told it may not edit), as the router did when the whole
/// page was live. Writes are refused by <see cref="WorkPlanEditor"/> whatever the island shows.
/// </para>
/// </summary>
public abstract class EditorIsland : ComponentBase, IDisposable
{
    /// <summary>
    /// How a page renders its island: live on the server, not prerendered. The static page around it shows at
    /// once; the form appears when its connection is up. Prerendered, the form would show before it could be
    /// used (text typed into it then is lost when the live render replaces it), and every page view would
    /// render the island and read its data twice (measured in docs/benchmarks.md).
    /// </summary>
    public static readonly IComponentRenderMode Live = new InteractiveServerRenderMode(prerender: false);

    [Inject]
    private AuthenticationStateProvider Authentication { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    private bool subscribed;

    /// <summary>Whether the account may edit; until it is known, and after it is lost, the island shows nothing.</summary>
    protected bool MayEdit { get; private set; }

    /// <summary>The signed-in account as the circuit knows it now (the write service checks it again).</summary>
    protected async Task<ClaimsPrincipal> UserAsync() => (await Authentication.GetAuthenticationStateAsync()).User;

    /// <summary>Sealed: the account check comes first. Islands load in <see cref="ComponentBase.OnParametersSetAsync"/>.</summary>
    protected sealed override async Task OnInitializedAsync()
    {
        if (RendererInfo.IsInteractive)
        {
            Authentication.AuthenticationStateChanged += OnAuthenticationStateChanged;
            subscribed = true;
        }

        MayEdit = Allowed(await UserAsync());
        if (!MayEdit)
        {
            RedirectToSignIn.Leave(Navigation, await UserAsync());
        }
    }

    private static bool Allowed(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && EditorAccess.EditingRoles.Any(user.IsInRole);

    private void OnAuthenticationStateChanged(Task<AuthenticationState> task) => _ = InvokeAsync(async () =>
    {
        var user = (await task).User;
        if (!Allowed(user))
        {
            // Nothing of the form is left on the page while the browser goes to sign in.
            MayEdit = false;
            StateHasChanged();
            RedirectToSignIn.Leave(Navigation, user);
        }
    });

    public void Dispose()
    {
        if (subscribed)
        {
            Authentication.AuthenticationStateChanged -= OnAuthenticationStateChanged;
        }

        GC.SuppressFinalize(this);
    }
}
