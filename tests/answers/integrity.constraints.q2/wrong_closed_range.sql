-- '[]' makes the end day part of the period: two periods that merely touch are refused.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE price_history (
    product_id integer NOT NULL,
    price      numeric(10,2) NOT NULL CHECK (price >= 0),
    valid_from date NOT NULL,
    valid_to   date CHECK (valid_to > valid_from),
    EXCLUDE USING gist (product_id WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
);
