-- Full-text search over pitches, kept in step with the pitches table by
-- triggers, so every write that changes a pitch changes its search row in the same statement.
-- unicode61 with remove_diacritics 2: "cooperatie" finds "coöperatie"; prefix indexes serve
-- "poel*"; the rowid is pitches.seq (an INTEGER PRIMARY KEY, which VACUUM never renumbers).
-- Columns in weight order for bm25: title, area, municipality, body (challenge and ask).
CREATE VIRTUAL TABLE `pitches_fts` USING fts5(
	`title`, `area`, `municipality`, `body`,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4'
);
--> statement-breakpoint
CREATE TRIGGER `pitches_fts_after_insert` AFTER INSERT ON `pitches` BEGIN
	INSERT INTO `pitches_fts` (rowid, `title`, `area`, `municipality`, `body`)
	VALUES (new.`seq`, new.`title`, new.`area`, (SELECT `name` FROM `organisations` WHERE `id` = new.`municipality_id`), new.`challenge` || char(10) || new.`ask`);
END;
--> statement-breakpoint
CREATE TRIGGER `pitches_fts_after_delete` AFTER DELETE ON `pitches` BEGIN
	DELETE FROM `pitches_fts` WHERE rowid = old.`seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `pitches_fts_after_update` AFTER UPDATE OF `title`, `area`, `municipality_id`, `challenge`, `ask` ON `pitches` BEGIN
	DELETE FROM `pitches_fts` WHERE rowid = old.`seq`;
	INSERT INTO `pitches_fts` (rowid, `title`, `area`, `municipality`, `body`)
	VALUES (new.`seq`, new.`title`, new.`area`, (SELECT `name` FROM `organisations` WHERE `id` = new.`municipality_id`), new.`challenge` || char(10) || new.`ask`);
END;
