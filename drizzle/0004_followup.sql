CREATE TABLE `compensation_claims` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`iban` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`currency` text NOT NULL,
	`reference` text NOT NULL,
	`confirmed_at` integer NOT NULL,
	`batch` text,
	`exported_at` integer,
	`paid_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `compensation_claims_reference_unique` ON `compensation_claims` (`reference`);--> statement-breakpoint
CREATE INDEX `compensation_claims_paid` ON `compensation_claims` (`paid_at`);--> statement-breakpoint
CREATE TABLE `payment_records` (
	`reference` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`iban` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`currency` text NOT NULL,
	`batch` text,
	`paid_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `survey_answers` (
	`respondent` text NOT NULL,
	`questionnaire` text NOT NULL,
	`item` text NOT NULL,
	`value` integer,
	PRIMARY KEY(`respondent`, `questionnaire`, `item`)
);
--> statement-breakpoint
CREATE INDEX `survey_answers_q` ON `survey_answers` (`questionnaire`,`item`);--> statement-breakpoint
CREATE TABLE `survey_comments` (
	`respondent` text NOT NULL,
	`questionnaire` text NOT NULL,
	`text` text NOT NULL,
	PRIMARY KEY(`respondent`, `questionnaire`)
);
--> statement-breakpoint
CREATE TABLE `survey_keys` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`respondent` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_keys_respondent_unique` ON `survey_keys` (`respondent`);