-- A board move shifts about half its day's column, a hundred cards or more, and the benchmark's future days
-- sit on about 900 pages, each taking several new row versions a second at 1,000 users/s. A shift stays
-- HOT only while its page has room, and room comes back only when a reader prunes the page, which it may
-- do only with the page to itself. With 20 % kept free (V9) 12,000..22,000 shifts a run found their page
-- full and wrote all eleven indexes, the GIN trigram index's pending list among them; up to nine sessions
-- then waited to extend that index, where runs began to answer 503. With half of each page kept free,
-- 2,600..3,400 a run (8,200 in one that saturated the machine), and no session waited on that index;
-- reads cost the same (alternating 80 and 50 at 700 users/s). The table takes 447 MB instead of 266 MB.
-- Existing pages keep their fill until rewritten; new appointments, the ones boards move, get the room.
ALTER TABLE appointments SET (fillfactor = 50);
