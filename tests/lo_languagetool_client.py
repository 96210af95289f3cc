"""Run by Debian's /usr/bin/python3 (python3-uno), not the project's venv: start a headless
LibreOffice with a fresh user profile whose registrymodifications.xcu enables its built-in
LanguageTool remote checker with BASE_URL, and proofread each paragraph given on stdin (JSON
list) through LibreOffice's own checker (org.openoffice.lingu.LanguageToolGrammarChecker, what
Writer's proofreading iterator calls). Prints JSON: per paragraph [start, length, short comment,
suggestions] as LibreOffice holds them (start/length in UTF-16 units, LibreOffice's OUString).

usage: python3 lo_languagetool_client.py BASE_URL PROFILE_DIR UNO_PORT LANG COUNTRY < paragraphs.json
"""
import json
import os
import subprocess
import sys
import time

import uno  # noqa: F401  (python3-uno)
from com.sun.star.lang import Locale

XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Linguistic/GrammarChecking/LanguageTool"><prop oor:name="BaseURL" oor:op="fuse"><value>{url}</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/GrammarChecking/LanguageTool"><prop oor:name="IsEnabled" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
"""


def main():
    base_url, profile, port, lang, country = sys.argv[1:6]
    paragraphs = json.load(sys.stdin)
    os.makedirs(os.path.join(profile, "user"), exist_ok=True)
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w", encoding="utf-8") as fh:
        fh.write(XCU.format(url=base_url))
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo",
                               f"-env:UserInstallation=file://{profile}",
                               f"--accept=socket,host=127.0.0.1,port={port};urp;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            raise SystemExit("LibreOffice did not start")
        checker = ctx.ServiceManager.createInstanceWithContext("org.openoffice.lingu.LanguageToolGrammarChecker", ctx)
        loc = Locale(lang, country, "")
        out = []
        for i, text in enumerate(paragraphs):
            res = checker.doProofreading(f"doc{i}", text, loc, 0, len(text.encode("utf-16-le")) // 2, ())
            out.append([[e.nErrorStart, e.nErrorLength, e.aShortComment, list(e.aSuggestions)] for e in res.aErrors])
        print(json.dumps(out, ensure_ascii=False))
    finally:
        office.terminate()
        try:
            office.wait(30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
