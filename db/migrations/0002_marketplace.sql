CREATE TABLE `offers` (
	`id` text PRIMARY KEY NOT NULL,
	`pitch_id` text NOT NULL,
	`employer_id` text NOT NULL,
	`author_id` text,
	`help_kinds` text NOT NULL,
	`places` integer,
	`starts_on` text,
	`support` text,
	`message` text,
	`show_name` integer DEFAULT false NOT NULL,
	`status` text NOT NULL,
	`owner_message` text,
	`version` integer DEFAULT 1 NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`pitch_id`) REFERENCES `pitches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`employer_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `offers_one_live_per_employer` ON `offers` (`pitch_id`,`employer_id`) WHERE status in ('waiting-for-verification', 'offered', 'shortlisted', 'accepted');--> statement-breakpoint
CREATE INDEX `offers_pitch_status` ON `offers` (`pitch_id`,`status`);--> statement-breakpoint
CREATE INDEX `offers_employer` ON `offers` (`employer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `offers_author` ON `offers` (`author_id`);--> statement-breakpoint
CREATE TABLE `pitch_facets` (
	`pitch_id` text NOT NULL,
	`facet` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`pitch_id`, `facet`, `value`),
	FOREIGN KEY (`pitch_id`) REFERENCES `pitches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pitch_facets_value` ON `pitch_facets` (`facet`,`value`,`pitch_id`);--> statement-breakpoint
CREATE TABLE `pitches` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`municipality_id` text NOT NULL,
	`author_id` text,
	`title` text NOT NULL,
	`area` text NOT NULL,
	`challenge` text NOT NULL,
	`challenge_html` text NOT NULL,
	`ask` text NOT NULL,
	`ask_html` text NOT NULL,
	`people_sought` integer,
	`closing_date` text NOT NULL,
	`contact_name` text NOT NULL,
	`contact_role` text,
	`contact_email` text NOT NULL,
	`contact_phone` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`moderation_note` text,
	`featured` integer DEFAULT false NOT NULL,
	`outcome` text,
	`people_placed` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`submitted_at` integer,
	`published_at` integer,
	`closed_at` integer,
	FOREIGN KEY (`municipality_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pitches_id` ON `pitches` (`id`);--> statement-breakpoint
CREATE INDEX `pitches_status_published` ON `pitches` (`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `pitches_status_closing` ON `pitches` (`status`,`closing_date`);--> statement-breakpoint
CREATE INDEX `pitches_municipality_status` ON `pitches` (`municipality_id`,`status`);--> statement-breakpoint
CREATE INDEX `pitches_author` ON `pitches` (`author_id`);--> statement-breakpoint
CREATE INDEX `pitches_submitted` ON `pitches` (`status`,`submitted_at`);