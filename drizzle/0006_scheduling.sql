CREATE TABLE `event_overrides` (
	`event_id` text PRIMARY KEY NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `seat_offers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text NOT NULL,
	`declined_by` integer,
	`reserve_id` integer NOT NULL,
	`status` text DEFAULT 'offered' NOT NULL,
	`offered_at` integer NOT NULL,
	`answered_at` integer,
	FOREIGN KEY (`declined_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reserve_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `seat_offers_event` ON `seat_offers` (`event_id`);--> statement-breakpoint
CREATE INDEX `seat_offers_reserve` ON `seat_offers` (`reserve_id`);