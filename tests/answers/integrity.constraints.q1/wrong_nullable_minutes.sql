-- The CHECK is there but minutes may be NULL (a CHECK that is NULL passes) and the capacity only NOT NULL.
CREATE TABLE rooms (
    room_id  integer PRIMARY KEY,
    name     text NOT NULL UNIQUE,
    capacity integer NOT NULL
);
CREATE TABLE speakers (
    speaker_id integer PRIMARY KEY,
    name       text NOT NULL,
    email      text NOT NULL
);
CREATE UNIQUE INDEX ON speakers (lower(email));
CREATE TABLE talks (
    talk_id    integer PRIMARY KEY,
    speaker_id integer NOT NULL REFERENCES speakers ON DELETE CASCADE,
    room_id    integer REFERENCES rooms,
    title      text NOT NULL,
    minutes    integer CHECK (minutes BETWEEN 5 AND 90)
);
