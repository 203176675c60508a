using Regie.Domain.Care;
using Regie.Web.Infrastructure.Demo;

namespace Regie.Web.Tests;

/// <summary>A provider's message to the test municipality (<see cref="ProviderBericht"/>, validated against its XSD when written).</summary>
public sealed class BerichtXml(LegalFramework framework, string afzender, string bsn) : ProviderBericht(framework, afzender, bsn, TestApp.Gemeentecode);
