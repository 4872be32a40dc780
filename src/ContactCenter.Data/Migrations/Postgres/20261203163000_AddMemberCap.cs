using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Data.Migrations.Postgres
{
    /// <summary>The 20-member cap as a trigger that locks the session's row (see <see cref="MemberCap"/>). No model change.</summary>
    [DbContext(typeof(PostgresContactCenterDbContext))]
    [Migration("20261203163000_AddMemberCap")]
    public partial class AddMemberCap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MemberCap.PostgresUp);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MemberCap.PostgresDown);
    }
}
