using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Regie.Web.Data.Migrations;

/// <summary>
/// An API key can be bound to a team (it acts for that team) or to a person (it acts as that person), so a
/// team lead's or professional's system can do what the handlers allow only within a team or for one's own actions.
/// </summary>
[DbContext(typeof(RegieDbContext))]
[Migration("20261205000036_ApiKeyScope")]
public sealed class M0036_ApiKeyScope : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<Guid>("TeamId", "ApiKeys", nullable: true);
        m.AddColumn<string>("UserId", "ApiKeys", maxLength: 450, nullable: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropColumn("UserId", "ApiKeys");
        m.DropColumn("TeamId", "ApiKeys");
    }
}
