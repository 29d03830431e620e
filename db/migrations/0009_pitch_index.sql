-- custom: pitch-counts
-- A log of the pitches whose place in the public list may have changed: added or removed, their
-- status, municipality, closing date, publication time or featured flag, or their facets.
-- Offers leave it alone. Each app instance keeps the public list's facet index in memory
-- (src/marketplace/pitch-index.ts): the highest id here says whether it is current (one read),
-- and the rows since the id it knows say which pitches to read again. Kept by triggers, so no
-- write can forget it; only the latest 10,000 entries are kept (an instance further behind
-- loads the whole index again).
CREATE TABLE `pitch_index_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seq` integer NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `pitch_index_changes_prune` AFTER INSERT ON `pitch_index_changes` BEGIN
	DELETE FROM `pitch_index_changes` WHERE `id` <= new.`id` - 10000;
END;
--> statement-breakpoint
CREATE TRIGGER `pitches_index_after_insert` AFTER INSERT ON `pitches` BEGIN
	INSERT INTO `pitch_index_changes` (`seq`) VALUES (new.`seq`);
END;
--> statement-breakpoint
CREATE TRIGGER `pitches_index_after_update` AFTER UPDATE OF `seq`, `id`, `status`, `municipality_id`, `closing_date`, `published_at`, `featured` ON `pitches` BEGIN
	INSERT INTO `pitch_index_changes` (`seq`) VALUES (old.`seq`);
	INSERT INTO `pitch_index_changes` (`seq`) SELECT new.`seq` WHERE new.`seq` <> old.`seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `pitches_index_after_delete` AFTER DELETE ON `pitches` BEGIN
	INSERT INTO `pitch_index_changes` (`seq`) VALUES (old.`seq`);
END;
--> statement-breakpoint
CREATE TRIGGER `pitch_facets_index_after_insert` AFTER INSERT ON `pitch_facets` BEGIN
	INSERT INTO `pitch_index_changes` (`seq`) SELECT `seq` FROM `pitches` WHERE `id` = new.`pitch_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `pitch_facets_index_after_update` AFTER UPDATE ON `pitch_facets` BEGIN
	INSERT INTO `pitch_index_changes` (`seq`) SELECT `seq` FROM `pitches` WHERE `id` IN (old.`pitch_id`, new.`pitch_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `pitch_facets_index_after_delete` AFTER DELETE ON `pitch_facets` BEGIN
	INSERT INTO `pitch_index_changes` (`seq`) SELECT `seq` FROM `pitches` WHERE `id` = old.`pitch_id`;
END;
