-- A counter that moves with every change to the marketplace (pitches, their facets, offers),
-- so every app instance can tell in one primary-key read whether a cached public page is still
-- current (src/server/page-cache.ts). Kept by triggers: no write can forget it.
CREATE TABLE `data_versions` (
	`name` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `data_versions` (`name`, `version`) VALUES ('marketplace', 0);
--> statement-breakpoint
CREATE TRIGGER `pitches_version_after_insert` AFTER INSERT ON `pitches` BEGIN
	UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'marketplace';
END;
--> statement-breakpoint
CREATE TRIGGER `pitches_version_after_update` AFTER UPDATE ON `pitches` BEGIN
	UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'marketplace';
END;
--> statement-breakpoint
CREATE TRIGGER `pitches_version_after_delete` AFTER DELETE ON `pitches` BEGIN
	UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'marketplace';
END;
--> statement-breakpoint
CREATE TRIGGER `pitch_facets_version_after_insert` AFTER INSERT ON `pitch_facets` BEGIN
	UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'marketplace';
END;
--> statement-breakpoint
CREATE TRIGGER `pitch_facets_version_after_update` AFTER UPDATE ON `pitch_facets` BEGIN
	UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'marketplace';
END;
--> statement-breakpoint
CREATE TRIGGER `pitch_facets_version_after_delete` AFTER DELETE ON `pitch_facets` BEGIN
	UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'marketplace';
END;
--> statement-breakpoint
CREATE TRIGGER `offers_version_after_insert` AFTER INSERT ON `offers` BEGIN
	UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'marketplace';
END;
--> statement-breakpoint
CREATE TRIGGER `offers_version_after_update` AFTER UPDATE ON `offers` BEGIN
	UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'marketplace';
END;
--> statement-breakpoint
CREATE TRIGGER `offers_version_after_delete` AFTER DELETE ON `offers` BEGIN
	UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'marketplace';
END;
