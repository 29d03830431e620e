CREATE TABLE `activities` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`kind` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`all_day` integer DEFAULT false NOT NULL,
	`place` text,
	`municipality_id` text,
	`online_url` text,
	`organisation_id` text,
	`organiser_name` text NOT NULL,
	`submitter_id` text,
	`status` text DEFAULT 'submitted' NOT NULL,
	`moderation_note` text,
	`version` integer DEFAULT 1 NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`submitted_at` integer NOT NULL,
	`published_at` integer,
	`cancelled_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`submitter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `activities_status_ends` ON `activities` (`status`,`ends_at`);--> statement-breakpoint
CREATE INDEX `activities_status_starts` ON `activities` (`status`,`starts_at`);--> statement-breakpoint
CREATE INDEX `activities_status_published` ON `activities` (`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `activities_submitter` ON `activities` (`submitter_id`);--> statement-breakpoint
CREATE INDEX `activities_organisation` ON `activities` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `activity_facets` (
	`activity_id` text NOT NULL,
	`facet` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`activity_id`, `facet`, `value`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `activity_facets_value` ON `activity_facets` (`facet`,`value`,`activity_id`);