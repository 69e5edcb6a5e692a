-- A board move keeps its columns' positions dense by shifting the other cards of the column, a few
-- hundred rows on a busy day of the benchmark dataset. With position in no index and room left on
-- every page, those shifts are HOT updates: no new entries in the other eleven indexes of appointments
-- and far less bloat. Over the load runs: 10 HOT of 690,995 row updates before, 98 % HOT after.
-- The board reads its days through appointments_starts (starts_at, id) and sorts the cards itself.
DROP INDEX appointments_board;
ALTER TABLE appointments SET (fillfactor = 80);
