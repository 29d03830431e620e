CREATE TABLE `live_session_pitches` (
	`session_id` text NOT NULL,
	`pitch_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`session_id`, `pitch_id`),
	FOREIGN KEY (`session_id`) REFERENCES `live_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`pitch_id`) REFERENCES `pitches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `live_session_pitches_pitch` ON `live_session_pitches` (`pitch_id`);--> statement-breakpoint
CREATE TABLE `live_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`created_by` text,
	`status` text DEFAULT 'open' NOT NULL,
	`current_pitch_id` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`current_pitch_id`) REFERENCES `pitches`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `live_sessions_status_created` ON `live_sessions` (`status`,`created_at`);