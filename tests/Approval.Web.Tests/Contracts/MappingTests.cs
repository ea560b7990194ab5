using Approval.Web.Api.Contracts;
using AutoMapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Approval.Web.Tests.Contracts;

public sealed class MappingTests
{
    [Fact]
    public void Every_dto_member_is_mapped_or_explicitly_computed()
    {
        var configuration = new MapperConfiguration(cfg => cfg.AddProfile<ApiProfile>(), NullLoggerFactory.Instance);

        configuration.AssertConfigurationIsValid();
    }
}
