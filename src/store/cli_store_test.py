#!/usr/bin/env python3
"""The ledger commands end to end: ingest (no-op twice, exit 1 on skipped input, kill -9
mid-ingest then a re-run), incidents/show/doc, and exports read back by Python's own
csv and json modules: what a spreadsheet or a GIS tool would open.

  usage: cli_store_test.py CROSSCHECK EXAMPLES_DIR SHARED_DIR
"""
import csv, io, json, os, signal, sqlite3, subprocess, sys, tempfile, time

crosscheck, examples, shared = sys.argv[1:4]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def run(*args, **kwargs):
    return subprocess.run([crosscheck, *args], capture_output=True, text=True, timeout=600, **kwargs)


def snapshot(db):
    out = run("incidents", "--db", db, "--format", "json")
    assert out.returncode == 0, out.stderr
    return sorted(json.dumps(i, sort_keys=True) for i in json.loads(out.stdout)["incidents"])


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "ledger.db")
    first = run("ingest", examples, "--db", db, "--threads", "1")
    check(first.returncode == 0, f"ingest examples: exit {first.returncode}: {first.stderr}")
    before = snapshot(db)
    check(len(before) > 0, "no incidents stored")
    again = run("ingest", examples, "--db", db)
    check(again.returncode == 0 and "0 added" in again.stderr, f"second ingest is not a no-op: {again.stderr}")
    check(snapshot(db) == before, "second ingest changed the ledger")

    # A skipped document: exit 1, the rest stored.
    bad = os.path.join(tmp, "bad.jsonl")
    with open(bad, "w") as f:
        f.write('{"id": "ok-1", "text": "Shelling hit Kostiantynivka on Wednesday, officials said."}\n{broken\n')
    skipped = run("ingest", bad, "--db", db)
    check(skipped.returncode == 1, f"ingest with a malformed line: exit {skipped.returncode}")
    check(run("doc", "ok-1", "--db", db).returncode == 0, "the good line of a bad file was not stored")

    # Queries and exit codes.
    ledger = json.loads(run("incidents", "--db", db, "--format", "json").stdout)
    check(ledger["schema"] == "crosscheck.ledger/1", "incidents --format json is not a ledger")
    incident = ledger["incidents"][0]
    shown = run("show", incident["id"], "--db", db, "--format", "json")
    check(shown.returncode == 0 and json.loads(shown.stdout)["id"] == incident["id"], "show")
    check(run("show", "I-nope", "--db", db).returncode == 2, "show of an unknown id should exit 2")
    doc = run("doc", incident["documents"][0], "--db", db)
    check(doc.returncode == 0 and "[[" in doc.stdout, "doc does not highlight evidence")
    check(run("incidents", "--db", db, "--status", "maybe").returncode == 2, "a bad filter should exit 2")
    check(run("incidents", "--db", db, "--near", "1,2").returncode == 2, "a bad --near should exit 2")
    check(run("incidents", "--db", os.path.join(tmp, "no", "such", "dir.db")).returncode == 2, "an unopenable db should exit 2")

    # A ledger of schema 2 (no blocking keys) gets them from its candidates when opened.
    with sqlite3.connect(db) as connection:
        keys_before = connection.execute("SELECT COUNT(*), COUNT(DISTINCT key) FROM candidate_keys").fetchone()
        connection.execute("DROP TABLE candidate_keys")
        connection.execute("DELETE FROM schema_version WHERE version = 3")
    check(keys_before[0] > 0, "ingest stored no blocking keys")
    check(run("incidents", "--db", db).returncode == 0, "opening a schema 2 ledger")
    with sqlite3.connect(db) as connection:
        keys_after = connection.execute("SELECT COUNT(*), COUNT(DISTINCT key) FROM candidate_keys").fetchone()
        version = connection.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
    check(keys_after == keys_before and version == 3, f"migration to schema 3: {keys_after} keys vs {keys_before}, v{version}")

    # ask against the store answers as ask over the reports does; a missing ledger is an error.
    seeds = os.path.join(shared, "seeds")
    seeds_db = os.path.join(tmp, "seeds.db")
    check(run("ingest", seeds, "--db", seeds_db).returncode == 0, "ingest the seeds")
    for question in ["who carried out the strike on Abu Kamal in June 2018?",
                     "how many people were killed in Al Bukamal in 2024?",
                     "what happened in Abu Kamal?",
                     "who bombed Lisbon in 1755?"]:
        from_reports = run("ask", question, seeds)
        from_store = run("ask", question, "--db", seeds_db)
        check(from_store.returncode == 0 and from_store.stdout == from_reports.stdout,
              f"ask --db differs from ask over the reports for {question!r}:\n{from_store.stdout}\n---\n{from_reports.stdout}")
    check(run("ask", "what happened in Abu Kamal?", "--db", seeds_db).stdout.startswith("I"), "ask --db found nothing")
    check(run("ask", "who?", "--db", os.path.join(tmp, "none.db")).returncode == 2, "ask on a missing ledger should exit 2")
    check(not os.path.exists(os.path.join(tmp, "none.db")), "ask created an empty ledger")

    # Exports, read back by the standard library.
    rows = list(csv.reader(io.StringIO(run("export", "--db", db, "--format", "csv").stdout, newline="")))
    check(len(rows) == len(ledger["incidents"]) + 1, "csv: one row per incident plus a header")
    check(all(len(r) == len(rows[0]) for r in rows), "csv: ragged rows")
    acled = list(csv.DictReader(io.StringIO(run("export", "--db", db, "--format", "acled").stdout, newline="")))
    columns = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
               "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source",
               "notes", "fatalities"]
    check(len(acled) == len(ledger["incidents"]) and list(acled[0].keys()) == columns, "acled: columns")
    check(all(r["fatalities"].isdigit() for r in acled), "acled: fatalities must be integers")
    geo = json.loads(run("export", "--db", db, "--format", "geojson").stdout)
    check(geo["type"] == "FeatureCollection" and len(geo["features"]) == len(ledger["incidents"]), "geojson: collection")
    for feature in geo["features"]:
        g = feature["geometry"]
        check(feature["type"] == "Feature" and isinstance(feature["properties"], dict), "geojson: feature")
        if g is not None:
            lon, lat = g["coordinates"]
            check(g["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90, "geojson: coordinates")
    exported = json.loads(run("export", "--db", db, "--format", "ledger").stdout)
    check(exported["schema"] == "crosscheck.ledger/1", "export ledger")

    # kill -9 in the middle of an ingest, then the same ingest again: the ledger equals
    # one ingested in a single run, nothing lost, nothing doubled.
    corpus = os.path.join(tmp, "corpus.jsonl")
    subprocess.run([sys.executable, os.path.join(shared, "bench", "make_corpus.py"), "--out", corpus, "-n", "400",
                    "--seed", "3"], check=True, capture_output=True)
    killed_db = os.path.join(tmp, "killed.db")
    child = subprocess.Popen([crosscheck, "ingest", corpus, "--db", killed_db, "--threads", "1", "--batch", "64"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.time() + 120
    while time.time() < deadline and child.poll() is None:
        try:
            with sqlite3.connect(killed_db, timeout=1) as connection:
                stored = connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            stored = 0
        if stored >= 64:  # at least one batch committed, more on the way
            break
        time.sleep(0.05)
    killed = child.poll() is None
    if killed:
        child.send_signal(signal.SIGKILL)
    child.wait()
    check(killed, "the ingest finished before it could be killed")
    rerun = run("ingest", corpus, "--db", killed_db)
    check(rerun.returncode == 0, f"re-run after kill -9: exit {rerun.returncode}: {rerun.stderr}")
    clean_db = os.path.join(tmp, "clean.db")
    check(run("ingest", corpus, "--db", clean_db).returncode == 0, "clean ingest")
    with sqlite3.connect(killed_db) as connection:
        documents, revisions = connection.execute(
            "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM document_revisions)").fetchone()
    check(documents == 400 and revisions == 400, f"after kill -9 and re-run: {documents} documents, {revisions} revisions")
    check(snapshot(killed_db) == snapshot(clean_db), "kill -9 + re-run differs from a clean ingest")

print("cli_store_test:", "FAILED" if failures else "ok", f"({len(failures)} failures)")
sys.exit(1 if failures else 0)
