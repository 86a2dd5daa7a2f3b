ALTER TABLE `alerts` ADD `acknowledged_at` integer;--> statement-breakpoint
ALTER TABLE `alerts` ADD `acknowledged_by` text;--> statement-breakpoint
CREATE INDEX `alerts_unacknowledged` ON `alerts` (`acknowledged_at`);