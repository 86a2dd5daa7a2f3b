CREATE TABLE `ticket_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`author` text NOT NULL,
	`author_id` text,
	`text` text NOT NULL,
	`at` integer NOT NULL,
	`relayed_at` integer,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ticket_messages_ticket` ON `ticket_messages` (`ticket_id`);--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`urgent` integer DEFAULT false NOT NULL,
	`language` text NOT NULL,
	`channel` text NOT NULL,
	`user_id` text NOT NULL,
	`claimed_by` text,
	`slack_channel` text,
	`slack_ts` text,
	`nudged_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tickets_person` ON `tickets` (`person_id`,`status`);--> statement-breakpoint
CREATE INDEX `tickets_status` ON `tickets` (`status`);--> statement-breakpoint
CREATE TABLE `attendance` (
	`person_id` integer NOT NULL,
	`event_id` text NOT NULL,
	`day` text NOT NULL,
	`answer` text,
	`answered_at` integer,
	`checked_in_at` integer,
	`checked_in_by` text,
	PRIMARY KEY(`person_id`, `event_id`, `day`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attendance_event` ON `attendance` (`event_id`,`day`);