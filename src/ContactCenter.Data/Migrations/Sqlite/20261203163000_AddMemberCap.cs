using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Data.Migrations.Sqlite
{
    /// <summary>The 20-member cap as triggers (see <see cref="MemberCap"/>). No model change.</summary>
    [DbContext(typeof(ContactCenterDbContext))]
    [Migration("20261203163000_AddMemberCap")]
    public partial class AddMemberCap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MemberCap.SqliteUpdateUp);
            migrationBuilder.Sql(MemberCap.SqliteInsertUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MemberCap.SqliteDown);
    }
}
