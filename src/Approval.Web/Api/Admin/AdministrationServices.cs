using Approval.Web.Api.Authorisations;
using Approval.Web.Identity;

namespace Approval.Web.Api.Admin;

/// <summary>The services the administrator's API and pages share (and the authorisations every applicant page uses).</summary>
public static class AdministrationServices
{
    public static IServiceCollection AddApprovalAdministration(this IServiceCollection services) => services
        .AddSingleton<DefinitionFiles>()
        .AddSingleton<CalendarReload>()
        .AddScoped<AuthorisationGrants>()
        .AddScoped<StaffAccounts>();
}
