CREATE TABLE `follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`pitch_id` text NOT NULL,
	`months_after` integer NOT NULL,
	`due_on` text NOT NULL,
	`reminded_at` integer,
	`reminder_mail_id` text,
	`started` integer,
	`still_working` integer,
	`answered_by` text,
	`answered_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`pitch_id`) REFERENCES `pitches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`answered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "follow_ups_months" CHECK("follow_ups"."months_after" in (3, 6, 12)),
	CONSTRAINT "follow_ups_answer" CHECK(("follow_ups"."started" is null and "follow_ups"."still_working" is null) or ("follow_ups"."started" >= 0 and "follow_ups"."still_working" >= 0 and "follow_ups"."still_working" <= "follow_ups"."started"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_ups_pitch_moment` ON `follow_ups` (`pitch_id`,`months_after`);--> statement-breakpoint
CREATE INDEX `follow_ups_due` ON `follow_ups` (`due_on`) WHERE reminded_at is null;--> statement-breakpoint
CREATE INDEX `follow_ups_answered_by` ON `follow_ups` (`answered_by`);--> statement-breakpoint
-- custom: follow-ups
-- Answers show on public pages (the pitch page, /resultaten/): a new, removed or changed answer
-- moves the marketplace's state, so cached pages are made again (src/server/page-cache.ts).
-- A reminder being sent (reminded_at) changes nothing public and does not move it.
CREATE TRIGGER `follow_ups_version_after_insert` AFTER INSERT ON `follow_ups` BEGIN
	UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'marketplace';
END;
--> statement-breakpoint
CREATE TRIGGER `follow_ups_version_after_answer` AFTER UPDATE OF `started`, `still_working`, `answered_at` ON `follow_ups` BEGIN
	UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'marketplace';
END;
--> statement-breakpoint
CREATE TRIGGER `follow_ups_version_after_delete` AFTER DELETE ON `follow_ups` BEGIN
	UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'marketplace';
END;
