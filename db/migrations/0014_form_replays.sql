CREATE TABLE `form_replays` (
	`id` text PRIMARY KEY NOT NULL,
	`path` text NOT NULL,
	`action_name` text NOT NULL,
	`result` text NOT NULL,
	`form_values` text NOT NULL,
	`expires_at` integer NOT NULL
);
