# One statement per attempt (both balances in one UPDATE), retried by recursion.
import psycopg


def transfer_with_retry(con, from_id, to_id, amount, max_attempts=5, _attempt=1):
    try:
        con.execute("BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE")
        con.execute("""UPDATE accounts SET balance = balance + CASE WHEN account_id = %s THEN -%s ELSE %s END
                       WHERE account_id IN (%s, %s)""", (from_id, amount, amount, from_id, to_id))
        con.execute("COMMIT")
        return _attempt
    except (psycopg.errors.SerializationFailure, psycopg.errors.DeadlockDetected):
        con.execute("ROLLBACK")
        if _attempt >= max_attempts:
            raise
        return transfer_with_retry(con, from_id, to_id, amount, max_attempts, _attempt + 1)
    except BaseException:
        con.execute("ROLLBACK")
        raise
