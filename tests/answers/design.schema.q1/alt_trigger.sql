-- The one-open-loan rule as a trigger instead of a partial unique index.
CREATE TABLE members (member_id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL UNIQUE);
CREATE TABLE books (
    isbn TEXT NOT NULL PRIMARY KEY,
    title TEXT NOT NULL,
    published_year INTEGER CHECK (published_year BETWEEN 1450 AND 2100)
);
CREATE TABLE copies (copy_id INTEGER PRIMARY KEY, isbn TEXT NOT NULL REFERENCES books);
CREATE TABLE loans (
    loan_id INTEGER PRIMARY KEY,
    copy_id INTEGER NOT NULL REFERENCES copies,
    member_id INTEGER NOT NULL REFERENCES members,
    loaned_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    returned_on TEXT,
    CHECK (due_on > loaned_on)
);
CREATE TRIGGER loans_one_open_per_copy
BEFORE INSERT ON loans
WHEN NEW.returned_on IS NULL
 AND EXISTS (SELECT 1 FROM loans WHERE copy_id = NEW.copy_id AND returned_on IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'this copy is already out');
END;
CREATE TRIGGER loans_one_open_per_copy_on_update
BEFORE UPDATE OF copy_id, returned_on ON loans
WHEN NEW.returned_on IS NULL
 AND EXISTS (SELECT 1 FROM loans WHERE copy_id = NEW.copy_id AND returned_on IS NULL AND loan_id <> NEW.loan_id)
BEGIN
    SELECT RAISE(ABORT, 'this copy is already out');
END;
