using System.Text;
using Approval.Engine.Persistence;
using Approval.Web.Identity;

namespace Approval.Web.Hosting;

/// <summary>
/// Commands of the host for an operator, run instead of the web server:
/// <c>dotnet Approval.Web.dll create-admin --user NAME [--name "显示名"]</c> creates an administrator on the configured
/// database. The password comes from the environment variable <see cref="PasswordVariable"/> or from standard input
/// (typed unseen at a terminal), never from the command line, where it would stay in the shell's history and in the
/// process list.
/// </summary>
public static class HostCommands
{
    public const string PasswordVariable = "APPROVAL_ADMIN_PASSWORD";

    /// <summary>Null when <paramref name="args"/> name no command (start the web server); else the command's exit code.</summary>
    public static async Task<int?> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output,
        Func<string, string?> environment, bool interactive = false)
    {
        if (args is not ["create-admin", .. var options]) return null;
        var user = Option(options, "--user");
        if (string.IsNullOrWhiteSpace(user) || options.Any(o => o.StartsWith("--password", StringComparison.Ordinal)))
        {
            await output.WriteLineAsync($"Usage: create-admin --user NAME [--name DISPLAY-NAME]; the password is read from {PasswordVariable} or standard input.");
            return 2;
        }
        var password = environment(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            if (interactive) await output.WriteAsync($"Password for {user}: ");
            password = interactive ? ReadUnseen() : await input.ReadLineAsync();
            if (interactive) await output.WriteLineAsync();
        }
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync($"No password: set {PasswordVariable} or write it to standard input.");
            return 2;
        }

        await services.GetRequiredService<ApprovalDatabase>().MigrateAsync();
        await IdentityDatabase.MigrateAsync(services);
        var errors = await Administrators.CreateAsync(services, user.Trim(), Option(options, "--name") ?? "系统管理员", password);
        foreach (var error in errors) await output.WriteLineAsync(error);
        if (errors.Count > 0) return 1;
        await output.WriteLineAsync($"Administrator '{user.Trim()}' created.");
        return 0;
    }

    private static string? Option(string[] options, string name)
    {
        var i = Array.IndexOf(options, name);
        return i >= 0 && i + 1 < options.Length ? options[i + 1] : null;
    }

    private static string ReadUnseen()
    {
        var password = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (password.Length > 0) password.Length--; }
            else if (!char.IsControl(key.KeyChar)) password.Append(key.KeyChar);
        }
        return password.ToString();
    }
}
