-- custom: pitch-counts
-- A second counter beside 'marketplace' (migration 0004) that moves only when something the
-- pitch list filters, counts or sorts on changes: a pitch added or removed, its status,
-- municipality, closing date, publication time or featured flag, or its facets. Offers leave
-- it alone. Each app instance keeps the public list's facet index in memory and reloads it
-- when this number moves (src/marketplace/pitch-index.ts); triggers, so no write can forget it.
INSERT INTO `data_versions` (`name`, `version`) VALUES ('pitch-index', 0);
--> statement-breakpoint
CREATE TRIGGER `pitches_index_after_insert` AFTER INSERT ON `pitches` BEGIN
	UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'pitch-index';
END;
--> statement-breakpoint
CREATE TRIGGER `pitches_index_after_update` AFTER UPDATE OF `seq`, `status`, `municipality_id`, `closing_date`, `published_at`, `featured` ON `pitches` BEGIN
	UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'pitch-index';
END;
--> statement-breakpoint
CREATE TRIGGER `pitches_index_after_delete` AFTER DELETE ON `pitches` BEGIN
	UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'pitch-index';
END;
--> statement-breakpoint
CREATE TRIGGER `pitch_facets_index_after_insert` AFTER INSERT ON `pitch_facets` BEGIN
	UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'pitch-index';
END;
--> statement-breakpoint
CREATE TRIGGER `pitch_facets_index_after_update` AFTER UPDATE ON `pitch_facets` BEGIN
	UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'pitch-index';
END;
--> statement-breakpoint
CREATE TRIGGER `pitch_facets_index_after_delete` AFTER DELETE ON `pitch_facets` BEGIN
	UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'pitch-index';
END;
