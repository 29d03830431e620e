CREATE TABLE `curation_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`decision` text NOT NULL,
	`reason` text,
	`decided_by` text,
	`decided_at` integer NOT NULL,
	`user_ids` text NOT NULL,
	`mail_ids` text NOT NULL,
	`released_offers` integer DEFAULT 0 NOT NULL,
	`undone_at` integer,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `curation_decisions_subject` ON `curation_decisions` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE INDEX `curation_decisions_decided` ON `curation_decisions` (`decided_at`);--> statement-breakpoint
CREATE TABLE `suggestions` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`organisation` text,
	`about_path` text,
	`about_title` text,
	`user_id` text,
	`status` text DEFAULT 'new' NOT NULL,
	`handled_at` integer,
	`handled_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`handled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `suggestions_status_created` ON `suggestions` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `suggestions_user` ON `suggestions` (`user_id`);--> statement-breakpoint
CREATE INDEX `suggestions_email` ON `suggestions` (`email`);