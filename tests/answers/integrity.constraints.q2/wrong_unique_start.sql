-- UNIQUE (product_id, valid_from) only stops two periods starting the same day.
CREATE TABLE price_history (
    product_id integer NOT NULL,
    price      numeric(10,2) NOT NULL CHECK (price >= 0),
    valid_from date NOT NULL,
    valid_to   date CHECK (valid_to > valid_from),
    UNIQUE (product_id, valid_from)
);
