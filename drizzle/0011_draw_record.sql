CREATE TABLE `draws` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`selected` integer NOT NULL,
	`reserves` integer NOT NULL,
	`reserve_method` text NOT NULL,
	`reserve_seed` text,
	`details` text DEFAULT '{}' NOT NULL,
	`recorded_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `registrations` ADD `reserve_rank` integer;