-- The pitch search table again: a fifth column with the pitch's search keys (the parts of its
-- compounds and the synonyms of what it uses, computed in TypeScript on every text write:
-- pitches.search_keys), so "subsidie" finds a pitch about "loonkostensubsidie"; and prefix
-- indexes for 5 and 6 letters too. A query word is searched as prefixes in its Dutch forms
-- ("haven", "haf"); a prefix longer than the table's prefix indexes makes FTS5 merge the lists of
-- every word it begins before it can search, which grew with the number of pitches (10 ms at
-- 100,000 for "haven 4242", 0.6 ms with these indexes; the table grows by about a fifth).
DROP TRIGGER IF EXISTS `pitches_fts_after_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `pitches_fts_after_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `pitches_fts_after_update`;
--> statement-breakpoint
DROP TABLE IF EXISTS `pitches_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `pitches_fts` USING fts5(
	`title`, `area`, `municipality`, `body`, `keys`,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3 4 5 6'
);
--> statement-breakpoint
INSERT INTO `pitches_fts` (rowid, `title`, `area`, `municipality`, `body`, `keys`)
	SELECT p.`seq`, p.`title`, p.`area`, (SELECT `name` FROM `organisations` WHERE `id` = p.`municipality_id`), p.`challenge` || char(10) || p.`ask`, p.`search_keys`
	FROM `pitches` p;
--> statement-breakpoint
CREATE TRIGGER `pitches_fts_after_insert` AFTER INSERT ON `pitches` BEGIN
	INSERT INTO `pitches_fts` (rowid, `title`, `area`, `municipality`, `body`, `keys`)
	VALUES (new.`seq`, new.`title`, new.`area`, (SELECT `name` FROM `organisations` WHERE `id` = new.`municipality_id`), new.`challenge` || char(10) || new.`ask`, new.`search_keys`);
END;
--> statement-breakpoint
CREATE TRIGGER `pitches_fts_after_delete` AFTER DELETE ON `pitches` BEGIN
	DELETE FROM `pitches_fts` WHERE rowid = old.`seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `pitches_fts_after_update` AFTER UPDATE OF `title`, `area`, `municipality_id`, `challenge`, `ask`, `search_keys` ON `pitches` BEGIN
	DELETE FROM `pitches_fts` WHERE rowid = old.`seq`;
	INSERT INTO `pitches_fts` (rowid, `title`, `area`, `municipality`, `body`, `keys`)
	VALUES (new.`seq`, new.`title`, new.`area`, (SELECT `name` FROM `organisations` WHERE `id` = new.`municipality_id`), new.`challenge` || char(10) || new.`ask`, new.`search_keys`);
END;
