-- the backfill only runs when the column is created: rows added later keep price_cents NULL
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                   WHERE table_name = 'products' AND column_name = 'price_cents') THEN
        ALTER TABLE products ADD COLUMN price_cents bigint;
        UPDATE products SET price_cents = round(price * 100);
    END IF;
END $$;
ALTER TABLE products ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'active';
CREATE TABLE IF NOT EXISTS categories (category text PRIMARY KEY);
INSERT INTO categories SELECT DISTINCT category FROM products WHERE category IS NOT NULL
ON CONFLICT DO NOTHING;
CREATE INDEX IF NOT EXISTS products_category_idx ON products (category);
