# Type 1 for every attribute: city and segment are overwritten in place, so no history is kept.
def load_customer_scd2(con):
    con.execute("""
    CREATE SEQUENCE IF NOT EXISTS customer_key_seq;
    CREATE TABLE IF NOT EXISTS dim_customer (
        customer_key INTEGER NOT NULL DEFAULT nextval('customer_key_seq'),
        customer_id  INTEGER NOT NULL,
        name         VARCHAR,
        city         VARCHAR,
        segment      VARCHAR,
        valid_from   DATE NOT NULL,
        valid_to     DATE,
        is_current   BOOLEAN NOT NULL
    );
    BEGIN;
    -- type 1: the name is corrected on every version
    UPDATE dim_customer AS d SET name = s.name, city = s.city, segment = s.segment
    FROM stg_customer AS s
    WHERE d.customer_id = s.customer_id;
    -- type 2: close the current version when a tracked attribute changed
    UPDATE dim_customer AS d SET valid_to = s.extract_date, is_current = false
    FROM stg_customer AS s
    WHERE d.customer_id = s.customer_id AND d.is_current
      AND (d.city IS DISTINCT FROM s.city OR d.segment IS DISTINCT FROM s.segment);
    -- open a version for new customers and for those just closed
    INSERT INTO dim_customer (customer_id, name, city, segment, valid_from, valid_to, is_current)
    SELECT s.customer_id, s.name, s.city, s.segment, s.extract_date, NULL, true
    FROM stg_customer AS s
    WHERE NOT EXISTS (SELECT 1 FROM dim_customer AS d WHERE d.customer_id = s.customer_id AND d.is_current);
    COMMIT;
    """)
