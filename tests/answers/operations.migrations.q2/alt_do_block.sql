-- catalog checks in a DO block; NOT EXISTS instead of ON CONFLICT
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                   WHERE table_name = 'products' AND column_name = 'price_cents') THEN
        ALTER TABLE products ADD COLUMN price_cents bigint;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                   WHERE table_name = 'products' AND column_name = 'status') THEN
        ALTER TABLE products ADD COLUMN status text NOT NULL DEFAULT 'active';
    END IF;
    IF to_regclass('categories') IS NULL THEN
        CREATE TABLE categories (category text PRIMARY KEY);
    END IF;
    IF to_regclass('products_category_idx') IS NULL THEN
        CREATE INDEX products_category_idx ON products (category);
    END IF;
END $$;
UPDATE products SET price_cents = round(price * 100) WHERE price_cents IS NULL OR price_cents <> round(price * 100);
INSERT INTO categories (category)
SELECT DISTINCT p.category FROM products p
WHERE p.category IS NOT NULL AND NOT EXISTS (SELECT 1 FROM categories c WHERE c.category = p.category);
