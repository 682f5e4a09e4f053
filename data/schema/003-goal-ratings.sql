-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 3: capability goals (product knowledge, negotiation) are rated 1-5, not counted.
ALTER TABLE goals ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5);
