using Microsoft.AspNetCore.Identity;

namespace Approval.Web.Identity;

/// <summary>Built-in accounts that an operator creates from the host, not through the API (the first administrator, 系统管理员).</summary>
public static class Administrators
{
    /// <summary>Creates every Approval role that does not exist yet.</summary>
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.ToActorRole.Keys)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }

    /// <summary>
    /// Creates an administrator account; the errors (name taken, password too weak) when it cannot. The roles are
    /// created first: a production database starts with none.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CreateAsync(IServiceProvider services, string userName, string displayName, string password)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        if (await users.FindByNameAsync(userName) is not null) return [$"An account named '{userName}' exists already."];
        var user = new ApplicationUser { UserName = userName, DisplayName = displayName };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return created.Errors.Select(e => e.Description).ToList();
        var role = await users.AddToRoleAsync(user, Roles.Administrator);
        return role.Succeeded ? [] : role.Errors.Select(e => e.Description).ToList();
    }
}
