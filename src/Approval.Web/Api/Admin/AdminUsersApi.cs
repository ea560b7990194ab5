using System.Security.Claims;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Web.Api.Admin;

/// <summary>
/// Accounts and roles (用户与角色) for the administrator: list accounts, create a staff account, set its role and
/// department, reset its password, lock and unlock it. The same <see cref="StaffAccounts"/> as the page.
/// </summary>
public static class AdminUsersApi
{
    /// <summary>
    /// A new staff account. <c>role</c>: agent, window, approver, supervisor or admin; <c>departmentId</c>: required for an
    /// approver (a department of the catalogue), ignored otherwise; <c>password</c>: at least 10 characters with an
    /// upper-case and a lower-case letter, a digit and a symbol.
    /// </summary>
    public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Role, string? DepartmentId, string? Password);

    /// <summary>The account's role and, for an approver, its department.</summary>
    public sealed record RoleRequest(string? Role, string? DepartmentId);

    /// <summary>The account's new password (the same rules as at creation).</summary>
    public sealed record PasswordRequest(string? Password);

    /// <summary>One page of accounts, by user name; <c>total</c> counts them all.</summary>
    public sealed record UserListResponse(IReadOnlyList<StaffAccount> Items, int Total, int Page, int PageSize);

    public const int PageSize = 50;

    public static IEndpointRouteBuilder MapAdminUsersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/users").WithTags("Administration").RequireAuthorization(Roles.Administrator)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("", List).WithSummary("Accounts with role, department and whether locked, 50 a page (?page=, ?role=)")
            .ProducesValidationProblem();
        group.MapGet("/{id}", Get).WithSummary("One account").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("", Create).WithSummary("Create a staff account; every refused field is named at once")
            .ProducesValidationProblem();
        group.MapPut("/{id}/role", SetRole)
            .WithSummary("Set the role and (for an approver) the department; the account's sessions end so the new role applies at once")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/password", ResetPassword).WithSummary("Reset the password; every session of the account ends")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/lock", Lock)
            .WithSummary("Lock the account: no sign-in, its cookies and tokens are refused; 409 for yourself or the last administrator")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/unlock", Unlock).WithSummary("Unlock the account").ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Ok<UserListResponse>> List(string? page, string? role, StaffAccounts accounts, CancellationToken ct)
    {
        var number = string.IsNullOrWhiteSpace(page) ? 1 : ApiInput.Int(page, "page", 1, 100_000);
        var filter = string.IsNullOrWhiteSpace(role) ? null : role.Trim();
        if (filter is not null && !Roles.ToActorRole.ContainsKey(filter))
            throw new Engine.InvalidInputException("role", $"No role '{filter}'; one of {string.Join(", ", Roles.ToActorRole.Keys)}.");
        var list = await accounts.ListAsync(filter, (number - 1) * PageSize, PageSize, ct);
        return TypedResults.Ok(new UserListResponse(list.Accounts, list.Total, number, PageSize));
    }

    private static async Task<Ok<StaffAccount>> Get(string id, StaffAccounts accounts, CancellationToken ct) =>
        TypedResults.Ok(await accounts.GetAsync(id, ct));

    private static async Task<Created<StaffAccount>> Create(CreateUserRequest request, StaffAccounts accounts, CancellationToken ct)
    {
        var account = await accounts.CreateAsync(new NewStaffAccount(request.UserName, request.DisplayName, request.Role,
            request.DepartmentId, request.Password), ct);
        return TypedResults.Created($"/api/admin/users/{account.Id}", account);
    }

    private static async Task<Ok<StaffAccount>> SetRole(string id, RoleRequest request, ClaimsPrincipal user, StaffAccounts accounts,
        CancellationToken ct) =>
        TypedResults.Ok(await accounts.SetRoleAsync(CurrentActor.Of(user), id, request.Role, request.DepartmentId, ct));

    private static async Task<NoContent> ResetPassword(string id, PasswordRequest request, StaffAccounts accounts, CancellationToken ct)
    {
        await accounts.ResetPasswordAsync(id, request.Password, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Lock(string id, ClaimsPrincipal user, StaffAccounts accounts, CancellationToken ct)
    {
        await accounts.LockAsync(CurrentActor.Of(user), id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Unlock(string id, StaffAccounts accounts, CancellationToken ct)
    {
        await accounts.UnlockAsync(id, ct);
        return TypedResults.NoContent();
    }
}
