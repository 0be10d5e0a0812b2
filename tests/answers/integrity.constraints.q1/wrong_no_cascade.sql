-- No ON DELETE action on the speaker: deleting a speaker who has talks is refused.
CREATE TABLE rooms (
    room_id  integer PRIMARY KEY,
    name     text NOT NULL UNIQUE,
    capacity integer NOT NULL CHECK (capacity > 0)
);
CREATE TABLE speakers (
    speaker_id integer PRIMARY KEY,
    name       text NOT NULL,
    email      text NOT NULL
);
CREATE UNIQUE INDEX ON speakers (lower(email));
CREATE TABLE talks (
    talk_id    integer PRIMARY KEY,
    speaker_id integer NOT NULL REFERENCES speakers,
    room_id    integer REFERENCES rooms,
    title      text NOT NULL,
    minutes    integer NOT NULL CHECK (minutes BETWEEN 5 AND 90)
);
