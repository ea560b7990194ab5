using Approval.Engine;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Approval.Web.Identity;

/// <summary>A built-in account as the administrator sees it (用户与角色).</summary>
/// <param name="Id">The account's id.</param>
/// <param name="UserName">What its holder signs in with.</param>
/// <param name="DisplayName">The name shown to others.</param>
/// <param name="Role">Its Approval role (<see cref="Roles"/>), or null when it has none.</param>
/// <param name="DepartmentId">For an approver, the department whose matters it decides.</param>
/// <param name="Locked">True when an administrator has locked it: it cannot sign in and its sessions have ended.</param>
public sealed record StaffAccount(string Id, string UserName, string DisplayName, string? Role, string? DepartmentId, bool Locked);

/// <summary>One page of accounts and how many there are in all.</summary>
public sealed record StaffAccountPage(IReadOnlyList<StaffAccount> Accounts, int Total);

/// <summary>A new staff account: role and department as <see cref="StaffAccounts.SetRoleAsync"/> takes them.</summary>
public sealed record NewStaffAccount(string? UserName, string? DisplayName, string? Role, string? DepartmentId, string? Password);

/// <summary>
/// An account input refused, with a stable <see cref="Code"/> (ours, or Identity's error code such as
/// <c>PasswordRequiresDigit</c>) so that a page can say it in Chinese; the message is English, for API clients.
/// </summary>
public sealed class AccountInputException(string field, string code, string message) : InvalidInputException(field, message)
{
    public string Code { get; } = code;
}

