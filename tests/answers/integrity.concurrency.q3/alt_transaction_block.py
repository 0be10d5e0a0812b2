# psycopg's transaction() block (BEGIN, then COMMIT or ROLLBACK), SET TRANSACTION inside it,
# and the SQLSTATE instead of exception classes.
import psycopg

RETRYABLE = {"40001", "40P01"}


def transfer_with_retry(con, from_id, to_id, amount, max_attempts=5):
    attempt = 0
    while True:
        attempt += 1
        try:
            with con.transaction():
                con.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE")
                con.execute("UPDATE accounts SET balance = balance + %s WHERE account_id = %s", (amount, to_id))
                con.execute("UPDATE accounts SET balance = balance - %s WHERE account_id = %s", (amount, from_id))
            return attempt
        except psycopg.Error as exc:
            if exc.sqlstate not in RETRYABLE or attempt >= max_attempts:
                raise
