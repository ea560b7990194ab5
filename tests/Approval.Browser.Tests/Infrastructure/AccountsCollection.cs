namespace Approval.Browser.Tests.Infrastructure;

/// <summary>
/// The test classes that create staff accounts, and the one that counts them (the users page's 「共 N 个」): run one after
/// another, so that an account another class creates in parallel is never counted as one the form created.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AccountsCollection
{
    public const string Name = "accounts";
}
