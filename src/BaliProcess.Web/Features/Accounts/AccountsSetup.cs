using BaliProcess.Data;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components;
using BaliProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BaliProcess.Web.Features.Accounts;

/// <summary>ASP.NET Core Identity for staff accounts: registration and the request pipeline's part.</summary>
public static class AccountsSetup
{
    // The accounts pages' addresses (PortalRoutes owns them), under the names the accounts tests use.
    public const string SignInPath = PortalRoutes.SignIn;
    public const string ChangePasswordPath = PortalRoutes.ChangePassword;
    public const string AuthenticatorPath = PortalRoutes.Authenticator;

    /// <summary>Where staff work; the first-sign-in steps (new password, authenticator) guard these paths.</summary>
    private static readonly string[] StaffAreas = [PortalRoutes.Staff, PortalRoutes.Admin];

    public static void AddPortalAccounts(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.Configure<AccountOptions>(builder.Configuration.GetSection(AccountOptions.Section));
        services.Configure<FirstAdministratorOptions>(builder.Configuration.GetSection(FirstAdministratorOptions.Section));
        var accountOptions = builder.Configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();

        // With HTTPS required (Production by default) every cookie is Secure whatever the request's scheme, and those
        // on "/" carry the __Host- prefix, which browsers accept only from HTTPS, without Domain, on path "/"
        // (docs/decisions/0020). Without HTTPS (run.sh, tests) browsers would refuse such cookies, so not there.
        var secure = SecureCookies(builder.Configuration, builder.Environment);
        var securePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddAntiforgery(o =>
        {
            if (secure)
            {
                o.Cookie.Name = "__Host-portal.antiforgery";
            }

            o.Cookie.SecurePolicy = securePolicy;
        });

        services.AddHttpContextAccessor();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, PortalAuthenticationStateProvider>();
        services.AddScoped<AccountActivityLog>();
        services.AddSingleton<AccountActivityPruning>();
        services.AddScoped<AccountAdministration>();
        services.AddSingleton<AccountOutcomeRedirect>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<DummyPasswordHash>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        // No AddDefaultUI, no registration page: accounts are made by an Administrator only.
        services.AddIdentityCore<PortalUser>(o =>
            {
                // Length over composition rules (NIST SP 800-63B): at least 12 characters, any characters.
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;

                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;

                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<BaliProcessDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            // Replaces Identity's authenticator provider under its own name: every page that checks a code uses it.
            .AddTokenProvider<OneUseAuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider)
            // Identity's own messages (password rules, a taken address, lockout…) in the page's language.
            .AddErrorDescriber<PortalIdentityErrors>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = secure ? SecureSessionCookieName : SessionCookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = securePolicy;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = accountOptions.IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = PortalRoutes.SignIn;
            o.LogoutPath = PortalRoutes.SignOut;
            o.AccessDeniedPath = PortalRoutes.AccessDenied;
            o.ReturnUrlParameter = "returnUrl";

            // Every request: the stamp and state of the account, and the absolute lifetime (PortalSession).
            o.Events.OnValidatePrincipal = PortalSession.ValidateAsync;
        });
        services.ConfigureExternalCookie(o =>
        {
            if (secure)
            {
                o.Cookie.Name = "__Host-portal.external";
            }

            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = securePolicy;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        // The half-signed-in cookie between password and authenticator code.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            if (secure)
            {
                o.Cookie.Name = "__Host-portal.2fa";
            }

            o.Cookie.SecurePolicy = securePolicy;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        // The cookie is checked against the account this often; a disabled account's stamp has changed.
        // (Between these rebuilds PortalSession compares the stamp on every request, so sign-out and disabling
        // end every copy of the cookie at once.)
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = accountOptions.RevalidationInterval;
            o.OnRefreshingPrincipal = PortalSession.KeepSignedInAt;
        });
        services.AddAuthorization();

        SignInRateLimit.AddSignInRateLimit(services, builder.Configuration);
    }

    /// <summary>Authentication, authorization, and the first-sign-in steps for the staff areas.</summary>
    /// <summary>The sign-in cookie's name (the public page cache never serves a request that carries it).</summary>
    public const string SessionCookieName = "portal.session";

    /// <summary>The sign-in cookie's name where HTTPS is required (Security:RequireHttps, Production).</summary>
    public const string SecureSessionCookieName = "__Host-portal.session";

    /// <summary>Whether cookies are always Secure and __Host- named: wherever HTTPS is required (Production by default).</summary>
    public static bool SecureCookies(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        return configuration.GetValue("Security:RequireHttps", environment.IsProduction());
    }

    /// <summary>A cookie that signs a request in (either name): the public page cache never serves such a request.</summary>
    public static bool IsSignInCookie(string name) =>
        name is SessionCookieName or SecureSessionCookieName
        || name is "__Host-portal.2fa" or "__Host-portal.external";

    /// <summary>
    /// Authorization and the staff-area checks. Authentication itself runs earlier, before the output cache
    /// (see PortalSetup.UsePortal), so that a signed-in request is never served from or stored in it.
    /// </summary>
    public static void UsePortalAccounts(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthorization();
        app.Use(async (context, next) =>
        {
            var user = context.User;

            // Only staff editors are interactive (every public and account page is static): an anonymous client has
            // no reason to open a circuit, and each one holds server memory for as long as it stays connected
            // (decision 0017). Refused before SignalR sees it; nginx bounds the signed-in ones (limit_conn).
            if (user.Identity?.IsAuthenticated != true && context.Request.Path.StartsWithSegments(BlazorHubPath, StringComparison.OrdinalIgnoreCase))
            {
                // A body of its own: an empty 401 would be re-executed as the "page not found" page.
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsync("Sign in to open an editor.");
                return;
            }

            if (user.Identity?.IsAuthenticated == true && IsStaffArea(context.Request.Path))
            {
                if (PortalClaims.MustChange(user))
                {
                    context.Response.Redirect(context.Request.PathBase + PortalRoutes.ChangePassword);
                    return;
                }

                var options = context.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value;
                if (options.RequireTwoFactorForAdministrators && user.IsInRole(PortalRoles.Administrator) && !PortalClaims.HasAuthenticator(user))
                {
                    context.Response.Redirect(context.Request.PathBase + PortalRoutes.AuthenticatorRequired);
                    return;
                }
            }

            await next(context);
        });
    }

    /// <summary>Where Blazor's interactive circuits connect (negotiate, WebSocket, long polling).</summary>
    public const string BlazorHubPath = "/_blazor";

    private static bool IsStaffArea(PathString path) =>
        StaffAreas.Any(area => path.StartsWithSegments(area, StringComparison.OrdinalIgnoreCase));
}
