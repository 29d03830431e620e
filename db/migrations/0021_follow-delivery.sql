CREATE TABLE `pitch_alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`pitch_id` text NOT NULL,
	`unsubscribe_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`pitch_id`) REFERENCES `pitches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pitch_alerts_user_pitch` ON `pitch_alerts` (`user_id`,`pitch_id`);--> statement-breakpoint
CREATE INDEX `pitch_alerts_pitch` ON `pitch_alerts` (`pitch_id`);--> statement-breakpoint
CREATE INDEX `pitch_alerts_created` ON `pitch_alerts` (`created_at`);--> statement-breakpoint
ALTER TABLE `follows` ADD `delivery` text DEFAULT 'weekly' NOT NULL;