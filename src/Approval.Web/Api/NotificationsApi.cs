using System.Security.Claims;
using Approval.Engine;
using Approval.Web.Identity;
using Approval.Web.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Web.Api;

/// <summary>
/// Notifications (消息通知): a user's in-app messages and chosen channels, and the administrator's dead letters. The
/// same <see cref="NotificationInbox"/>, <see cref="ChannelPreferences"/> and <see cref="DeadLetters"/> as the pages.
/// </summary>
public static class NotificationsApi
{

    public sealed record UnreadResponse(int Unread);

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder routes)
    {
        var me = routes.MapGroup("/api/me").WithTags("Notifications").RequireAuthorization(Policies.Anyone)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        me.MapGet("/messages", Messages).WithSummary("My in-app messages, newest first, 20 a page (?page=), with the unread count")
            .ProducesValidationProblem();
        me.MapGet("/messages/unread", Unread).WithSummary("How many of my messages are unread");
        me.MapPost("/messages/{id:guid}/read", Read).WithSummary("Mark one of my messages read").ProducesProblem(StatusCodes.Status404NotFound);
        me.MapPost("/messages/read", ReadAll).WithSummary("Mark all my messages read");
        me.MapGet("/notification-channels", Channels).WithSummary("The channels I am notified on besides in-app messages");
        me.MapPut("/notification-channels", SetChannels).WithSummary("Choose SMS and e-mail with their addresses; every refused field is named")
            .ProducesValidationProblem();

        var admin = routes.MapGroup("/api/admin/notifications").WithTags("Administration").RequireAuthorization(Roles.Administrator)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapGet("/dead-letters", Dead).WithSummary("Deliveries given up after their attempts (addresses masked), 20 a page, and how many wait")
            .ProducesValidationProblem();
        admin.MapPost("/dead-letters/{id:guid}/retry", Retry).WithSummary("Send a dead letter again, its attempts reset")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static int PageOf(string? page) => string.IsNullOrWhiteSpace(page) ? 1 : ApiInput.Int(page, "page", 1, 100_000);

    private static async Task<Ok<InboxPage>> Messages(string? page, ClaimsPrincipal user, NotificationInbox inbox, CancellationToken ct) =>
        TypedResults.Ok(await inbox.PageAsync(MessageOwner.Of(user), PageOf(page), ct));

    private static async Task<Ok<UnreadResponse>> Unread(ClaimsPrincipal user, NotificationInbox inbox, CancellationToken ct) =>
        TypedResults.Ok(new UnreadResponse(await inbox.UnreadAsync(MessageOwner.Of(user), ct)));

    private static async Task<Results<NoContent, ProblemHttpResult>> Read(Guid id, ClaimsPrincipal user, NotificationInbox inbox, CancellationToken ct) =>
        await inbox.MarkReadAsync(MessageOwner.Of(user), id, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such message", detail: $"You have no message {id}.");

    private static async Task<NoContent> ReadAll(ClaimsPrincipal user, NotificationInbox inbox, CancellationToken ct)
    {
        await inbox.MarkAllReadAsync(MessageOwner.Of(user), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ChannelChoice>> Channels(ClaimsPrincipal user, ChannelPreferences preferences, CancellationToken ct) =>
        TypedResults.Ok(await preferences.GetAsync(MessageOwner.Of(user), ct));

    private static async Task<Results<Ok<ChannelChoice>, ValidationProblem>> SetChannels(ChannelChoice request, ClaimsPrincipal user,
        ChannelPreferences preferences, CancellationToken ct)
    {
        var owner = MessageOwner.Of(user);
        var errors = await preferences.SaveAsync(owner, request, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        return TypedResults.Ok(await preferences.GetAsync(owner, ct));
    }

    private static async Task<Ok<DeadLetterPage>> Dead(string? page, DeadLetters dead, CancellationToken ct) =>
        TypedResults.Ok(await dead.PageAsync(PageOf(page), ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> Retry(Guid id, DeadLetters dead, CancellationToken ct) =>
        await dead.RetryAsync(id, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such dead letter", detail: $"No dead letter {id}.");
}
