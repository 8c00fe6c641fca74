-- Issue 11, remind (PRODUCT.md §9): every reminder e-mail the server accepted, one row per department and
-- mail. The unique key is the same-day rule: a department is not sent the same kind twice on one day.
--   kind               未提出 (the template attached) or 差戻し (the annotated copy attached)
--   sent_on            the day it was sent, in review.zone
--   recipients         the addresses, comma separated
--   server_reply       the SMTP server's last reply to the message (e.g. 250 OK queued as …)
CREATE TABLE reminder (
	id                INTEGER PRIMARY KEY AUTOINCREMENT,
	term              INTEGER NOT NULL,
	department_code   TEXT    NOT NULL,
	kind              TEXT    NOT NULL CHECK (kind IN ('未提出', '差戻し')),
	recipients        TEXT    NOT NULL,
	subject           TEXT    NOT NULL,
	attachment_name   TEXT    NOT NULL,
	attachment_sha256 TEXT    NOT NULL,
	sent_on           TEXT    NOT NULL,
	sent_at           TEXT    NOT NULL,
	server_reply      TEXT,
	UNIQUE (department_code, kind, sent_on)
);
