CREATE TABLE `publications` (
	`id` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`summary` text NOT NULL,
	`publisher_id` text,
	`publisher_name` text NOT NULL,
	`draft_id` text,
	`changes` text NOT NULL,
	`revert_of` text,
	`message` text,
	`claimed_by` text,
	`claimed_until` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`revision_id` text,
	FOREIGN KEY (`publisher_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `publications_state` ON `publications` (`state`,`created_at`);--> statement-breakpoint
CREATE TABLE `revisions` (
	`id` text PRIMARY KEY NOT NULL,
	`publication_id` text NOT NULL,
	`publisher_id` text,
	`publisher_name` text NOT NULL,
	`summary` text NOT NULL,
	`changes` text NOT NULL,
	`paths` text NOT NULL,
	`revert_of` text,
	`git_commit` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`publisher_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `revisions_created` ON `revisions` (`created_at`);