# Retries without rolling back: the next BEGIN runs inside the aborted transaction and every
# statement fails with InFailedSqlTransaction, which is not retried.
import psycopg


def transfer_with_retry(con, from_id, to_id, amount, max_attempts=5):
    for attempt in range(1, max_attempts + 1):
        try:
            con.execute("BEGIN ISOLATION LEVEL SERIALIZABLE")
            con.execute("UPDATE accounts SET balance = balance - %s WHERE account_id = %s", (amount, from_id))
            con.execute("UPDATE accounts SET balance = balance + %s WHERE account_id = %s", (amount, to_id))
            con.execute("COMMIT")
            return attempt
        except (psycopg.errors.SerializationFailure, psycopg.errors.DeadlockDetected):
            if attempt == max_attempts:
                raise
