CREATE TABLE `payment_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL,
	`count` integer NOT NULL,
	`total_cents` integer NOT NULL,
	`again_of` text
);
