-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 17: the supervisor's comment on a person's ratings, typed beside them in the rating
-- grid or on the review form; a review field like the others, so the sign-off lock, the audit
-- log and erasure cover it.
ALTER TABLE reviews ADD COLUMN rating_comment TEXT;
