-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 16: a review cycle is due a number of days after its period ends (Settings,
-- review_due_days, 30 unless set); a member not signed off by then is late.
ALTER TABLE review_cycles ADD COLUMN due_on TEXT;
UPDATE review_cycles SET due_on = date (period_end, '+30 days');
