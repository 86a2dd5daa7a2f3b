CREATE TABLE `broadcasts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`audience` text NOT NULL,
	`event_id` text,
	`texts` text NOT NULL,
	`essential` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`queued_by` text,
	`queued_at` integer,
	`queued_count` integer
);
--> statement-breakpoint
ALTER TABLE `ticket_messages` ADD `source_id` text;--> statement-breakpoint
CREATE INDEX `ticket_messages_source` ON `ticket_messages` (`source_id`);--> statement-breakpoint
ALTER TABLE `tickets` ADD `slack_shown` text;