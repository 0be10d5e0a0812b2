-- UNIQUE (email) compares letter by letter: ADA@example.org slips in beside ada@example.org.
CREATE TABLE rooms (
    room_id  integer PRIMARY KEY,
    name     text NOT NULL UNIQUE,
    capacity integer NOT NULL CHECK (capacity > 0)
);
CREATE TABLE speakers (
    speaker_id integer PRIMARY KEY,
    name       text NOT NULL,
    email      text NOT NULL UNIQUE
);
CREATE TABLE talks (
    talk_id    integer PRIMARY KEY,
    speaker_id integer NOT NULL REFERENCES speakers ON DELETE CASCADE,
    room_id    integer REFERENCES rooms,
    title      text NOT NULL,
    minutes    integer NOT NULL CHECK (minutes BETWEEN 5 AND 90)
);
