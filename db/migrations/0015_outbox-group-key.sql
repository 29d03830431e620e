ALTER TABLE `outbox` ADD `group_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_queued_group` ON `outbox` (`group_key`) WHERE status = 'queued';