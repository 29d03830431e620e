CREATE TABLE `employer_profiles` (
	`organisation_id` text PRIMARY KEY NOT NULL,
	`sectors` text NOT NULL,
	`regions` text NOT NULL,
	`provinces` text NOT NULL,
	`help_kinds` text NOT NULL,
	`allows_invitations` integer DEFAULT false NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `invitation_links` (
	`id` text PRIMARY KEY NOT NULL,
	`secret_hash` text NOT NULL,
	`invitation_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`invitation_id`) REFERENCES `pitch_invitations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `invitation_links_invitation` ON `invitation_links` (`invitation_id`);--> statement-breakpoint
CREATE INDEX `invitation_links_user` ON `invitation_links` (`user_id`);--> statement-breakpoint
CREATE TABLE `pitch_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`pitch_id` text NOT NULL,
	`employer_id` text NOT NULL,
	`invited_by` text,
	`note` text,
	`status` text DEFAULT 'invited' NOT NULL,
	`decline_reason` text,
	`answered_by` text,
	`answered_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`pitch_id`) REFERENCES `pitches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`employer_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`answered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pitch_invitations_one_per_employer` ON `pitch_invitations` (`pitch_id`,`employer_id`);--> statement-breakpoint
CREATE INDEX `pitch_invitations_invited_by` ON `pitch_invitations` (`invited_by`);--> statement-breakpoint
CREATE INDEX `pitch_invitations_answered_by` ON `pitch_invitations` (`answered_by`);--> statement-breakpoint
CREATE INDEX `pitch_invitations_employer` ON `pitch_invitations` (`employer_id`);--> statement-breakpoint
CREATE INDEX `pitch_invitations_created` ON `pitch_invitations` (`created_at`);