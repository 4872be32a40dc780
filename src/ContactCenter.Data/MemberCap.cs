using ContactCenter.Core.Domain;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ContactCenter.Data;

/// <summary>
/// The 20-member cap as a database rule (migration <c>AddMemberCap</c> in both chains): a trigger on
/// <c>Participants</c> refuses a row that joins a session that already has <see cref="Session.MaxMembers"/> members.
/// On PostgreSQL it first locks the session's row, so joins to one session are counted one at a time whichever node
/// makes them; on SQLite every write is serialised anyway. Both raise <see cref="ErrorCode"/>. The 20 is written into
/// the SQL: a change of <see cref="Session.MaxMembers"/> needs a new migration (MemberCapTests fail until then).
/// </summary>
internal static class MemberCap
{
    /// <summary>The SQLSTATE of the PostgreSQL trigger, and the start of the SQLite trigger's message.</summary>
    public const string ErrorCode = "CC020";

    public static bool IsViolation(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState == ErrorCode,
        SqliteException sqlite => sqlite.Message.Contains(ErrorCode, StringComparison.Ordinal),
        _ => exception.InnerException is not null && IsViolation(exception.InnerException),
    };

    public const string PostgresUp = $$"""
        CREATE FUNCTION cc_participants_member_cap() RETURNS trigger LANGUAGE plpgsql AS $fn$
        DECLARE
          members integer;
        BEGIN
          IF NEW."SessionId" IS NULL OR (TG_OP = 'UPDATE' AND OLD."SessionId" IS NOT DISTINCT FROM NEW."SessionId") THEN
            RETURN NEW;
          END IF;
          -- One join at a time per session, on every node: the session's row is the lock. Under READ COMMITTED the
          -- count below takes a new snapshot, so it sees every join committed while this one waited.
          PERFORM 1 FROM "Sessions" WHERE "Id" = NEW."SessionId" FOR UPDATE;
          SELECT count(*) INTO members FROM "Participants" WHERE "SessionId" = NEW."SessionId" AND "Id" <> NEW."Id";
          IF members >= 20 THEN
            RAISE EXCEPTION 'session % is full: it has % members', NEW."SessionId", members USING ERRCODE = '{{ErrorCode}}';
          END IF;
          RETURN NEW;
        END
        $fn$;
        CREATE TRIGGER participants_member_cap BEFORE INSERT OR UPDATE OF "SessionId" ON "Participants"
          FOR EACH ROW EXECUTE FUNCTION cc_participants_member_cap();
        """;

    public const string PostgresDown = """
        DROP TRIGGER IF EXISTS participants_member_cap ON "Participants";
        DROP FUNCTION IF EXISTS cc_participants_member_cap();
        """;

    public const string SqliteUpdateUp = $"""
        CREATE TRIGGER participants_member_cap_update BEFORE UPDATE OF SessionId ON Participants
        WHEN NEW.SessionId IS NOT NULL AND NEW.SessionId IS NOT OLD.SessionId
          AND (SELECT COUNT(*) FROM Participants WHERE SessionId = NEW.SessionId AND Id <> NEW.Id) >= 20
        BEGIN
          SELECT RAISE(ABORT, '{ErrorCode} session is full');
        END;
        """;

    public const string SqliteInsertUp = $"""
        CREATE TRIGGER participants_member_cap_insert BEFORE INSERT ON Participants
        WHEN NEW.SessionId IS NOT NULL
          AND (SELECT COUNT(*) FROM Participants WHERE SessionId = NEW.SessionId) >= 20
        BEGIN
          SELECT RAISE(ABORT, '{ErrorCode} session is full');
        END;
        """;

    public const string SqliteDown = """
        DROP TRIGGER IF EXISTS participants_member_cap_update;
        DROP TRIGGER IF EXISTS participants_member_cap_insert;
        """;
}
