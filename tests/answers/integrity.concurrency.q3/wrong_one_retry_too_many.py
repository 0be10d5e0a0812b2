# Off by one: max_attempts retries after the first attempt, i.e. max_attempts + 1 attempts.
import psycopg


def transfer_with_retry(con, from_id, to_id, amount, max_attempts=5):
    attempt = 0
    while True:
        attempt += 1
        try:
            con.execute("BEGIN ISOLATION LEVEL SERIALIZABLE")
            con.execute("UPDATE accounts SET balance = balance - %s WHERE account_id = %s", (amount, from_id))
            con.execute("UPDATE accounts SET balance = balance + %s WHERE account_id = %s", (amount, to_id))
            con.execute("COMMIT")
            return attempt
        except (psycopg.errors.SerializationFailure, psycopg.errors.DeadlockDetected):
            con.execute("ROLLBACK")
            if attempt > max_attempts:
                raise
        except Exception:
            con.execute("ROLLBACK")
            raise
