-- Other places of a document that state the same fact (the within-document merge keeps them): [[start, end], ...].
ALTER TABLE facts ADD COLUMN mentions TEXT NOT NULL DEFAULT '[]';