/// <summary>
/// The administrator's accounts service (用户与角色), for the API and the page alike: list accounts; create a staff
/// account; set its role and department; reset its password; lock and unlock it. Every change that alters what a
/// session may do (role, department, password, lock) ends the account's sessions (<see cref="Sessions.EndAllAsync"/>).
/// An administrator cannot lock or demote themselves, nor the last administrator who can still sign in.
/// </summary>
public sealed class StaffAccounts(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IdentityStoreDbContext db,
    DefinitionCatalog catalog, TimeProvider time)
{
    /// <summary>The roles a staff account may have: everything but the investor (项目单位), whose account is its own.</summary>
    public static readonly IReadOnlyList<string> StaffRoles = [Roles.Agent, Roles.WindowClerk, Roles.Approver, Roles.Supervisor, Roles.Administrator];

    public const string SelfRefused = "You cannot lock your own account or take away your own administrator role.";
    public const string LastAdministratorRefused = "This is the last administrator who can sign in; make another account an administrator first.";
    public const string InvestorRefused = "An investor's (项目单位) account is not a staff account; its role cannot be changed here.";

    /// <summary>Accounts by user name, optionally of one role, paged in SQL.</summary>
    public async Task<StaffAccountPage> ListAsync(string? role, int skip, int take, CancellationToken ct = default)
    {
        var rows = from u in db.Users.AsNoTracking()
                   select new
                   {
                       User = u,
                       Role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault(),
                   };
        if (!string.IsNullOrWhiteSpace(role)) rows = rows.Where(r => r.Role == role);
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(r => r.User.UserName).Skip(skip).Take(take).ToListAsync(ct);
        // Lockout is compared in memory: SQLite cannot order or compare DateTimeOffset columns.
        return new StaffAccountPage(page.Select(r => Account(r.User, r.Role)).ToList(), total);
    }

    /// <summary>One account by id; <see cref="NotFoundException"/> when there is none.</summary>
    public async Task<StaffAccount> GetAsync(string id, CancellationToken ct = default)
    {
        var user = await FindAsync(id);
        return Account(user, (await users.GetRolesAsync(user)).FirstOrDefault());
    }

    /// <summary>Creates a staff account; every refused field at once (<see cref="InvalidInputsException"/> of <see cref="AccountInputException"/>).</summary>
    public async Task<StaffAccount> CreateAsync(NewStaffAccount input, CancellationToken ct = default)
    {
        var errors = new InputErrors();
        var userName = errors.Check(() => Text(input.UserName, "userName", 64));
        var displayName = errors.Check(() => Text(input.DisplayName, "displayName", 100));
        var (role, department) = errors.Check(() => RoleAndDepartment(input.Role, input.DepartmentId));
        if (string.IsNullOrEmpty(input.Password)) errors.Add(new AccountInputException("password", "Required", "Required: the first password."));
        var user = new ApplicationUser { UserName = userName, DisplayName = displayName ?? "", DepartmentId = department };
        if (userName is not null)
            foreach (var validator in users.UserValidators)
                Add(errors, await validator.ValidateAsync(users, user));
        if (!string.IsNullOrEmpty(input.Password))
            foreach (var validator in users.PasswordValidators)
                Add(errors, await validator.ValidateAsync(users, user, input.Password));
        errors.ThrowIfAny();

        await Administrators.EnsureRolesAsync(roles);
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded) Throw(created);
        var added = await users.AddToRoleAsync(user, role!);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            Throw(added);
        }
        return Account(user, role);
    }

    /// <summary>Gives a staff account its role and (for an approver) department; its sessions end so that the new role applies at once.</summary>
    public async Task<StaffAccount> SetRoleAsync(Actor admin, string id, string? role, string? departmentId, CancellationToken ct = default)
    {
        var user = await FindAsync(id);
        var (newRole, department) = RoleAndDepartment(role, departmentId);
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Investor)) throw new ConflictException(InvestorRefused);
        if (current.Contains(Roles.Administrator) && newRole != Roles.Administrator) await RefuseLosingAdministratorAsync(admin, user);

        user.DepartmentId = department;
        Check(await users.UpdateAsync(user));
        if (!current.SequenceEqual([newRole]))
        {
            if (current.Count > 0) Check(await users.RemoveFromRolesAsync(user, current));
            await Administrators.EnsureRolesAsync(roles);
            Check(await users.AddToRoleAsync(user, newRole));
        }
        await Sessions.EndAllAsync(users, user);
        return Account(user, newRole);
    }

    /// <summary>Sets a new password (the holder is told it in person); every session of the account ends.</summary>
    public async Task ResetPasswordAsync(string id, string? password, CancellationToken ct = default)
    {
        var user = await FindAsync(id);
        if (string.IsNullOrEmpty(password)) throw new AccountInputException("password", "Required", "Required: the new password.");
        var errors = new InputErrors();
        foreach (var validator in users.PasswordValidators) Add(errors, await validator.ValidateAsync(users, user, password));
        errors.ThrowIfAny();
        // The reset token path updates the security stamp, which ends every cookie and token of the account.
        Check(await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password));
    }

    /// <summary>Locks an account: it cannot sign in, and its cookies and tokens are refused from the next request.</summary>
    public async Task LockAsync(Actor admin, string id, CancellationToken ct = default)
    {
        var user = await FindAsync(id);
        if (await users.IsInRoleAsync(user, Roles.Administrator)) await RefuseLosingAdministratorAsync(admin, user);
        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        await Sessions.EndAllAsync(users, user);
    }

    /// <summary>Unlocks an account; its holder signs in again with the password it had.</summary>
    public async Task UnlockAsync(string id, CancellationToken ct = default)
    {
        var user = await FindAsync(id);
        Check(await users.SetLockoutEndDateAsync(user, null));
    }

    private async Task RefuseLosingAdministratorAsync(Actor admin, ApplicationUser user)
    {
        if (user.Id == admin.UserId) throw new ConflictException(SelfRefused);
        var others = 0;
        foreach (var other in await users.GetUsersInRoleAsync(Roles.Administrator))
            if (other.Id != user.Id && !IsLocked(other)) others++;
        if (others == 0) throw new ConflictException(LastAdministratorRefused);
    }

    private (string Role, string? DepartmentId) RoleAndDepartment(string? role, string? departmentId)
    {
        var errors = new InputErrors();
        var given = role?.Trim() ?? "";
        if (given.Length == 0) errors.Add(new AccountInputException("role", "Required", $"Required: one of {string.Join(", ", StaffRoles)}."));
        else if (!StaffRoles.Contains(given))
            errors.Add(new AccountInputException("role", "InvalidRole", $"'{given}' is not a staff role; one of {string.Join(", ", StaffRoles)}."));
        string? department = null;
        if (given == Roles.Approver)
        {
            department = departmentId?.Trim();
            if (string.IsNullOrEmpty(department))
                errors.Add(new AccountInputException("departmentId", "Required", "Required for an approver: the department whose matters it decides."));
            else if (catalog.Departments.All(d => d.Id != department))
                errors.Add(new AccountInputException("departmentId", "UnknownDepartment",
                    $"No department '{department}' in the catalogue; known: {string.Join(", ", catalog.Departments.Select(d => d.Id))}."));
        }
        errors.ThrowIfAny();
        // Only an approver decides a department's matters: anyone else's department is cleared.
        return (given, department);
    }

    private static string Text(string? value, string field, int max)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0) throw new AccountInputException(field, "Required", "Required.");
        return text.Length > max ? throw new AccountInputException(field, "TooLong", $"At most {max} characters; given {text.Length}.") : text;
    }

    private async Task<ApplicationUser> FindAsync(string id) =>
        await users.FindByIdAsync(id) ?? throw new NotFoundException($"Account {id}");

    private bool IsLocked(ApplicationUser user) => user.LockoutEnd is { } end && end > time.GetUtcNow();

    private StaffAccount Account(ApplicationUser user, string? role) =>
        new(user.Id, user.UserName ?? "", user.DisplayName, role, user.DepartmentId, IsLocked(user));

    private static void Add(InputErrors errors, IdentityResult result)
    {
        foreach (var error in result.Errors) errors.Add(Refusal(error));
    }

    private static void Throw(IdentityResult result)
    {
        var errors = new InputErrors();
        Add(errors, result);
        errors.ThrowIfAny();
    }

    /// <summary>An Identity failure that is not about the input (e.g. a concurrent change) is the caller's conflict to retry.</summary>
    private static void Check(IdentityResult result)
    {
        if (result.Succeeded) return;
        if (result.Errors.Any(e => FieldOf(e.Code) is not null)) Throw(result);
        throw new ConflictException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private static AccountInputException Refusal(IdentityError error) =>
        new(FieldOf(error.Code) ?? "account", error.Code, error.Description);

    private static string? FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? "password"
        : code is "DuplicateUserName" or "InvalidUserName" ? "userName"
        : null;
}
