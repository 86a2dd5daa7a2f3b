ALTER TABLE `people` ADD `easy_read` integer;--> statement-breakpoint
ALTER TABLE `invitations` ADD `easy_read` integer DEFAULT false NOT NULL;