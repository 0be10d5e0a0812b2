-- A validation trigger that treats a NULL end as infinity (and rows already there as its peers).
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
                 AND p.valid_from < coalesce(NEW.valid_to, 'infinity')
                 AND NEW.valid_from < coalesce(p.valid_to, 'infinity')) THEN
        RAISE EXCEPTION 'overlapping period' USING ERRCODE = 'exclusion_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE CONSTRAINT TRIGGER price_periods AFTER INSERT OR UPDATE ON price_history
FOR EACH ROW EXECUTE FUNCTION no_overlap();
