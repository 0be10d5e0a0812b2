-- Named table-level constraints, another column order, another spelling of the checks.
CREATE TABLE books (
    title          TEXT    NOT NULL,
    published_year INTEGER,
    isbn           TEXT    NOT NULL,
    CONSTRAINT books_pk PRIMARY KEY (isbn),
    CONSTRAINT books_year_range CHECK (published_year IS NULL OR (published_year >= 1450 AND published_year <= 2100))
);
CREATE TABLE members (
    email     TEXT    NOT NULL,
    name      TEXT    NOT NULL,
    member_id INTEGER NOT NULL,
    CONSTRAINT members_pk PRIMARY KEY (member_id),
    CONSTRAINT members_email_unique UNIQUE (email)
);
CREATE TABLE copies (
    isbn    TEXT    NOT NULL,
    copy_id INTEGER NOT NULL,
    CONSTRAINT copies_pk PRIMARY KEY (copy_id),
    CONSTRAINT copies_book_fk FOREIGN KEY (isbn) REFERENCES books
);
CREATE TABLE loans (
    returned_on DATE,
    due_on      DATE    NOT NULL,
    loaned_on   DATE    NOT NULL,
    member_id   INTEGER NOT NULL,
    copy_id     INTEGER NOT NULL,
    loan_id     INTEGER NOT NULL,
    CONSTRAINT loans_pk PRIMARY KEY (loan_id),
    CONSTRAINT loans_copy_fk FOREIGN KEY (copy_id) REFERENCES copies (copy_id),
    CONSTRAINT loans_member_fk FOREIGN KEY (member_id) REFERENCES members (member_id),
    CONSTRAINT loans_due_after_loan CHECK (loaned_on < due_on)
);
CREATE UNIQUE INDEX loans_open_copy ON loans (copy_id) WHERE returned_on IS NULL;
