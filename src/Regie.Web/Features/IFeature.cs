using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regie.Web.Infrastructure.Cli;
using System.CommandLine;

namespace Regie.Web.Features;

/// <summary>
/// One slice's wiring, kept in the slice's own folder (<c>&lt;Area&gt;/&lt;Area&gt;Feature.cs</c>): its services, who may
/// open its pages, its API routes and its CLI commands. Every member has an empty default, so a slice implements
/// only what it has. <see cref="FeatureRegistration.All"/> lists the slices.
/// </summary>
public interface IFeature
{
    /// <summary>Handlers, queries, options and background jobs. Scoped: one DbContext per request.</summary>
    void AddServices(IServiceCollection services, IConfiguration configuration) { }

    /// <summary>The policies of the slice's pages (its folder is <c>/&lt;Area&gt;</c>). Without one a page is only for signed-in users.</summary>
    void AuthorizePages(PageConventionCollection pages) { }

    /// <summary>The slice's routes under <c>/api/v1</c>; each route group carries its own authorization policy.</summary>
    void MapApi(RouteGroupBuilder api) { }

    /// <summary>The slice's top-level CLI commands, in the order they appear in the help.</summary>
    IEnumerable<Command> Commands(CliHost cli) => [];
}
