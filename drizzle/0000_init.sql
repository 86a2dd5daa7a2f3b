CREATE TABLE `conversations` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`flow` text NOT NULL,
	`step` text NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `identities` (
	`channel` text NOT NULL,
	`user_id` text NOT NULL,
	`person_id` integer NOT NULL,
	`reachable` integer DEFAULT true NOT NULL,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	PRIMARY KEY(`channel`, `user_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `identities_person` ON `identities` (`person_id`);--> statement-breakpoint
CREATE TABLE `inbound_log` (
	`channel` text NOT NULL,
	`message_id` text NOT NULL,
	`person_id` integer,
	`replies` text DEFAULT '[]' NOT NULL,
	`delivered` integer DEFAULT false NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`channel`, `message_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `inbound_log_received` ON `inbound_log` (`received_at`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pseudonym` text NOT NULL,
	`language` text,
	`status` text DEFAULT 'active' NOT NULL,
	`essential_only` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_pseudonym_unique` ON `people` (`pseudonym`);--> statement-breakpoint
CREATE TABLE `code_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `code_attempts_at` ON `code_attempts` (`at`);--> statement-breakpoint
CREATE INDEX `code_attempts_person` ON `code_attempts` (`person_id`,`at`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`code` text PRIMARY KEY NOT NULL,
	`languages` text NOT NULL,
	`postcode` text,
	`household` text,
	`imported_at` integer NOT NULL,
	`claimed_by` integer,
	`claimed_at` integer,
	FOREIGN KEY (`claimed_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `registrations` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`invitation_code` text NOT NULL,
	`status` text NOT NULL,
	`ineligible_reason` text,
	`first_name` text,
	`last_name` text,
	`birth_date` text,
	`gender` text,
	`gender_text` text,
	`postcode` text,
	`province` text,
	`region` text,
	`german_community` integer,
	`education` text,
	`nationality` text,
	`eu_vote` text,
	`phone` text,
	`email` text,
	`consent_version` text,
	`consent_at` integer,
	`registered_at` integer NOT NULL,
	`selection` text DEFAULT 'pending' NOT NULL,
	`selection_at` integer,
	`participation` text DEFAULT 'pending' NOT NULL,
	`participation_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invitation_code`) REFERENCES `invitations`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_invitation_code_unique` ON `registrations` (`invitation_code`);--> statement-breakpoint
CREATE INDEX `registrations_status` ON `registrations` (`status`,`selection`);--> statement-breakpoint
CREATE TABLE `alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`payload` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`posted_at` integer
);
--> statement-breakpoint
CREATE INDEX `alerts_unposted` ON `alerts` (`posted_at`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`target` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer,
	`channel` text,
	`user_id` text,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`due_at` integer NOT NULL,
	`expires_at` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`idempotency_key` text NOT NULL,
	`priority` integer DEFAULT 5 NOT NULL,
	`essential` integer DEFAULT true NOT NULL,
	`skip_reason` text,
	`last_error` text,
	`claimed_at` integer,
	`sent_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idempotency_key_unique` ON `outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `outbox_person` ON `outbox` (`person_id`);