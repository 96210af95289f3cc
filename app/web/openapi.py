"""The OpenAPI 3.0 description of the JSON API, served at /api/openapi.json (tested with schemathesis)."""
from __future__ import annotations

from app import __version__


def _err(desc: str) -> dict:
    return {"description": desc, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _json(ref: str, desc: str = "OK") -> dict:
    return {"description": desc, "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}}


ID = {"name": "release_id", "in": "path", "required": True,
      "schema": {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,32}$"},
      "description": "the release's public id (random, not guessable)"}
PUBLIC = {("/healthz", "get"), ("/api/openapi.json", "get")}


def spec() -> dict:
    out = _spec()
    read_only = {("/api/lint", "post"), ("/api/render", "post"), ("/api/releases/check", "post")}
    for path, ops in out["paths"].items():
        for method, op in ops.items():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            if (path, method) not in PUBLIC:
                op["responses"].setdefault("401", _err("Not signed in and no valid API token (Authorization: Bearer ...)"))
                op.setdefault("security", [{"bearer": []}, {"session": []}])
            if method in ("post", "put", "patch", "delete") and (path, method) not in read_only:
                op["responses"].setdefault("403", _err(
                    "No CSRF token (X-CSRFToken, from the page) and no API token (Authorization: Bearer ...)"))
                op["responses"].setdefault("400", _err("Bad request"))
            op["responses"].setdefault("400", _err("Bad request (unknown host, JSON nested too deeply, NUL or lone surrogates)"))
    lint = out["paths"]["/api/lint"]["post"]["responses"]
    lint.setdefault("422", _err("Checking took longer than the per-document time budget"))
    lint["413"] = _err("Draft larger than 10 MB, or more text than the web app checks")
    return out


def _spec() -> dict:
    release_body = {"type": "object", "required": ["payload"], "properties": {
        "payload": {"$ref": "#/components/schemas/Payload"}}}
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Pressroom API",
            "version": __version__,
            "description": "Check press-release drafts, render releases to DOCX and keep release drafts. "
                           "Write requests take application/json (multipart/form-data for file uploads to /api/lint). "
                           "Errors are JSON objects with `error` (a message for people) and `status`.",
        },
        "paths": {
            "/healthz": {"get": {"summary": "Health check for load balancers", "operationId": "healthz",
                                 "responses": {"200": _json("Health"), "503": _json("Health", "Database unavailable")}}},
            "/api/lint": {"post": {
                "summary": "Lint a draft (text or a DOCX/TXT/MD file); returns the linter's JSON contract (version 1) or SARIF",
                "operationId": "lint",
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/LintRequest"}},
                    "multipart/form-data": {"schema": {"type": "object", "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "text": {"type": "string"},
                        "language": {"type": "string", "enum": ["auto", "ru", "en"]},
                        "report": {"type": "string", "enum": ["json", "sarif"]},
                        "messages": {"type": "string", "enum": ["en", "ru"], "default": "en",
                                     "description": "language of the finding messages"}}}},
                }},
                "responses": {"200": _json("LintReport", "Findings (JSON contract, or SARIF 2.1.0 with report=sarif)"),
                              "400": _err("Unreadable draft or bad parameters"), "413": _err("Draft larger than 10 MB"),
                              "415": _err("Unsupported content type")},
            }},
            "/api/render": {"post": {
                "summary": "Render a release (the release model as JSON) to DOCX",
                "operationId": "render",
                "parameters": [{"name": "draft", "in": "query", "required": False,
                                "schema": {"type": "boolean"},
                                "description": "Mark the document DRAFT. A release with errors is always marked."}],
                "requestBody": {"required": True, "content": {"application/json": {"schema": release_body}}},
                "responses": {
                    "200": {"description": "The DOCX; header X-Pressroom-Draft says whether it is marked DRAFT",
                            "content": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document":
                                        {"schema": {"type": "string", "format": "binary"}}}},
                    "400": _err("Not JSON or not an object"), "413": _err("Too large"),
                    "415": _err("Unsupported content type"),
                    "422": _json("Invalid", "The release has problems (each with its field path)")},
            }},
            "/api/releases/check": {"post": {
                "summary": "Live checks of a release: field problems, linter findings on the rendered text, cross-checks",
                "operationId": "checkRelease",
                "requestBody": {"required": True, "content": {"application/json": {"schema": release_body}}},
                "responses": {"200": _json("LiveCheck"), "400": _err("Not JSON or not an object"),
                              "413": _err("Too large"), "415": _err("Unsupported content type")},
            }},
            "/api/releases": {
                "get": {"summary": "List releases", "operationId": "listReleases",
                        "parameters": [
                            {"name": "q", "in": "query", "schema": {"type": "string"}, "description": "Search words"},
                            {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["updated", "created", "title", "oldest"]}},
                            {"name": "deleted", "in": "query", "schema": {"type": "string", "enum": ["true", "false"]},
                             "description": "List deleted releases (undo)"},
                            {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500},
                             "description": "Releases per page (default and most: 500)"},
                            {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0},
                             "description": "Releases to skip (the previous page's next_offset)"}],
                        "responses": {"200": _json("ReleaseList"), "400": _err("Bad parameters")}},
                "post": {"summary": "Create a release", "operationId": "createRelease",
                         "requestBody": {"required": True, "content": {"application/json": {"schema": release_body}}},
                         "responses": {"201": _json("Release", "Created"), "400": _err("Bad body"),
                                       "413": _err("Too large"), "415": _err("Unsupported content type")}},
            },
            "/api/releases/{release_id}": {
                "parameters": [ID],
                "get": {"summary": "Get a release", "operationId": "getRelease",
                        "responses": {"200": _json("Release"), "404": _err("No such release")}},
                "put": {"summary": "Save a release (optimistic concurrency: name the version you edited)",
                        "operationId": "saveRelease",
                        "requestBody": {"required": True, "content": {"application/json": {"schema": {
                            "type": "object", "required": ["payload", "version"], "properties": {
                                "payload": {"$ref": "#/components/schemas/Payload"},
                                "version": {"type": "integer", "minimum": 1},
                                "kind": {"type": "string", "enum": ["autosave", "save"]}}}}}},
                        "responses": {"200": _json("ReleaseSummary", "Saved"), "400": _err("Bad body"),
                                      "404": _err("No such release"), "409": _json("Conflict", "Changed elsewhere"),
                                      "413": _err("Too large"), "415": _err("Unsupported content type")}},
                "delete": {"summary": "Delete a release (soft; undo with /undelete)", "operationId": "deleteRelease",
                           "responses": {"200": _json("ReleaseSummary", "Deleted"), "404": _err("No such release")}},
            },
            "/api/releases/{release_id}/undelete": {"parameters": [ID], "post": {
                "summary": "Undo a delete", "operationId": "undeleteRelease",
                "responses": {"200": _json("ReleaseSummary"), "404": _err("No such release")}}},
            "/api/releases/{release_id}/duplicate": {"parameters": [ID], "post": {
                "summary": "Duplicate a release", "operationId": "duplicateRelease",
                "responses": {"201": _json("Release", "The copy"), "404": _err("No such release")}}},
            "/api/releases/{release_id}/versions": {"parameters": [ID], "get": {
                "summary": "Version history", "operationId": "releaseVersions",
                "responses": {"200": _json("VersionList"), "404": _err("No such release")}}},
            "/api/releases/{release_id}/restore": {"parameters": [ID], "post": {
                "summary": "Restore a version from the history", "operationId": "restoreRelease",
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["snapshot", "version"], "properties": {
                        "snapshot": {"type": "integer", "description": "id of a history entry"},
                        "version": {"type": "integer", "minimum": 1}}}}}},
                "responses": {"200": _json("Release", "Restored"), "400": _err("Bad body"),
                              "404": _err("No such release or version"), "409": _json("Conflict"),
                              "415": _err("Unsupported content type")}}},
        },
        "components": {"securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer",
                       "description": "an API token of a user (Account > API tokens), or one of PRESSROOM_API_TOKENS"},
            "session": {"type": "apiKey", "in": "cookie", "name": "session",
                        "description": "the browser's session after sign-in (writes also need X-CSRFToken)"}},
            "schemas": {
            "Error": {"type": "object", "required": ["error", "status"], "properties": {
                "error": {"type": "string"}, "status": {"type": "integer"}}},
            "Health": {"type": "object", "required": ["status", "database"], "properties": {
                "status": {"type": "string", "enum": ["ok", "degraded"]}, "database": {"type": "string"},
                "version": {"type": "string"}}},
            "LintRequest": {"type": "object", "required": ["text"], "properties": {
                "text": {"type": "string", "minLength": 1}, "name": {"type": "string"},
                "language": {"type": "string", "enum": ["auto", "ru", "en"]},
                "format": {"type": "string", "enum": ["txt", "md"]},
                "report": {"type": "string", "enum": ["json", "sarif"]},
                "messages": {"type": "string", "enum": ["en", "ru"], "default": "en",
                             "description": "language of the finding messages"}}},
            "Finding": {"type": "object", "required": ["rule", "category", "severity", "message", "line", "column",
                                                        "offset", "length", "text", "suggestions"], "properties": {
                "rule": {"type": "string"}, "category": {"type": "string"},
                "severity": {"type": "string", "enum": ["error", "warning", "info"]},
                "message": {"type": "string"}, "line": {"type": "integer"}, "column": {"type": "integer"},
                "offset": {"type": "integer"}, "length": {"type": "integer"}, "text": {"type": "string"},
                "suggestions": {"type": "array", "items": {"type": "string"}}}},
            "LintReport": {"type": "object", "description": "JSON contract version 1 (or a SARIF 2.1.0 log)",
                           "properties": {
                               "version": {"description": "1 (JSON contract) or \"2.1.0\" (SARIF)"},
                               "files": {"type": "array", "items": {"type": "object", "properties": {
                                   "path": {"type": "string"}, "language": {"type": "string"},
                                   "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}},
                                   "summary": {"type": "object", "additionalProperties": {"type": "integer"}}}}},
                               "notices": {"type": "array", "items": {"type": "string"}},
                               "runs": {"type": "array"}, "$schema": {"type": "string"}}},
            "Payload": {"type": "object", "description": "The release (the release model; drafts may be incomplete). "
                                                         "See the release JSON Schema in README."},
            "ReleaseSummary": {"type": "object", "required": ["id", "title", "language", "version", "created_at",
                                                              "updated_at", "deleted"], "properties": {
                "id": {"type": "string", "description": "public id"}, "title": {"type": "string"},
                "language": {"type": "string"}, "state": {"type": "string"},
                "version": {"type": "integer"}, "created_at": {"type": "string"}, "updated_at": {"type": "string"},
                "deleted": {"type": "boolean"}}},
            "Release": {"allOf": [{"$ref": "#/components/schemas/ReleaseSummary"}, {
                "type": "object", "required": ["payload"], "properties": {"payload": {"$ref": "#/components/schemas/Payload"}}}]},
            "ReleaseList": {"type": "object", "required": ["releases"], "properties": {
                "releases": {"type": "array", "items": {"$ref": "#/components/schemas/ReleaseSummary"}},
                "next_offset": {"type": "integer", "nullable": True,
                                "description": "offset of the next page; null on the last page"}}},
            "VersionList": {"type": "object", "required": ["versions"], "properties": {
                "versions": {"type": "array", "items": {"type": "object", "required": ["id", "version", "kind", "created_at"],
                                                         "properties": {"id": {"type": "integer"}, "version": {"type": "integer"},
                                                                        "kind": {"type": "string"}, "title": {"type": "string"},
                                                                        "created_at": {"type": "string"}}}}}},
            "Conflict": {"type": "object", "required": ["error", "status", "current", "yours"], "properties": {
                "error": {"type": "string"}, "status": {"type": "integer"},
                "current": {"$ref": "#/components/schemas/Release"},
                "yours": {"type": "object"}}},
            "Problem": {"type": "object", "required": ["path", "message"], "properties": {
                "path": {"type": "string"}, "message": {"type": "string"}}},
            "Invalid": {"type": "object", "required": ["error", "status", "problems"], "properties": {
                "error": {"type": "string"}, "status": {"type": "integer"},
                "problems": {"type": "array", "items": {"$ref": "#/components/schemas/Problem"}}}},
            "LiveCheck": {"type": "object", "required": ["problems", "findings", "summary"], "properties": {
                "problems": {"type": "array", "items": {"$ref": "#/components/schemas/Problem"}},
                "findings": {"type": "array", "items": {"type": "object"}},
                "summary": {"type": "object", "additionalProperties": {"type": "integer"}},
                "text": {"type": "string"}}},
        }},
    }
