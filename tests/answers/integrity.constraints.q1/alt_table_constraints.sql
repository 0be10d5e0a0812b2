-- Named table constraints, keys added afterwards with ALTER TABLE, an exclusion constraint
-- (btree, no extension needed) for the case-insensitive e-mail, NO ACTION (the default) for rooms.
CREATE TABLE rooms (room_id integer, name text, capacity integer,
    CONSTRAINT rooms_pk PRIMARY KEY (room_id),
    CONSTRAINT rooms_name_required CHECK (name IS NOT NULL),
    CONSTRAINT rooms_name_unique UNIQUE (name),
    CONSTRAINT rooms_capacity_positive CHECK (capacity IS NOT NULL AND capacity >= 1));
CREATE TABLE speakers (speaker_id integer PRIMARY KEY, name text NOT NULL, email text NOT NULL,
    CONSTRAINT one_address EXCLUDE USING btree (lower(email) WITH =));
CREATE TABLE talks (talk_id integer PRIMARY KEY, speaker_id integer NOT NULL, room_id integer,
    title text NOT NULL, minutes integer NOT NULL,
    CONSTRAINT sensible_length CHECK (minutes >= 5 AND minutes <= 90));
ALTER TABLE talks ADD CONSTRAINT talk_speaker FOREIGN KEY (speaker_id) REFERENCES speakers (speaker_id) ON DELETE CASCADE;
ALTER TABLE talks ADD CONSTRAINT talk_room FOREIGN KEY (room_id) REFERENCES rooms (room_id);
