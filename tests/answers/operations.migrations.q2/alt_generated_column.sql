-- price_cents as a stored generated column: always right, nothing to backfill
-- (a half-applied run may have left a plain column: replace it)
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'products'
               AND column_name = 'price_cents' AND is_generated = 'NEVER') THEN
        ALTER TABLE products DROP COLUMN price_cents;
    END IF;
END $$;
ALTER TABLE products ADD COLUMN IF NOT EXISTS price_cents bigint GENERATED ALWAYS AS (round(price * 100)) STORED;
ALTER TABLE products ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'active';
CREATE TABLE IF NOT EXISTS categories (category text PRIMARY KEY);
MERGE INTO categories c
USING (SELECT DISTINCT category FROM products WHERE category IS NOT NULL) p ON c.category = p.category
WHEN NOT MATCHED THEN INSERT (category) VALUES (p.category);
CREATE INDEX IF NOT EXISTS products_category_idx ON products (category);
