CREATE TABLE `content_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`content_id` text NOT NULL,
	`action` text DEFAULT 'write' NOT NULL,
	`title` text NOT NULL,
	`base_hash` text,
	`form_data` text NOT NULL,
	`file_text` text,
	`reason` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`updated_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`reviewer_id` text,
	`review_note` text,
	`review_approved_at` integer,
	`publication_id` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `content_drafts_content` ON `content_drafts` (`kind`,`content_id`,`status`);--> statement-breakpoint
CREATE INDEX `content_drafts_status_updated` ON `content_drafts` (`status`,`updated_at`);