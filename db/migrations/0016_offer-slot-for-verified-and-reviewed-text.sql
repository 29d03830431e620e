DROP INDEX `offers_one_live_per_employer`;--> statement-breakpoint
CREATE UNIQUE INDEX `offers_one_waiting_per_author` ON `offers` (`pitch_id`,`author_id`) WHERE status = 'waiting-for-verification';--> statement-breakpoint
CREATE UNIQUE INDEX `offers_one_live_per_employer` ON `offers` (`pitch_id`,`employer_id`) WHERE status in ('offered', 'shortlisted', 'accepted');--> statement-breakpoint
ALTER TABLE `pitches` ADD `reviewed_text` text;