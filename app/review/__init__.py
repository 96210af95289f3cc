"""The EU Delegation's review of a release (issue 15, part B), pure core: per-field word diffs
(diff), comments anchored to a span of a field (anchors), where fields are in the rendered document
(locate), the submitted version as DOCX with the comments as Word comments (word), and a DOCX edited
outside Pressroom read back as proposed changes per field (compare). The web app (app/web) stores
comments and approvals and calls these; nothing here knows of Flask or the database."""
