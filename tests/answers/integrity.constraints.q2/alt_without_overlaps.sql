-- PostgreSQL 18's temporal key: a generated range column and UNIQUE (..., WITHOUT OVERLAPS).
-- (The CASE keeps an inverted period from failing inside daterange() before the CHECK sees it.)
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE price_history (
    product_id integer NOT NULL,
    price      numeric(10,2) NOT NULL,
    valid_from date NOT NULL,
    valid_to   date,
    valid      daterange GENERATED ALWAYS AS (
                   CASE WHEN valid_to IS NULL OR valid_from < valid_to THEN daterange(valid_from, valid_to) END
               ) STORED,
    CONSTRAINT price_not_negative CHECK (price >= 0),
    CONSTRAINT period_not_empty CHECK (valid_to IS NULL OR valid_from < valid_to),
    CONSTRAINT one_price_a_day UNIQUE (product_id, valid WITHOUT OVERLAPS)
);
