ALTER TABLE products ADD COLUMN IF NOT EXISTS price_cents bigint;
UPDATE products SET price_cents = round(price * 100);
ALTER TABLE products ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'active';
CREATE TABLE IF NOT EXISTS categories (category text PRIMARY KEY);
INSERT INTO categories SELECT DISTINCT category FROM products WHERE category IS NOT NULL;
CREATE INDEX IF NOT EXISTS products_category_idx ON products (category);
