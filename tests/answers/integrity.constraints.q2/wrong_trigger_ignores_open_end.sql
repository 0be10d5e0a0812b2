-- A validation trigger whose overlap test compares with valid_to directly: a NULL (open) end
-- makes the comparison NULL, so open-ended periods never count as overlapping.
CREATE TABLE price_history (
    product_id integer NOT NULL,
    price      numeric(10,2) NOT NULL CHECK (price >= 0),
    valid_from date NOT NULL,
    valid_to   date CHECK (valid_to > valid_from)
);
CREATE FUNCTION no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM price_history AS p
               WHERE p.product_id = NEW.product_id AND p.ctid <> NEW.ctid
                 AND p.valid_from < NEW.valid_to AND NEW.valid_from < p.valid_to) THEN
        RAISE EXCEPTION 'overlapping period' USING ERRCODE = 'exclusion_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE CONSTRAINT TRIGGER price_periods AFTER INSERT OR UPDATE ON price_history
FOR EACH ROW EXECUTE FUNCTION no_overlap();
